/*
 * shared3p_matrix: shared3p-specific matrix products. Integer and fixed-point
 * matrix products use the `mat_mult_T_vec` protocol (pd, a, b, out, m, n, p),
 * XOR-shared ones `mat_multx_T_vec` (AND for products, XOR for sums). The other
 * procedures (transpose, rowSums, colSums, dotProduct, crossProduct, vecLength,
 * unitVector, diagMatrixMultiplication, and matrixMultiplication of floats) are
 * offered here for shared3p data too, over the vectorised algorithms of `matrix`,
 * so a program importing only this module finds them.
 */
module shared3p_matrix;

import stdlib;
import shared3p;
import matrix;

/* a (m x n) times b (n x p) through one matrix-product syscall. */
template <domain D : shared3p, type T>
D T[[2]] _matMult(D T[[2]] a, D T[[2]] b, bool xorShared) {
    uint m = shape(a)[0];
    uint n = shape(a)[1];
    uint p = shape(b)[1];
    assert(shape(b)[0] == n);
    D T[[2]] result(m, p);
    if (m == 0 || n == 0 || p == 0) {
        return result;
    }
    if (xorShared) {
        __syscall("shared3p::mat_multx_$T\_vec", __domainid(D), a, b, result, m, n, p);
    } else {
        __syscall("shared3p::mat_mult_$T\_vec", __domainid(D), a, b, result, m, n, p);
    }
    return result;
}

template <domain D : shared3p>
D uint8[[2]] matrixMultiplication(D uint8[[2]] a, D uint8[[2]] b) {
    return _matMult(a, b, false);
}

template <domain D : shared3p>
D uint16[[2]] matrixMultiplication(D uint16[[2]] a, D uint16[[2]] b) {
    return _matMult(a, b, false);
}

template <domain D : shared3p>
D uint32[[2]] matrixMultiplication(D uint32[[2]] a, D uint32[[2]] b) {
    return _matMult(a, b, false);
}

template <domain D : shared3p>
D uint64[[2]] matrixMultiplication(D uint64[[2]] a, D uint64[[2]] b) {
    return _matMult(a, b, false);
}

template <domain D : shared3p>
D int8[[2]] matrixMultiplication(D int8[[2]] a, D int8[[2]] b) {
    return _matMult(a, b, false);
}

template <domain D : shared3p>
D int16[[2]] matrixMultiplication(D int16[[2]] a, D int16[[2]] b) {
    return _matMult(a, b, false);
}

template <domain D : shared3p>
D int32[[2]] matrixMultiplication(D int32[[2]] a, D int32[[2]] b) {
    return _matMult(a, b, false);
}

template <domain D : shared3p>
D int64[[2]] matrixMultiplication(D int64[[2]] a, D int64[[2]] b) {
    return _matMult(a, b, false);
}

template <domain D : shared3p>
D fix32[[2]] matrixMultiplication(D fix32[[2]] a, D fix32[[2]] b) {
    return _matMult(a, b, false);
}

template <domain D : shared3p>
D fix64[[2]] matrixMultiplication(D fix64[[2]] a, D fix64[[2]] b) {
    return _matMult(a, b, false);
}

template <domain D : shared3p>
D xor_uint8[[2]] matrixMultiplication(D xor_uint8[[2]] a, D xor_uint8[[2]] b) {
    return _matMult(a, b, true);
}

template <domain D : shared3p>
D xor_uint16[[2]] matrixMultiplication(D xor_uint16[[2]] a, D xor_uint16[[2]] b) {
    return _matMult(a, b, true);
}

template <domain D : shared3p>
D xor_uint32[[2]] matrixMultiplication(D xor_uint32[[2]] a, D xor_uint32[[2]] b) {
    return _matMult(a, b, true);
}

template <domain D : shared3p>
D xor_uint64[[2]] matrixMultiplication(D xor_uint64[[2]] a, D xor_uint64[[2]] b) {
    return _matMult(a, b, true);
}

template <domain D : shared3p, type T>
D T[[2]] transpose(D T[[2]] mat) {
    return _matrixTranspose(mat);
}

template <domain D : shared3p, type T>
D T[[3]] transpose(D T[[3]] arr) {
    return _matrixTranspose(arr);
}

template <domain D : shared3p, type T>
D T[[1]] rowSums(D T[[2]] mat) {
    return _matrixRowSums(mat);
}

template <domain D : shared3p, type T>
D T[[1]] colSums(D T[[2]] mat) {
    return _matrixColSums(mat);
}

template <domain D : shared3p, type T>
D T dotProduct(D T[[1]] a, D T[[1]] b) {
    return _matrixDotProduct(a, b);
}

template <domain D : shared3p, type T>
D T[[1]] dotProduct(D T[[2]] a, D T[[2]] b) {
    return _matrixDotProduct(a, b);
}

template <domain D : shared3p, type T>
D T[[2]] matrixMultiplication(D T[[2]] a, D T[[2]] b) {
    return _matrixMatrixMultiplication(a, b);
}

template <domain D : shared3p, type T>
D T[[2]] diagMatrixMultiplication(D T[[1]] d, D T[[2]] mat) {
    return _matrixDiagMatrixMultiplication(d, mat);
}

template <domain D : shared3p, type T>
D T[[1]] crossProduct(D T[[1]] a, D T[[1]] b) {
    return _matrixCrossProduct(a, b);
}

template <domain D : shared3p, type T>
D T[[2]] crossProduct(D T[[2]] a, D T[[2]] b) {
    return _matrixCrossProduct(a, b);
}

template <domain D : shared3p, type T>
D T vecLength(D T[[1]] v) {
    return _matrixVecLength(v);
}

template <domain D : shared3p, type T>
D T[[1]] vecLength(D T[[2]] m) {
    return _matrixVecLength(m);
}

template <domain D : shared3p, type T>
D T[[1]] unitVector(D T[[1]] v) {
    return _matrixUnitVector(v);
}

template <domain D : shared3p, type T>
D T[[2]] unitVector(D T[[2]] m) {
    return _matrixUnitVector(m);
}

// ---------------------------------------------------------------------------
// Cholesky decomposition

/*
 * The lower-triangular L with L L^T = m for a symmetric positive definite m,
 * column by column: L[j, j] = sqrt(m[j, j] - |L[j, 0:j]|^2), and the rest of
 * column j in one vectorised step from the rows below.
 */
template <domain D : shared3p, type F>
D F[[2]] _cholesky(D F[[2]] m) {
    uint n = shape(m)[0];
    assert(shape(m)[1] == n);
    D F[[2]] l(n, n);
    for (uint j = 0; j < n; ++j) {
        D F[[1]] known = l[j, 0:j];
        D F diagonal = sqrt(m[j, j] - sum(known * known));
        l[j, j] = diagonal;
        if (j + 1 < n) {
            D F[[2]] below = l[j + 1:n, 0:j];
            D F[[1]] dots = rowSums(below * _tileRows(reshape(known, 1, j), n - j - 1));
            l[j + 1:n, j] = (m[j + 1:n, j] - dots) / diagonal;
        }
    }
    return l;
}

/** The Cholesky factor L (lower triangular, L L^T = m) of a symmetric positive definite matrix. */
template <domain D : shared3p>
D float32[[2]] cholesky(D float32[[2]] m) {
    return _cholesky(m);
}

template <domain D : shared3p>
D float64[[2]] cholesky(D float64[[2]] m) {
    return _cholesky(m);
}

/*
 * The inverse of a symmetric positive definite m as W^T W, W = L^-1 for the
 * Cholesky factor L; row i of W comes from the rows above it in one
 * vector-matrix product: W[i, 0:i] = -(L[i, 0:i] W[0:i, 0:i]) / L[i, i].
 */
template <domain D : shared3p, type F>
D F[[2]] _choleskyInverse(D F[[2]] m) {
    uint n = shape(m)[0];
    D F[[2]] l = _cholesky(m);
    D F[[2]] w(n, n);
    for (uint i = 0; i < n; ++i) {
        D F d = inv(l[i, i]);
        w[i, i] = d;
        if (i > 0) {
            D F[[2]] row = reshape(l[i, 0:i], 1, i);
            D F[[1]] dots = flatten(matrixMultiplication(row, w[0:i, 0:i]));
            w[i, 0:i] = -(dots * d);
        }
    }
    return matrixMultiplication(transpose(w), w);
}

/** The inverse of a symmetric positive definite matrix, through its Cholesky factor. */
template <domain D : shared3p>
D float32[[2]] choleskyInverse(D float32[[2]] m) {
    return _choleskyInverse(m);
}

template <domain D : shared3p>
D float64[[2]] choleskyInverse(D float64[[2]] m) {
    return _choleskyInverse(m);
}

/*
 * The inverse by bordering: the inverse X of the leading k x k block grows by one
 * row and column per step. With b = m[0:k, k], r = m[k, 0:k], c = m[k, k],
 * u = X b, w = r X and s = c - r u (the Schur complement), the next inverse is
 * [[X + u w / s, -u / s], [-w / s, 1 / s]]. Needs non-zero leading minors
 * (true for symmetric positive definite matrices).
 */
template <domain D : shared3p, type F>
D F[[2]] _borderingInverse(D F[[2]] m) {
    uint n = shape(m)[0];
    assert(shape(m)[1] == n && n > 0);
    D F[[2]] x = reshape(inv(m[0, 0]), 1, 1);
    for (uint k = 1; k < n; ++k) {
        D F[[2]] b = reshape(m[0:k, k], k, 1);
        D F[[2]] r = reshape(m[k, 0:k], 1, k);
        D F[[2]] u = matrixMultiplication(x, b);
        D F[[2]] w = matrixMultiplication(r, x);
        D F s = m[k, k] - flatten(matrixMultiplication(r, u))[0];
        D F t = inv(s);
        D F[[2]] next(k + 1, k + 1);
        next[0:k, 0:k] = x + matrixMultiplication(u, w) * t;
        next[0:k, k] = -(flatten(u) * t);
        next[k, 0:k] = -(flatten(w) * t);
        next[k, k] = t;
        x = next;
    }
    return x;
}

/** The inverse of a matrix with non-zero leading minors (e.g. symmetric positive definite), by bordering. */
template <domain D : shared3p>
D float32[[2]] borderingInverse(D float32[[2]] m) {
    return _borderingInverse(m);
}

template <domain D : shared3p>
D float64[[2]] borderingInverse(D float64[[2]] m) {
    return _borderingInverse(m);
}
