/**
 * The hand-written core and per-type wrapper of shared3p_statistics_pca
 * (principal components of private data), assembled by statistics.ts.
 *
 * gspca is the Gram-Schmidt power method: on the column-centred data R the
 * component j is found by alternating p = R^T t and t = R p for a public number
 * of iterations, each time re-orthogonalising p against the loadings and t
 * against the scores found so far (classical Gram-Schmidt, which keeps the
 * components orthogonal despite rounding) and normalising p; then R loses the
 * component (R - t p^T) and the next one starts from the next data column. All
 * vectors stay private; only shapes and iteration counts are public.
 */

export const PCA_CORE = `
/**
 * Principal components: loads (variables x components, unit columns), scores
 * (observations x components: the centred data times the loads) and the
 * variance of each component's scores (denominator n - 1), largest first when
 * the power iterations have converged.
 */
template <domain D : shared3p, type F>
struct PCAResult {
    D F[[2]] loads;
    D F[[2]] scores;
    D F[[1]] variances;
}

/* v minus its projections on the first \`count\` (orthonormal, for loads; merely
 * orthogonal, for scores) columns of basis. */
template <domain D : shared3p, type F>
D F[[1]] _orthogonalise(D F[[1]] v, D F[[2]] basis, uint count, bool unitColumns) {
    for (uint c = 0; c < count; ++c) {
        D F[[1]] b = basis[:, c];
        D F coefficient = sum(b * v);
        if (!unitColumns) {
            coefficient = coefficient / sum(b * b);
        }
        v = v - b * coefficient;
    }
    return v;
}

template <domain D : shared3p, type F>
PCAResult<D, F> _gspca(D F[[2]] data, uint components, uint iterations) {
    uint n = shape(data)[0];
    uint p = shape(data)[1];
    assert(components >= 1 && components <= p && n >= 2);
    assert(iterations >= 1);
    // centre the columns
    D F[[1]] means = colSums(data) / (F) n;
    D F[[2]] r = data;
    for (uint i = 0; i < n; ++i) {
        r[i, :] = r[i, :] - means;
    }
    D F[[2]] loads(p, components);
    D F[[2]] scores(n, components);
    D F[[1]] variances(components);
    for (uint j = 0; j < components; ++j) {
        D F[[1]] t = r[:, j];
        D F[[1]] load(p);
        for (uint it = 0; it < iterations; ++it) {
            load = flatten(matrixMultiplication(transpose(r), reshape(t, n, 1)));
            load = _orthogonalise(load, loads, j, true);
            D F[[1]] norm = {sum(load * load)};
            load = load / sqrt(norm)[0];
            t = flatten(matrixMultiplication(r, reshape(load, p, 1)));
            t = _orthogonalise(t, scores, j, false);
        }
        loads[:, j] = load;
        scores[:, j] = t;
        variances[j] = sum(t * t) / (F) (n - 1);
        r = r - matrixMultiplication(reshape(t, n, 1), reshape(load, 1, p));
    }
    PCAResult<D, F> result;
    result.loads = loads;
    result.scores = scores;
    result.variances = variances;
    return result;
}
`;

/** gspca for input type t with float result type f. */
export function pcaWrapper(t: string, f: string): string {
  return `/** The first \`components\` principal components of data (rows: observations) by \`iterations\` power steps each. */
template <domain D : shared3p>
PCAResult<D, ${f}> gspca(D ${t}[[2]] data, uint components, uint iterations) {
    return _gspca(_toFloat2(data), components, iterations);
}
`;
}
