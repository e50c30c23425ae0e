/**
 * The hand-written cores of the shared3p_statistics_* modules (see
 * statistics.ts, which adds the per-type wrappers). Every core procedure works on
 * private float vectors; sample sizes after `cut` are public.
 */

export const COMMON_CORE = `
/*
 * cut(data, isAvailable): the available elements, in random order. data and
 * mask are shuffled with one fresh key and only the shuffled mask is opened, so
 * what becomes public is the number of available elements, not which ones.
 */
template <domain D : shared3p, type T>
D T[[1]] cut(D T[[1]] data, D bool[[1]] isAvailable) {
    assert(size(data) == size(isAvailable));
    D uint8[[1]] key(32);
    key = randomize(key);
    D T[[1]] shuffled = shuffle(data, key);
    bool[[1]] keep = declassify(shuffle(isAvailable, key));
    uint count = 0;
    for (uint i = 0; i < size(keep); ++i) {
        if (keep[i]) {
            count++;
        }
    }
    uint[[1]] positions(count);
    uint t = 0;
    for (uint i = 0; i < size(keep); ++i) {
        if (keep[i]) {
            positions[t] = i;
            t++;
        }
    }
    return _gather(shuffled, positions);
}

/* The rows of mat whose mask element is true (random order; reveals the count). */
template <domain D : shared3p, type T>
D T[[2]] _cutRows(D T[[2]] mat, D bool[[1]] isAvailable) {
    uint rows = shape(mat)[0];
    uint cols = shape(mat)[1];
    assert(size(isAvailable) == rows);
    D uint8[[1]] key(32);
    key = randomize(key);
    D T[[2]] shuffled = shuffleRows(mat, key);
    bool[[1]] keep = declassify(shuffle(isAvailable, key));
    uint count = 0;
    for (uint i = 0; i < rows; ++i) {
        if (keep[i]) {
            count++;
        }
    }
    D T[[2]] result(count, cols);
    uint t = 0;
    for (uint i = 0; i < rows; ++i) {
        if (keep[i]) {
            result[t, :] = shuffled[i, :];
            t++;
        }
    }
    return result;
}

/** The element that would be at position k (0-based) if data were sorted. */
template <domain D : shared3p, type T>
D T nthElement(D T[[1]] data, uint k) {
    assert(k < size(data));
    D T[[1]] sorted = sortingNetworkSort(data);
    return sorted[k];
}

/* Conversion of samples to the float type of the statistics results. */
template <domain D : shared3p>
D float32[[1]] _toFloat(D int32[[1]] x) {
    return (float32) x;
}

template <domain D : shared3p>
D float32[[1]] _toFloat(D uint32[[1]] x) {
    return (float32) x;
}

template <domain D : shared3p>
D float64[[1]] _toFloat(D int64[[1]] x) {
    return (float64) x;
}

template <domain D : shared3p>
D float64[[1]] _toFloat(D uint64[[1]] x) {
    return (float64) x;
}

template <domain D : shared3p>
D float32[[1]] _toFloat(D float32[[1]] x) {
    return x;
}

template <domain D : shared3p>
D float64[[1]] _toFloat(D float64[[1]] x) {
    return x;
}

template <domain D : shared3p, type T>
D T _toFloat(D T x) {
    D T[[1]] v = {x};
    return _toFloat(v)[0];
}


/*
 * contingencyTable(data, cases, controls, categories): a 2 x k table of counts
 * for the public category values: row 0 counts the elements marked in cases whose
 * value is categories[j], row 1 those marked in controls (elements in neither
 * group are not counted). One vectorised equality test of every element against
 * every category; the result feeds chiSquared.
 */
template <domain D : shared3p, type T>
D uint64[[2]] contingencyTable(D T[[1]] data, D bool[[1]] cases, D bool[[1]] controls, T[[1]] categories) {
    uint n = size(data);
    uint k = size(categories);
    assert(size(cases) == n && size(controls) == n);
    if (n == 0 || k == 0) {
        D uint64[[2]] zeros(2, k);
        return zeros;
    }
    // element i against category j at j * n + i
    T[[2]] values = reshape(categories, k, 1);
    while (shape(values)[1] < n) {
        uint have = shape(values)[1];
        uint take = min(have, n - have);
        values = cat(values, values[:, 0:take], 1);
    }
    D T[[1]] tiled = data;
    D bool[[1]] tiledCases = cases;
    D bool[[1]] tiledControls = controls;
    while (size(tiled) < n * k) {
        uint take = min(size(tiled), n * k - size(tiled));
        tiled = cat(tiled, tiled[0:take]);
        tiledCases = cat(tiledCases, tiledCases[0:take]);
        tiledControls = cat(tiledControls, tiledControls[0:take]);
    }
    D bool[[1]] hit = tiled == flatten(values);
    D uint64[[1]] caseCounts = sum((uint64) (hit & tiledCases), k);
    D uint64[[1]] controlCounts = sum((uint64) (hit & tiledControls), k);
    return reshape(cat(caseCounts, controlCounts), 2, k);
}
`;

export const SUMMARY_CORE = `
template <domain D : shared3p, type T>
D T minimum(D T[[1]] data) {
    return min(data);
}

/** The smallest available element (reveals how many are available). */
template <domain D : shared3p, type T>
D T minimum(D T[[1]] data, D bool[[1]] isAvailable) {
    return min(cut(data, isAvailable));
}

template <domain D : shared3p, type T>
D T maximum(D T[[1]] data) {
    return max(data);
}

template <domain D : shared3p, type T>
D T maximum(D T[[1]] data, D bool[[1]] isAvailable) {
    return max(cut(data, isAvailable));
}

template <domain D : shared3p, type F>
D F _mean(D F[[1]] x) {
    uint n = size(x);
    assert(n > 0);
    F count = (F) n;
    return sum(x) / count;
}

/* The sample variance (divisor n - 1). */
template <domain D : shared3p, type F>
D F _variance(D F[[1]] x) {
    uint n = size(x);
    assert(n > 1);
    D F[[1]] d = x - _mean(x);
    F divisor = (F) (n - 1);
    return sum(d * d) / divisor;
}

template <domain D : shared3p, type F>
D F _covariance(D F[[1]] x, D F[[1]] y) {
    uint n = size(x);
    assert(n > 1 && size(y) == n);
    D F[[1]] dx = x - _mean(x);
    D F[[1]] dy = y - _mean(y);
    F divisor = (F) (n - 1);
    return sum(dx * dy) / divisor;
}

/*
 * Quantiles of an ascending vector by linear interpolation between order
 * statistics (R's default, type 7): h = (n - 1) p, x[floor h] + (h - floor h)
 * (x[floor h + 1] - x[floor h]). The positions are public (n is public).
 */
template <domain D : shared3p, type F>
D F[[1]] _quantiles(D F[[1]] sorted, float64[[1]] probabilities) {
    uint n = size(sorted);
    uint k = size(probabilities);
    assert(n > 0);
    D F[[1]] low(k);
    D F[[1]] high(k);
    F[[1]] fraction(k);
    for (uint i = 0; i < k; ++i) {
        float64 p = probabilities[i];
        assert(p >= 0.0 && p <= 1.0);
        float64 h = (float64) (n - 1) * p;
        uint lo = (uint) h;
        if (lo > n - 1) {
            lo = n - 1;
        }
        uint hi = lo + 1 < n ? lo + 1 : lo;
        low[i] = sorted[lo];
        high[i] = sorted[hi];
        fraction[i] = (F) (h - (float64) lo);
    }
    return low + fraction * (high - low);
}

template <domain D : shared3p, type F>
D F _median(D F[[1]] x) {
    float64[[1]] half = {0.5};
    return _quantiles(sortingNetworkSort(x), half)[0];
}

/* The median absolute deviation from the median (unscaled). */
template <domain D : shared3p, type F>
D F _mad(D F[[1]] x) {
    return _median(abs(x - _median(x)));
}
`;

export const DISTRIBUTION_CORE = `
/* Copies of vec, \`times\` of them one after another (local copies). */
template <domain D : shared3p, type T>
D T[[1]] _tile(D T[[1]] vec, uint times) {
    uint n = size(vec);
    D T[[1]] out = vec;
    while (size(out) < n * times) {
        uint take = min(size(out), n * times - size(out));
        out = cat(out, out[0:take]);
    }
    return out;
}

/* le[j * n + i] = data[i] <= breaks[j]: one vectorised comparison for all breaks. */
template <domain D : shared3p, type T>
D bool[[1]] _atMost(D T[[1]] data, T[[1]] breaks) {
    uint n = size(data);
    uint k = size(breaks);
    if (n == 0) {
        D bool[[1]] none;
        return none;
    }
    // each break repeated n times, by doubling public concatenations
    T[[2]] bounds = reshape(breaks, k, 1);
    while (shape(bounds)[1] < n) {
        uint have = shape(bounds)[1];
        uint take = min(have, n - have);
        bounds = cat(bounds, bounds[:, 0:take], 1);
    }
    return _tile(data, k) <= flatten(bounds);
}

template <domain D : shared3p, type T>
D uint64[[1]] _histogram(D T[[1]] data, T[[1]] breaks) {
    uint k = size(breaks);
    assert(k >= 2);
    D uint64[[1]] atMost = sum(_atMost(data, breaks), k);
    // bin 0 holds everything up to breaks[1]; bin j the part above breaks[j]
    D uint64[[1]] counts = atMost[1:k] - atMost[0:k - 1];
    D uint64[[1]] first = {atMost[1]};
    return cat(first, counts[1:k - 1]);
}

/*
 * The values min, min + step, ..., up to max, and how many available elements
 * equal each: a 2 x k matrix (values in row 0, counts in row 1). The number of
 * values k follows from max - min, which is opened; the counts are one
 * vectorised equality test of every element against every value.
 */
template <domain D : shared3p, type T>
D T[[2]] _discreteDistribution(D T[[1]] data, D bool[[1]] isAvailable, D T min, D T max, T step) {
    assert(size(data) == size(isAvailable));
    assert(step > 0);
    T span = declassify(max - min);
    uint k = (uint) (span / step) + 1;
    uint n = size(data);
    T[[1]] offsets(k);
    for (uint j = 0; j < k; ++j) {
        offsets[j] = (T) j * step;
    }
    D T[[1]] values = offsets + min;
    D T[[1]] valuesRepeated = _repeatElementsVector(values, n);
    D bool[[1]] hits = (_tile(data, k) == valuesRepeated) & _tile(isAvailable, k);
    D T[[1]] counts = (T) sum(hits, k);
    return reshape(cat(values, counts), 2, k);
}

/* Each element of vec repeated times times in a row (local copies). */
template <domain D : shared3p, type T>
D T[[1]] _repeatElementsVector(D T[[1]] vec, uint times) {
    uint n = size(vec);
    D T[[2]] m = reshape(vec, n, 1);
    while (shape(m)[1] < times) {
        uint have = shape(m)[1];
        uint take = min(have, times - have);
        m = cat(m, m[:, 0:take], 1);
    }
    return flatten(m);
}

/* n x (k - 1) matrix of 0/1: element i lies in bin j (bins as in _histogram). */
template <domain D : shared3p, type T>
D uint64[[2]] _binIndicators(D T[[1]] data, T[[1]] breaks) {
    uint n = size(data);
    uint k = size(breaks);
    assert(k >= 2);
    D uint64[[1]] le = (uint64) _atMost(data, breaks);
    // by bins: le at break j+1 minus le at break j (bin 0: le at break 1)
    D uint64[[1]] upper = le[n:n * k];
    D uint64[[1]] lower = cat(reshape(0 :: uint64, n), le[n:n * (k - 1)]);
    D uint64[[1]] inBin = upper - lower;
    return transpose(reshape(inBin, k - 1, n));
}
`;

export const TESTING_CORE = `
template <domain D : shared3p, type F>
D F _tStatistic(D F[[1]] x, D F[[1]] y, bool variancesEqual) {
    F n1 = (F) size(x);
    F n2 = (F) size(y);
    D F diff = _mean(x) - _mean(y);
    D F v1 = _variance(x);
    D F v2 = _variance(y);
    if (variancesEqual) {
        D F pooled = (v1 * (n1 - 1) + v2 * (n2 - 1)) / (n1 + n2 - 2);
        return diff / sqrt(pooled * (1 / n1 + 1 / n2));
    }
    return diff / sqrt(v1 / n1 + v2 / n2);
}

template <domain D : shared3p, type F>
D F _pairedT(D F[[1]] x, D F[[1]] y) {
    assert(size(x) == size(y));
    D F[[1]] d = x - y;
    F n = (F) size(d);
    return _mean(d) / sqrt(_variance(d) / n);
}

/*
 * Rank sum of x within x and y: the rank of x[i] is the number of elements below
 * it plus (the number equal to it, itself included, + 1) / 2, so
 * W = L + (E + n1) / 2 with L, E the counts of (x[i], z) pairs with z < x[i] and
 * z == x[i] over all z. All n1 (n1 + n2) comparisons are one vectorised round.
 */
template <domain D : shared3p, type F>
D F _rankSum(D F[[1]] x, D F[[1]] y) {
    uint n1 = size(x);
    D F[[1]] z = cat(x, y);
    uint n = size(z);
    D F[[1]] zs = _tileVector(z, n1);
    D F[[1]] xs = _repeatElements(x, n);
    D uint64 below = sum(zs < xs);
    D uint64 equal = sum(zs == xs);
    D F lf = (F) below;
    D F ef = (F) equal;
    return lf + (ef + (F) n1) / 2;
}

/*
 * Wilcoxon signed-rank statistic W+ of the differences x - y: zero differences
 * are dropped, the others ranked by absolute value (average ranks for ties), and
 * the ranks of the positive differences summed. The rank of |d_i| is the number
 * of non-zero |d_j| below it plus (the number equal to it + 1) / 2: all n^2
 * comparisons in one vectorised round, counted per i with a chunked sum.
 */
template <domain D : shared3p, type F>
D F _signedRank(D F[[1]] x, D F[[1]] y) {
    assert(size(x) == size(y));
    uint n = size(x);
    D F[[1]] d = x - y;
    D F[[1]] a = abs(d);
    D F[[1]] zeros(n);
    D bool[[1]] nonzero = a > zeros;
    D bool[[1]] positive = d > zeros;
    D F[[1]] mine = _repeatElements(a, n);
    D F[[1]] theirs = _tileVector(a, n);
    D bool[[1]] counted = _tileVector(nonzero, n);
    D uint64[[1]] below = sum(counted & (theirs < mine), n);
    D uint64[[1]] equal = sum(counted & (theirs == mine), n);
    D F[[1]] rank = (F) below + ((F) equal + 1) / 2;
    return sum(choose(positive, rank, zeros));
}

/* The Welch-Satterthwaite degrees of freedom of two samples. */
template <domain D : shared3p, type F>
D F _welchDegrees(D F[[1]] x, D F[[1]] y) {
    F n1 = (F) size(x);
    F n2 = (F) size(y);
    D F a = _variance(x) / n1;
    D F b = _variance(y) / n2;
    return (a + b) * (a + b) / (a * a / (n1 - 1) + b * b / (n2 - 1));
}

/* n copies of vec one after another. */
template <domain D : shared3p, type T>
D T[[1]] _tileVector(D T[[1]] vec, uint times) {
    uint n = size(vec);
    D T[[1]] out = vec;
    while (size(out) < n * times) {
        uint take = min(size(out), n * times - size(out));
        out = cat(out, out[0:take]);
    }
    return out;
}

/* Each element of vec repeated \`times\` times in a row. */
template <domain D : shared3p, type T>
D T[[1]] _repeatElements(D T[[1]] vec, uint times) {
    uint n = size(vec);
    D T[[2]] m = reshape(vec, n, 1);
    while (shape(m)[1] < times) {
        uint have = shape(m)[1];
        uint take = min(have, times - have);
        m = cat(m, m[:, 0:take], 1);
    }
    return flatten(m);
}

/**
 * Pearson's chi-squared statistic of a contingency table of counts:
 * sum over cells of (observed - expected)^2 / expected, expected = row total *
 * column total / grand total.
 */
template <domain D : shared3p>
D float64 chiSquared(D uint64[[2]] table) {
    uint rows = shape(table)[0];
    uint cols = shape(table)[1];
    D float64[[2]] observed = reshape((float64) flatten(table), rows, cols);
    D float64[[1]] rowTotals = sum(flatten(observed), rows);
    D float64[[1]] colTotals(cols);
    for (uint j = 0; j < cols; ++j) {
        colTotals[j] = sum(observed[:, j]);
    }
    D float64 total = sum(rowTotals);
    D float64[[1]] expected(rows * cols);
    for (uint i = 0; i < rows; ++i) {
        expected[i * cols : (i + 1) * cols] = colTotals * rowTotals[i];
    }
    expected = expected / total;
    D float64[[1]] d = flatten(observed) - expected;
    return sum(d * d / expected);
}

/*
 * The Benjamini-Hochberg procedure on private p-values (false discovery rate
 * alpha): with p(1) <= ... <= p(m) sorted, let r be the largest rank with
 * p(r) <= r * alpha / m; the hypotheses with p <= p(r) are rejected (none when no
 * rank qualifies). Obliviously: the p-values go through the sorting network,
 * each rank is compared with its public threshold, whether some rank at or after
 * this one qualifies comes from one prefix sum, the cut-off p(r) is selected by
 * the last such rank, and every original p-value is compared with it. Reveals
 * nothing.
 */
template <domain D : shared3p, type F>
D bool[[1]] _benjaminiHochberg(D F[[1]] pValues, F alpha) {
    uint m = size(pValues);
    if (m == 0) {
        D bool[[1]] none;
        return none;
    }
    D F[[1]] sorted = sortingNetworkSort(pValues);
    F[[1]] thresholds(m);
    for (uint i = 0; i < m; ++i) {
        thresholds[i] = (F) (i + 1) * alpha / (F) m;
    }
    D uint64[[1]] ok = (uint64) (sorted <= thresholds);
    D uint64[[1]] upTo = prefixSum(ok);
    D uint64 total = upTo[m - 1];
    // ranks with a qualifying rank at or after them; the last of them is r
    D bool[[1]] atOrAfter = (total - upTo + ok) != 0;
    D bool[[1]] after(m);
    after[0:m - 1] = atOrAfter[1:m];
    D bool[[1]] isLast = atOrAfter & !after;
    D F[[1]] zeros(m);
    D F cutoff = sum(choose(isLast, sorted, zeros));
    D bool[[1]] any(m);
    any = atOrAfter[0];
    return (pValues <= cutoff) & any;
}

/** Which hypotheses the Benjamini-Hochberg procedure rejects at false discovery rate alpha. */
template <domain D : shared3p>
D bool[[1]] multipleTesting(D float32[[1]] pValues, float32 alpha) {
    return _benjaminiHochberg(pValues, alpha);
}

template <domain D : shared3p>
D bool[[1]] multipleTesting(D float64[[1]] pValues, float64 alpha) {
    return _benjaminiHochberg(pValues, alpha);
}
`;

export const REGRESSION_CORE = `
template <domain D : shared3p, type F>
D F[[1]] _simpleRegression(D F[[1]] x, D F[[1]] y) {
    assert(size(x) == size(y) && size(x) > 1);
    D F slope = _covariance(x, y) / _variance(x);
    D F intercept = _mean(y) - slope * _mean(x);
    D F[[1]] result = {intercept, slope};
    return result;
}

/*
 * Least squares through the normal equations (A^T A) b = A^T y, A = [variables | 1],
 * solved by Gaussian elimination without pivoting (A^T A is symmetric positive definite
 * for independent columns), each elimination step one vectorised row update.
 */
/* The design matrix [variables | 1]. */
template <domain D : shared3p, type F>
D F[[2]] _designWithIntercept(D F[[2]] variables) {
    uint n = shape(variables)[0];
    F one = 1;
    D F[[2]] ones(n, 1) = one;
    return cat(variables, ones, 1);
}

/*
 * Conjugate gradients on the normal equations M b = v (M = A^T A, symmetric
 * positive definite): each iteration one matrix-vector product and two dot
 * products. In exact arithmetic k iterations solve a k-variable system, so the
 * count is capped at k (further steps would divide by a zero residual).
 */
template <domain D : shared3p, type F>
D F[[1]] _linearRegressionCG(D F[[2]] variables, D F[[1]] y, uint iterations) {
    uint n = shape(variables)[0];
    D F[[2]] a = _designWithIntercept(variables);
    uint k = shape(a)[1];
    assert(size(y) == n && n >= k);
    D F[[2]] at = transpose(a);
    D F[[2]] m = matrixMultiplication(at, a);
    D F[[1]] v = flatten(matrixMultiplication(at, reshape(y, n, 1)));
    D F[[1]] b(k);
    D F[[1]] r = v;
    D F[[1]] p = v;
    D F rs = sum(r * r);
    uint steps = iterations < k ? iterations : k;
    for (uint it = 0; it < steps; ++it) {
        D F[[1]] mp = flatten(matrixMultiplication(m, reshape(p, k, 1)));
        D F alpha = rs / sum(p * mp);
        b = b + p * alpha;
        r = r - mp * alpha;
        D F rsNext = sum(r * r);
        if (it + 1 < steps) {
            p = r + p * (rsNext / rs);
        }
        rs = rsNext;
    }
    return b;
}

template <domain D : shared3p, type F>
D F[[1]] _linearRegression(D F[[2]] variables, D F[[1]] y) {
    return _solveDesign(_designWithIntercept(variables), y);
}

/* rows x cols matrix whose row i is w[i] everywhere (local copies). */
template <domain D : shared3p, type F>
D F[[2]] _spreadWeights(D F[[1]] w, uint cols) {
    uint rows = size(w);
    D F[[2]] m = reshape(w, rows, 1);
    while (shape(m)[1] < cols) {
        uint have = shape(m)[1];
        uint take = min(have, cols - have);
        m = cat(m, m[:, 0:take], 1);
    }
    return m;
}

/* The least-squares solution b of a b = y (normal equations, elimination). */
template <domain D : shared3p, type F>
D F[[1]] _solveDesign(D F[[2]] a, D F[[1]] y) {
    uint n = shape(a)[0];
    uint k = shape(a)[1];
    assert(size(y) == n && n >= k);
    D F[[2]] at = transpose(a);
    D F[[2]] m = matrixMultiplication(at, a);
    D F[[1]] v = flatten(matrixMultiplication(at, reshape(y, n, 1)));
    for (uint c = 0; c < k; ++c) {
        for (uint r = c + 1; r < k; ++r) {
            D F factor = m[r, c] / m[c, c];
            m[r, :] = m[r, :] - m[c, :] * factor;
            v[r] = v[r] - v[c] * factor;
        }
    }
    D F[[1]] b(k);
    for (uint step = 0; step < k; ++step) {
        uint r = k - 1 - step;
        D F acc = v[r];
        for (uint j = r + 1; j < k; ++j) {
            acc = acc - m[r, j] * b[j];
        }
        b[r] = acc / m[r, r];
    }
    return b;
}

/*
 * Every row of m sorted ascending at once: the sorting network for the row
 * length runs on all rows in the same vectorised stages (comparator indices
 * offset by row), so the rounds are those of one row.
 */
template <domain D : shared3p, type F>
D F[[2]] _sortRows(D F[[2]] m) {
    uint rows = shape(m)[0];
    uint cols = shape(m)[1];
    uint[[1]] network = generateSortingNetwork(cols);
    D F[[1]] flat = flatten(m);
    uint pos = 1;
    for (uint s = 0; s < network[0]; ++s) {
        uint c = network[pos];
        uint[[1]] lo(rows * c);
        uint[[1]] hi(rows * c);
        for (uint r = 0; r < rows; ++r) {
            lo[r * c : (r + 1) * c] = network[pos + 1 : pos + 1 + c] + r * cols;
            hi[r * c : (r + 1) * c] = network[pos + 1 + c : pos + 1 + 2 * c] + r * cols;
        }
        D F[[1]] a = _gather(flat, lo);
        D F[[1]] b = _gather(flat, hi);
        D bool[[1]] swap = a > b;
        flat = _scatter(cat(choose(swap, b, a), choose(swap, a, b)), flat, cat(lo, hi));
        pos += 1 + 2 * c;
    }
    return reshape(flat, rows, cols);
}

/*
 * LOESS (locally weighted linear regression) fitted at every x[i]: the q =
 * max(2, floor(span * n)) points nearest to x[i] get tricube weights
 * (1 - (d / dmax)^3)^3, d = |x[j] - x[i]|, dmax the q-th smallest distance (the
 * farther points weight 0), and the weighted least-squares line through them is
 * evaluated at x[i]. All n fits at once: an n x n distance matrix, its rows
 * sorted together for dmax, and weighted sums per row. A neighbourhood with
 * fewer than two distinct x of positive weight (a span too small for the
 * spacing) has no line: its fit is not a number.
 */
template <domain D : shared3p, type F>
D F[[1]] _loess(D F[[1]] x, D F[[1]] y, F span) {
    uint n = size(x);
    assert(size(y) == n && n >= 2);
    assert(span > 0);
    uint q = (uint) (span * (F) n);
    if (q < 2) {
        q = 2;
    }
    if (q > n) {
        q = n;
    }
    // row i: x[j] - x[i] for all j
    D F[[2]] xs = _spreadWeights(x, n);
    D F[[1]] xj = flatten(transpose(xs));
    D F[[1]] xi = flatten(xs);
    D F[[1]] diff = xj - xi;
    D F[[1]] dist = abs(diff);
    D F[[2]] sorted = _sortRows(reshape(dist, n, n));
    D F[[1]] dmax = sorted[:, q - 1];
    D F[[1]] ratio = dist / flatten(_spreadWeights(dmax, n));
    F one = 1;
    F zero = 0;
    D F[[1]] cube = ratio * ratio * ratio;
    D F[[1]] inner = one - cube;
    D F[[1]] w = inner * inner * inner;
    D F[[1]] zeros(n * n);
    w = choose(ratio < one, w, zeros);
    D F[[1]] yj = flatten(transpose(_spreadWeights(y, n)));
    // weighted line through (diff, y) per row: the fit at diff = 0 is its intercept
    D F[[1]] sw = sum(w, n);
    D F[[1]] mx = sum(w * diff, n) / sw;
    D F[[1]] my = sum(w * yj, n) / sw;
    D F[[1]] dx = diff - flatten(_spreadWeights(mx, n));
    D F[[1]] dy = yj - flatten(_spreadWeights(my, n));
    D F[[1]] slope = sum(w * dx * dy, n) / sum(w * dx * dx, n);
    return my - slope * mx;
}
`;

export const OUTLIERS_CORE = ``;
