/*
 * matrix: vector and matrix algebra for public values and any domain whose kind
 * defines the operators used (shared3p is imported so its definitions are
 * visible to these templates).
 *
 * Private formulations are vectorised: a matrix product multiplies the rows of
 * the left matrix, repeated, with the columns of the right one, tiled, in one
 * element-wise multiplication, then sums chunks of n; row sums are one chunked
 * sum. Data movement (transpose, repetition by concatenation) is local.
 * determinant and LupDecomposition are for public floating-point matrices
 * (Gaussian elimination with partial pivoting). The algorithms are the `_matrix*` templates; the public
 * names wrap them (shared3p_matrix wraps them again for shared3p, since imports
 * are not transitive).
 */
module matrix;

import stdlib;
import shared3p;

// ---------------------------------------------------------------------------
// Shapes

/** The transpose of a matrix. */
template <domain D, type T>
D T[[2]] _matrixTranspose(D T[[2]] mat) {
    uint rows = shape(mat)[0];
    uint cols = shape(mat)[1];
    D T[[2]] result(cols, rows);
    for (uint j = 0; j < cols; ++j) {
        result[j, :] = mat[:, j];
    }
    return result;
}

/** Transposes every matrix arr[i, :, :] of a 3-d array. */
template <domain D, type T>
D T[[3]] _matrixTranspose(D T[[3]] arr) {
    uint[[1]] s = shape(arr);
    D T[[3]] result(s[0], s[2], s[1]);
    for (uint i = 0; i < s[0]; ++i) {
        for (uint j = 0; j < s[2]; ++j) {
            result[i, j, :] = arr[i, :, j];
        }
    }
    return result;
}

/** The n x n identity matrix (domain and type from the context). */
template <domain D, type T>
D T[[2]] unitMatrix(uint n) {
    T one = 1;
    T[[2]] result(n, n);
    for (uint i = 0; i < n; ++i) {
        result[i, i] = one;
    }
    D T[[2]] out = result;
    return out;
}

/* mat with its rows each repeated `times` times in a row (local copies). */
template <domain D, type T>
D T[[2]] _repeatRows(D T[[2]] mat, uint times) {
    uint rows = shape(mat)[0];
    uint cols = shape(mat)[1];
    D T[[2]] wide = mat;
    if (times == 0) {
        D T[[2]] empty(0, cols);
        return empty;
    }
    while (shape(wide)[1] < cols * times) {
        uint have = shape(wide)[1];
        uint take = min(have, cols * times - have);
        wide = cat(wide, wide[:, 0:take], 1);
    }
    return reshape(wide, rows * times, cols);
}

/* mat stacked `times` times vertically (local copies). */
template <domain D, type T>
D T[[2]] _tileRows(D T[[2]] mat, uint times) {
    uint rows = shape(mat)[0];
    uint cols = shape(mat)[1];
    if (times == 0) {
        D T[[2]] empty(0, cols);
        return empty;
    }
    D T[[2]] tall = mat;
    while (shape(tall)[0] < rows * times) {
        uint have = shape(tall)[0];
        uint take = min(have, rows * times - have);
        tall = cat(tall, tall[0:take, :], 0);
    }
    return tall;
}

// ---------------------------------------------------------------------------
// Sums and products

/** The sum of each row. */
template <domain D, type T>
D T[[1]] _matrixRowSums(D T[[2]] mat) {
    uint rows = shape(mat)[0];
    if (rows == 0 || shape(mat)[1] == 0) {
        D T[[1]] zeros(rows);
        return zeros;
    }
    return sum(flatten(mat), rows);
}

/** The sum of each column. */
template <domain D, type T>
D T[[1]] _matrixColSums(D T[[2]] mat) {
    return rowSums(transpose(mat));
}

/** The scalar product of two vectors. */
template <domain D, type T>
D T _matrixDotProduct(D T[[1]] a, D T[[1]] b) {
    assert(size(a) == size(b));
    return sum(a * b);
}

/** The scalar products of corresponding rows. */
template <domain D, type T>
D T[[1]] _matrixDotProduct(D T[[2]] a, D T[[2]] b) {
    assert(shapesAreEqual(a, b));
    return rowSums(a * b);
}

/** The product of an m x n and an n x p matrix. */
template <domain D, type T>
D T[[2]] _matrixMatrixMultiplication(D T[[2]] a, D T[[2]] b) {
    uint m = shape(a)[0];
    uint n = shape(a)[1];
    uint p = shape(b)[1];
    assert(shape(b)[0] == n);
    if (m == 0 || p == 0 || n == 0) {
        D T[[2]] zeros(m, p);
        return zeros;
    }
    // row i*p + j of both operands: a's row i and b's column j
    D T[[2]] left = _repeatRows(a, p);
    D T[[2]] right = _tileRows(transpose(b), m);
    D T[[1]] products = flatten(left) * flatten(right);
    return reshape(sum(products, m * p), m, p);
}

/** diag(d) * mat: row i of mat multiplied by d[i]. */
template <domain D, type T>
D T[[2]] _matrixDiagMatrixMultiplication(D T[[1]] d, D T[[2]] mat) {
    uint rows = shape(mat)[0];
    uint cols = shape(mat)[1];
    assert(size(d) == rows);
    D T[[2]] factors = _repeatRows(reshape(d, rows, 1), cols);
    return mat * reshape(factors, rows, cols);
}

/** The cross product of two 3-vectors. */
template <domain D, type T>
D T[[1]] _matrixCrossProduct(D T[[1]] a, D T[[1]] b) {
    assert(size(a) == 3 && size(b) == 3);
    D T[[1]] a1 = cat(a[1:3], a[0:1]);
    D T[[1]] a2 = cat(a[2:3], a[0:2]);
    D T[[1]] b1 = cat(b[1:3], b[0:1]);
    D T[[1]] b2 = cat(b[2:3], b[0:2]);
    return a1 * b2 - a2 * b1;
}

/** Row-wise cross products of two n x 3 matrices. */
template <domain D, type T>
D T[[2]] _matrixCrossProduct(D T[[2]] a, D T[[2]] b) {
    assert(shapesAreEqual(a, b) && shape(a)[1] == 3);
    D T[[2]] a1 = cat(a[:, 1:3], a[:, 0:1], 1);
    D T[[2]] a2 = cat(a[:, 2:3], a[:, 0:2], 1);
    D T[[2]] b1 = cat(b[:, 1:3], b[:, 0:1], 1);
    D T[[2]] b2 = cat(b[:, 2:3], b[:, 0:2], 1);
    return a1 * b2 - a2 * b1;
}

/** The Euclidean length of a (floating-point) vector. */
template <domain D, type T>
D T _matrixVecLength(D T[[1]] v) {
    return sqrt(dotProduct(v, v));
}

/** The Euclidean length of each row. */
template <domain D, type T>
D T[[1]] _matrixVecLength(D T[[2]] m) {
    return sqrt(dotProduct(m, m));
}

/** v scaled to length 1. */
template <domain D, type T>
D T[[1]] _matrixUnitVector(D T[[1]] v) {
    return v / vecLength(v);
}

/** Each row scaled to length 1. */
template <domain D, type T>
D T[[2]] _matrixUnitVector(D T[[2]] m) {
    uint rows = shape(m)[0];
    uint cols = shape(m)[1];
    D T[[2]] lengths = _repeatRows(reshape(vecLength(m), rows, 1), cols);
    return m / reshape(lengths, rows, cols);
}

// ---------------------------------------------------------------------------
// Public names (the bodies above are internal so that shared3p_matrix can offer
// the same procedures for shared3p without calling itself)

template <domain D, type T>
D T[[2]] transpose(D T[[2]] mat) {
    return _matrixTranspose(mat);
}

template <domain D, type T>
D T[[3]] transpose(D T[[3]] arr) {
    return _matrixTranspose(arr);
}

template <domain D, type T>
D T[[1]] rowSums(D T[[2]] mat) {
    return _matrixRowSums(mat);
}

template <domain D, type T>
D T[[1]] colSums(D T[[2]] mat) {
    return _matrixColSums(mat);
}

template <domain D, type T>
D T dotProduct(D T[[1]] a, D T[[1]] b) {
    return _matrixDotProduct(a, b);
}

template <domain D, type T>
D T[[1]] dotProduct(D T[[2]] a, D T[[2]] b) {
    return _matrixDotProduct(a, b);
}

template <domain D, type T>
D T[[2]] matrixMultiplication(D T[[2]] a, D T[[2]] b) {
    return _matrixMatrixMultiplication(a, b);
}

/** transpose(a) * b without the caller transposing: a is n x m, b is n x p. */
template <domain D, type T>
D T[[2]] leftTransposedMultiplication(D T[[2]] a, D T[[2]] b) {
    assert(shape(a)[0] == shape(b)[0]);
    return _matrixMatrixMultiplication(_matrixTranspose(a), b);
}

/** a * transpose(b): a is m x n, b is p x n. */
template <domain D, type T>
D T[[2]] rightTransposedMultiplication(D T[[2]] a, D T[[2]] b) {
    assert(shape(a)[1] == shape(b)[1]);
    return _matrixMatrixMultiplication(a, _matrixTranspose(b));
}

template <domain D, type T>
D T[[2]] diagMatrixMultiplication(D T[[1]] d, D T[[2]] mat) {
    return _matrixDiagMatrixMultiplication(d, mat);
}

template <domain D, type T>
D T[[1]] crossProduct(D T[[1]] a, D T[[1]] b) {
    return _matrixCrossProduct(a, b);
}

template <domain D, type T>
D T[[2]] crossProduct(D T[[2]] a, D T[[2]] b) {
    return _matrixCrossProduct(a, b);
}

template <domain D, type T>
D T vecLength(D T[[1]] v) {
    return _matrixVecLength(v);
}

template <domain D, type T>
D T[[1]] vecLength(D T[[2]] m) {
    return _matrixVecLength(m);
}

template <domain D, type T>
D T[[1]] unitVector(D T[[1]] v) {
    return _matrixUnitVector(v);
}

template <domain D, type T>
D T[[2]] unitVector(D T[[2]] m) {
    return _matrixUnitVector(m);
}

// ---------------------------------------------------------------------------
// Determinant (public floating point)

/** The determinant of a square public matrix by elimination with partial pivoting. */
template <type T>
T determinant(T[[2]] mat) {
    uint n = shape(mat)[0];
    assert(shape(mat)[1] == n);
    T[[2]] a = mat;
    T det = 1;
    for (uint k = 0; k < n; ++k) {
        uint pivot = k;
        for (uint i = k + 1; i < n; ++i) {
            if (abs(a[i, k]) > abs(a[pivot, k])) {
                pivot = i;
            }
        }
        if (a[pivot, k] == 0) {
            return 0;
        }
        if (pivot != k) {
            T[[1]] row = a[k, :];
            a[k, :] = a[pivot, :];
            a[pivot, :] = row;
            det = -det;
        }
        det = det * a[k, k];
        for (uint i = k + 1; i < n; ++i) {
            T factor = a[i, k] / a[k, k];
            a[i, k:] = a[i, k:] - factor * a[k, k:];
        }
    }
    return det;
}

/*
 * LU decomposition with partial pivoting of a square public matrix A: P A = L U
 * with L unit lower triangular, U upper triangular and P a permutation matrix
 * (at step k the remaining row with the largest |entry| in column k becomes the
 * pivot). Returned as one 3 x n x n array: [0, :, :] = L, [1, :, :] = U,
 * [2, :, :] = P. A singular matrix still decomposes: a column without a non-zero
 * pivot leaves a zero on U's diagonal and zeros below it in L.
 */
template <type T>
T[[3]] _lup(T[[2]] mat) {
    uint n = shape(mat)[0];
    assert(shape(mat)[1] == n);
    T[[2]] u = mat;
    T[[2]] l(n, n);
    T[[2]] p(n, n);
    for (uint i = 0; i < n; ++i) {
        p[i, i] = 1;
    }
    for (uint k = 0; k < n; ++k) {
        uint pivot = k;
        for (uint i = k + 1; i < n; ++i) {
            if (abs(u[i, k]) > abs(u[pivot, k])) {
                pivot = i;
            }
        }
        if (pivot != k) {
            T[[1]] row = u[k, :];
            u[k, :] = u[pivot, :];
            u[pivot, :] = row;
            row = l[k, :];
            l[k, :] = l[pivot, :];
            l[pivot, :] = row;
            row = p[k, :];
            p[k, :] = p[pivot, :];
            p[pivot, :] = row;
        }
        if (u[k, k] != 0) {
            for (uint i = k + 1; i < n; ++i) {
                T factor = u[i, k] / u[k, k];
                l[i, k] = factor;
                u[i, k:] = u[i, k:] - factor * u[k, k:];
                u[i, k] = 0;
            }
        }
    }
    for (uint i = 0; i < n; ++i) {
        l[i, i] = 1;
    }
    T[[3]] out(3, n, n);
    out[0, :, :] = l;
    out[1, :, :] = u;
    out[2, :, :] = p;
    return out;
}

/** P A = L U of a public float32 matrix, as out[0] = L, out[1] = U, out[2] = P. */
float32[[3]] LupDecomposition(float32[[2]] mat) {
    return _lup(mat);
}

/** P A = L U of a public float64 matrix, as out[0] = L, out[1] = U, out[2] = P. */
float64[[3]] LupDecomposition(float64[[2]] mat) {
    return _lup(mat);
}
