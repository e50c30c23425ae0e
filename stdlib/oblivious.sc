/*
 * oblivious: selection and array access that do not reveal which element was
 * chosen, for every protection domain (and for public data).
 *
 * - choose(cond, a, b) with a public condition: an ordinary branch (for a whole
 *   array) or an element-wise selection; private conditions are shared3p's
 *   choose (protocol for bool/xor/float, b + cond * (a - b) for integers).
 * - vectorLookup / matrixLookup*: read an element, row or column at a private
 *   index. A bitmask (true only at the index, built by comparing the public
 *   positions 0..n-1 with the private index in one vectorised comparison) selects
 *   it: the masked values are summed, so every element is touched and the index
 *   stays hidden.
 * - vectorUpdate / matrixUpdate*: write at a private index by choosing, element by
 *   element, between the new value and the old one under the same bitmask.
 * The *Bitmask procedures build those masks; the lookups and updates also accept
 * a mask computed once and reused.
 * Templates see the operators of the modules this one imports (stdlib, shared3p),
 * so private instantiations work for shared3p domains.
 */
module oblivious;

import stdlib;
// the shared3p operators and casts must be visible where these templates are
// instantiated for shared3p data
import shared3p;

// ---------------------------------------------------------------------------
// choose

/** cond ? a : b for a public condition (an ordinary branch). */
template <domain D, type T, dim N>
D T[[N]] choose(bool cond, D T[[N]] a, D T[[N]] b) {
    if (cond) {
        return a;
    }
    return b;
}

/** Element-wise selection of public values by a public condition array. */
template <type T, dim N>
T[[N]] choose(bool[[N]] cond, T[[N]] a, T[[N]] b) {
    assert(shapesAreEqual(cond, a, b));
    bool[[1]] c = flatten(cond);
    T[[1]] fa = flatten(a);
    T[[1]] fb = flatten(b);
    for (uint i = 0; i < size(c); ++i) {
        if (c[i]) {
            fb[i] = fa[i];
        }
    }
    return _reshapeLike(fb, a);
}

/** Element-wise selection of private values by a public condition array. */
template <domain D : shared3p, type T, dim N>
D T[[N]] choose(bool[[N]] cond, D T[[N]] a, D T[[N]] b) {
    D bool[[N]] c = cond;
    return choose(c, a, b);
}

// ---------------------------------------------------------------------------
// Bitmasks

/** n booleans, true exactly at position index (all false when index >= n). */
template <domain D>
D bool[[1]] vectorLookupBitmask(uint n, D uint index) {
    uint[[1]] positions(n);
    for (uint i = 0; i < n; ++i) {
        positions[i] = i;
    }
    return positions == index;
}

/** A rows x cols mask, true exactly in row `row`. */
template <domain D>
D bool[[2]] matrixLookupRowBitmask(uint rows, uint cols, D uint row) {
    return _spreadRows(vectorLookupBitmask(rows, row), cols);
}

/** A rows x cols mask, true exactly in column `col`. */
template <domain D>
D bool[[2]] matrixLookupColumnBitmask(uint rows, uint cols, D uint col) {
    return _spreadColumns(vectorLookupBitmask(cols, col), rows);
}

/** A rows x cols mask, true exactly at (row, col). */
template <domain D>
D bool[[2]] matrixLookupBitmask(uint rows, uint cols, D uint row, D uint col) {
    D bool[[1]] flat = vectorLookupBitmask(rows * cols, row * cols + col);
    return reshape(flat, rows, cols);
}

/* v (length rows) as a rows x cols matrix whose row i is v[i] everywhere:
 * doubling by local concatenation, no private operation. */
template <domain D, type T>
D T[[2]] _spreadRows(D T[[1]] v, uint cols) {
    uint rows = size(v);
    D T[[2]] m = reshape(v, rows, 1);
    if (cols == 0) {
        D T[[2]] empty(rows, 0);
        return empty;
    }
    while (shape(m)[1] < cols) {
        uint have = shape(m)[1];
        uint take = min(have, cols - have);
        m = cat(m, m[:, 0:take], 1);
    }
    return m;
}

/* v (length cols) as a rows x cols matrix whose every row is v. */
template <domain D, type T>
D T[[2]] _spreadColumns(D T[[1]] v, uint rows) {
    uint cols = size(v);
    D T[[2]] m = reshape(v, 1, cols);
    if (rows == 0) {
        D T[[2]] empty(0, cols);
        return empty;
    }
    while (shape(m)[0] < rows) {
        uint have = shape(m)[0];
        uint take = min(have, rows - have);
        m = cat(m, m[0:take, :], 0);
    }
    return m;
}

/* Sums of the columns of a private matrix (row vector of length cols). */
template <domain D, type T>
D T[[1]] _columnSums(D T[[2]] m) {
    uint rows = shape(m)[0];
    uint cols = shape(m)[1];
    D T[[1]] acc(cols);
    if (rows == 0) {
        return acc;
    }
    acc = m[0, :];
    for (uint i = 1; i < rows; ++i) {
        acc = acc + m[i, :];
    }
    return acc;
}

/* Sums of the rows of a private matrix: one chunked sum. */
template <domain D, type T>
D T[[1]] _rowSums(D T[[2]] m) {
    return sum(flatten(m), shape(m)[0]);
}

// ---------------------------------------------------------------------------
// Lookups

/** vec[index] without revealing index (0 when index is out of range). */
template <domain D, type T>
D T _obliviousVectorLookup(D T[[1]] vec, D uint index) {
    return vectorLookup(vec, vectorLookupBitmask(size(vec), index));
}

/** The element of vec where mask is true (mask from vectorLookupBitmask). */
template <domain D, type T>
D T _obliviousVectorLookup(D T[[1]] vec, D bool[[1]] mask) {
    assert(size(vec) == size(mask));
    D T[[1]] picked = vec * (T) mask;
    return sum(picked);
}

template <domain D>
D bool _obliviousVectorLookup(D bool[[1]] vec, D bool[[1]] mask) {
    assert(size(vec) == size(mask));
    return any(vec & mask);
}

/** Row `row` of mat, the row index kept private. */
template <domain D, type T>
D T[[1]] _obliviousMatrixLookupRow(D T[[2]] mat, D uint row) {
    D bool[[1]] mask = vectorLookupBitmask(shape(mat)[0], row);
    D T[[2]] picked = mat * _spreadRows((T) mask, shape(mat)[1]);
    return _columnSums(picked);
}

/** Column `col` of mat, the column index kept private. */
template <domain D, type T>
D T[[1]] _obliviousMatrixLookupColumn(D T[[2]] mat, D uint col) {
    D bool[[1]] mask = vectorLookupBitmask(shape(mat)[1], col);
    D T[[2]] picked = mat * _spreadColumns((T) mask, shape(mat)[0]);
    return _rowSums(picked);
}

/** mat[row, col] with both indices private. */
template <domain D, type T>
D T _obliviousMatrixLookup(D T[[2]] mat, D uint row, D uint col) {
    return vectorLookup(flatten(mat), flatten(matrixLookupBitmask(shape(mat)[0], shape(mat)[1], row, col)));
}

// ---------------------------------------------------------------------------
// Updates

/** vec with vec[index] = value, index private (unchanged when out of range). */
template <domain D, type T>
D T[[1]] _obliviousVectorUpdate(D T[[1]] vec, D uint index, D T value) {
    return vectorUpdate(vec, vectorLookupBitmask(size(vec), index), value);
}

/** vec with the element under mask replaced by value. */
template <domain D, type T>
D T[[1]] _obliviousVectorUpdate(D T[[1]] vec, D bool[[1]] mask, D T value) {
    assert(size(vec) == size(mask));
    D T[[1]] values(size(vec)) = value;
    return choose(mask, values, vec);
}

/** mat with row `row` replaced by newRow. */
template <domain D, type T>
D T[[2]] _obliviousMatrixUpdateRow(D T[[2]] mat, D uint row, D T[[1]] newRow) {
    uint rows = shape(mat)[0];
    uint cols = shape(mat)[1];
    assert(size(newRow) == cols);
    D bool[[2]] mask = matrixLookupRowBitmask(rows, cols, row);
    return choose(mask, _spreadColumns(newRow, rows), mat);
}

/** mat with column `col` replaced by newColumn. */
template <domain D, type T>
D T[[2]] _obliviousMatrixUpdateColumn(D T[[2]] mat, D uint col, D T[[1]] newColumn) {
    uint rows = shape(mat)[0];
    uint cols = shape(mat)[1];
    assert(size(newColumn) == rows);
    D bool[[2]] mask = matrixLookupColumnBitmask(rows, cols, col);
    return choose(mask, _spreadRows(newColumn, cols), mat);
}

/** mat with mat[row, col] = value, both indices private. */
template <domain D, type T>
D T[[2]] _obliviousMatrixUpdate(D T[[2]] mat, D uint row, D uint col, D T value) {
    uint rows = shape(mat)[0];
    uint cols = shape(mat)[1];
    D T[[1]] flat = vectorUpdate(flatten(mat), flatten(matrixLookupBitmask(rows, cols, row, col)), value);
    return reshape(flat, rows, cols);
}

// ---------------------------------------------------------------------------
// Public names (the bodies above are internal so that shared3p_oblivious can
// offer the same procedures for shared3p without calling itself)

template <domain D, type T>
D T vectorLookup(D T[[1]] vec, D uint index) {
    return _obliviousVectorLookup(vec, index);
}

template <domain D, type T>
D T vectorLookup(D T[[1]] vec, D bool[[1]] mask) {
    return _obliviousVectorLookup(vec, mask);
}

template <domain D>
D bool vectorLookup(D bool[[1]] vec, D bool[[1]] mask) {
    return _obliviousVectorLookup(vec, mask);
}

template <domain D, type T>
D T[[1]] matrixLookupRow(D T[[2]] mat, D uint row) {
    return _obliviousMatrixLookupRow(mat, row);
}

template <domain D, type T>
D T[[1]] matrixLookupColumn(D T[[2]] mat, D uint col) {
    return _obliviousMatrixLookupColumn(mat, col);
}

template <domain D, type T>
D T matrixLookup(D T[[2]] mat, D uint row, D uint col) {
    return _obliviousMatrixLookup(mat, row, col);
}

template <domain D, type T>
D T[[1]] vectorUpdate(D T[[1]] vec, D uint index, D T value) {
    return _obliviousVectorUpdate(vec, index, value);
}

template <domain D, type T>
D T[[1]] vectorUpdate(D T[[1]] vec, D bool[[1]] mask, D T value) {
    return _obliviousVectorUpdate(vec, mask, value);
}

template <domain D, type T>
D T[[2]] matrixUpdateRow(D T[[2]] mat, D uint row, D T[[1]] newRow) {
    return _obliviousMatrixUpdateRow(mat, row, newRow);
}

template <domain D, type T>
D T[[2]] matrixUpdateColumn(D T[[2]] mat, D uint col, D T[[1]] newColumn) {
    return _obliviousMatrixUpdateColumn(mat, col, newColumn);
}

template <domain D, type T>
D T[[2]] matrixUpdate(D T[[2]] mat, D uint row, D uint col, D T value) {
    return _obliviousMatrixUpdate(mat, row, col, value);
}
