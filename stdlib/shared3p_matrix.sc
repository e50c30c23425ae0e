/*
 * shared3p_matrix: shared3p-specific matrix products. Integer and fixed-point
 * matrix products use the `mat_mult_T_vec` protocol (pd, a, b, out, m, n, p),
 * XOR-shared ones `mat_multx_T_vec` (AND for products, XOR for sums); every
 * other procedure of `matrix` (imported here) works on shared3p data as is.
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
