/*
 * shared3p_oblivious: oblivious lookup and update by private index for shared3p
 * data of every type, floating point included. Imports are not transitive, so
 * this module offers the procedures of `oblivious` (vectorLookup,
 * matrixLookupRow/Column, matrixLookup, vectorUpdate, matrixUpdateRow/Column,
 * matrixUpdate) under the same names for shared3p domains, over oblivious's
 * algorithms; selection itself is shared3p's choose (the choose_T_vec protocol
 * for bool, xor and float types, b + cond * (a - b) for integers).
 */
module shared3p_oblivious;

import stdlib;
import shared3p;
import oblivious;

template <domain D : shared3p, type T>
D T vectorLookup(D T[[1]] vec, D uint index) {
    return _obliviousVectorLookup(vec, index);
}

template <domain D : shared3p, type T>
D T vectorLookup(D T[[1]] vec, D bool[[1]] mask) {
    return _obliviousVectorLookup(vec, mask);
}

template <domain D : shared3p>
D bool vectorLookup(D bool[[1]] vec, D bool[[1]] mask) {
    return _obliviousVectorLookup(vec, mask);
}

template <domain D : shared3p, type T>
D T[[1]] matrixLookupRow(D T[[2]] mat, D uint row) {
    return _obliviousMatrixLookupRow(mat, row);
}

template <domain D : shared3p, type T>
D T[[1]] matrixLookupColumn(D T[[2]] mat, D uint col) {
    return _obliviousMatrixLookupColumn(mat, col);
}

template <domain D : shared3p, type T>
D T matrixLookup(D T[[2]] mat, D uint row, D uint col) {
    return _obliviousMatrixLookup(mat, row, col);
}

template <domain D : shared3p, type T>
D T[[1]] vectorUpdate(D T[[1]] vec, D uint index, D T value) {
    return _obliviousVectorUpdate(vec, index, value);
}

template <domain D : shared3p, type T>
D T[[1]] vectorUpdate(D T[[1]] vec, D bool[[1]] mask, D T value) {
    return _obliviousVectorUpdate(vec, mask, value);
}

template <domain D : shared3p, type T>
D T[[2]] matrixUpdateRow(D T[[2]] mat, D uint row, D T[[1]] newRow) {
    return _obliviousMatrixUpdateRow(mat, row, newRow);
}

template <domain D : shared3p, type T>
D T[[2]] matrixUpdateColumn(D T[[2]] mat, D uint col, D T[[1]] newColumn) {
    return _obliviousMatrixUpdateColumn(mat, col, newColumn);
}

template <domain D : shared3p, type T>
D T[[2]] matrixUpdate(D T[[2]] mat, D uint row, D uint col, D T value) {
    return _obliviousMatrixUpdate(mat, row, col, value);
}
