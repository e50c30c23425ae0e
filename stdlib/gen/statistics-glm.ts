/**
 * The hand-written core and per-type wrappers of shared3p_statistics_glm
 * (generalised linear models on private data), assembled by statistics.ts.
 *
 * Model: the columns of `variables` plus a constant (coefficients in column
 * order, the intercept last, as linearRegression), fitted by iteratively
 * reweighted least squares: each iteration forms the working response z and
 * weights w from the current fit and solves the weighted least-squares problem
 * with the regression module's solver. Families with their canonical links:
 * Gaussian (identity; one iteration is exact), binomial (logit; 0/1 responses)
 * and Poisson (log). Everything stays private; the iteration count is public.
 */

export const GLM_CORE = `
/** Families (with their canonical link) for generalizedLinearModel. */
uint GLM_FAMILY_GAUSSIAN = 0;
uint GLM_FAMILY_BINOMIAL_LOGIT = 1;
uint GLM_FAMILY_POISSON_LOG = 2;

/**
 * A fitted model: coefficients (one per column of variables, then the
 * intercept), fitted means, the response, the Fisher information X^T W X at the
 * fit (for standard errors) and the family.
 */
template <domain D : shared3p, type F>
struct GLMResult {
    D F[[1]] coefficients;
    D F[[1]] fitted;
    D F[[1]] dependent;
    D F[[2]] information;
    uint family;
}

/* The mean for linear predictor eta under the family's inverse link. */
template <domain D : shared3p, type F>
D F[[1]] _glmMean(D F[[1]] eta, uint family) {
    if (family == GLM_FAMILY_BINOMIAL_LOGIT) {
        F one = 1;
        return one / (exp(-eta) + one);
    }
    if (family == GLM_FAMILY_POISSON_LOG) {
        return exp(eta);
    }
    return eta;
}

/* IRLS weights w = 1 / (variance(mu) g'(mu)^2) for the canonical links. */
template <domain D : shared3p, type F>
D F[[1]] _glmWeights(D F[[1]] mu, uint family) {
    if (family == GLM_FAMILY_BINOMIAL_LOGIT) {
        F one = 1;
        return mu * (one - mu);
    }
    if (family == GLM_FAMILY_POISSON_LOG) {
        return mu;
    }
    D F[[1]] ones(size(mu));
    F one = 1;
    ones = one;
    return ones;
}

template <domain D : shared3p, type F>
D F[[1]] _glmPredictor(D F[[2]] design, D F[[1]] b) {
    uint n = shape(design)[0];
    uint k = shape(design)[1];
    return flatten(matrixMultiplication(design, reshape(b, k, 1)));
}

template <domain D : shared3p, type F>
GLMResult<D, F> _glm(D F[[1]] y, D F[[2]] variables, uint family, uint iterations) {
    assert(family <= GLM_FAMILY_POISSON_LOG);
    assert(iterations >= 1);
    uint n = size(y);
    D F[[2]] design = _designWithIntercept(variables);
    uint k = shape(design)[1];
    assert(shape(design)[0] == n && n >= k);
    // start from the data: mu0 = (y + 1/2) / 2 (binomial), y + 1/10 (Poisson), eta0 = g(mu0)
    D F[[1]] mu = y;
    D F[[1]] eta = y;
    F half = 0.5;
    F tenth = 0.1;
    F one = 1;
    if (family == GLM_FAMILY_BINOMIAL_LOGIT) {
        mu = (y + half) * half;
        eta = ln(mu / (one - mu));
    }
    if (family == GLM_FAMILY_POISSON_LOG) {
        mu = y + tenth;
        eta = ln(mu);
    }
    D F[[1]] b(k);
    for (uint it = 0; it < iterations; ++it) {
        D F[[1]] w = _glmWeights(mu, family);
        // working response z = eta + (y - mu) g'(mu), g'(mu) = 1 / w for canonical links
        D F[[1]] z = eta + (y - mu) / w;
        if (family == GLM_FAMILY_GAUSSIAN) {
            z = y;
        }
        D F[[1]] root = sqrt(w);
        b = _solveDesign(design * _spreadWeights(root, k), z * root);
        eta = _glmPredictor(design, b);
        mu = _glmMean(eta, family);
    }
    D F[[2]] scaled = design * _spreadWeights(sqrt(_glmWeights(mu, family)), k);
    GLMResult<D, F> result;
    result.coefficients = b;
    result.fitted = mu;
    result.dependent = y;
    result.information = matrixMultiplication(transpose(scaled), scaled);
    result.family = family;
    return result;
}

/* Dispersion: 1 for binomial and Poisson, RSS / (n - k) for Gaussian. */
template <domain D : shared3p, type F>
D F _glmDispersion(GLMResult<D, F> r) {
    D F one = 1;
    if (r.family != GLM_FAMILY_GAUSSIAN) {
        return one;
    }
    uint n = size(r.dependent);
    uint k = size(r.coefficients);
    assert(n > k);
    D F[[1]] e = r.dependent - r.fitted;
    F dof = (F) (n - k);
    return sum(e * e) / dof;
}

template <domain D : shared3p, type F>
D F[[1]] _glmStandardErrors(GLMResult<D, F> r) {
    uint k = size(r.coefficients);
    D F[[2]] inverse = choleskyInverse(r.information);
    D F[[1]] diagonal(k);
    for (uint i = 0; i < k; ++i) {
        diagonal[i] = inverse[i, i];
    }
    return sqrt(diagonal * _glmDispersion(r));
}

/* -2 log-likelihood at the fit plus 2 * (number of parameters). */
template <domain D : shared3p, type F>
D F _glmAic(GLMResult<D, F> r) {
    uint n = size(r.dependent);
    uint k = size(r.coefficients);
    D F[[1]] y = r.dependent;
    D F[[1]] mu = r.fitted;
    F one = 1;
    F two = 2;
    if (r.family == GLM_FAMILY_BINOMIAL_LOGIT) {
        D F ll = sum(y * ln(mu) + (one - y) * ln(one - mu));
        return (F) (2 * k) - two * ll;
    }
    if (r.family == GLM_FAMILY_POISSON_LOG) {
        D F ll = sum(y * ln(mu) - mu - logGamma(y + one));
        return (F) (2 * k) - two * ll;
    }
    // Gaussian with the maximum-likelihood variance RSS / n (one more parameter)
    D F[[1]] e = y - mu;
    F twoPi = 6.283185307179586;
    F count = (F) n;
    D F[[1]] rss = {sum(e * e)};
    D F[[1]] logTerm = ln(rss * (twoPi / count));
    return count * (logTerm[0] + one) + (F) (2 * (k + 1));
}

template <domain D : shared3p>
D float32[[1]] glmStandardErrors(GLMResult<D, float32> r) {
    return _glmStandardErrors(r);
}

template <domain D : shared3p>
D float64[[1]] glmStandardErrors(GLMResult<D, float64> r) {
    return _glmStandardErrors(r);
}

/** Akaike's information criterion of a fitted model. */
template <domain D : shared3p>
D float32 GLMAIC(GLMResult<D, float32> r) {
    return _glmAic(r);
}

template <domain D : shared3p>
D float64 GLMAIC(GLMResult<D, float64> r) {
    return _glmAic(r);
}
`;

/** generalizedLinearModel for input type t with float result type f. */
export function glmWrapper(t: string, f: string): string {
  return `/**
 * Fits the family's model of dependent on the columns of variables plus a
 * constant by \`iterations\` IRLS steps (see the module header).
 */
template <domain D : shared3p>
GLMResult<D, ${f}> generalizedLinearModel(D ${t}[[1]] dependent, D ${t}[[2]] variables, uint family, uint iterations) {
    return _glm(_toFloat(dependent), _toFloat2(variables), family, iterations);
}
`;
}
