/*
 * shared3p_random: oblivious random permutations and random values.
 *
 * shuffle puts a private vector (or the rows / columns of a private matrix) in
 * a uniformly random order that no party learns. With a key (a private uint8
 * vector, e.g. 32 random bytes from randomize), the permutation is a function of
 * the key, so several vectors shuffled with one key stay aligned, and
 * inverseShuffle with the same key undoes it. Each is one `vecshuf*` /
 * `matshuf*` syscall: (pd, input, output [, row length] [, key]).
 * randomize fills an array with uniformly random private values
 * (`randomize_T_vec`: (pd, output)).
 */
module shared3p_random;

import stdlib;
import shared3p;

/** vec in a uniformly random order. */
template <domain D : shared3p, type T>
D T[[1]] shuffle(D T[[1]] vec) {
    D T[[1]] result(size(vec));
    __syscall("shared3p::vecshuf_$T\_vec", __domainid(D), vec, result);
    return result;
}

/** vec in the random order determined by key. */
template <domain D : shared3p, type T>
D T[[1]] shuffle(D T[[1]] vec, D uint8[[1]] key) {
    D T[[1]] result(size(vec));
    __syscall("shared3p::vecshufkey_$T\_vec", __domainid(D), vec, result, key);
    return result;
}

/** Undoes shuffle(vec, key). */
template <domain D : shared3p, type T>
D T[[1]] inverseShuffle(D T[[1]] vec, D uint8[[1]] key) {
    D T[[1]] result(size(vec));
    __syscall("shared3p::vecshufinv_$T\_vec", __domainid(D), vec, result, key);
    return result;
}

/** The rows of mat in a uniformly random order. */
template <domain D : shared3p, type T>
D T[[2]] shuffleRows(D T[[2]] mat) {
    uint cols = shape(mat)[1];
    if (size(mat) == 0) {
        return mat;
    }
    D T[[2]] result = mat;
    __syscall("shared3p::matshuf_$T\_vec", __domainid(D), mat, result, cols);
    return result;
}

template <domain D : shared3p, type T>
D T[[2]] shuffleRows(D T[[2]] mat, D uint8[[1]] key) {
    uint cols = shape(mat)[1];
    if (size(mat) == 0) {
        return mat;
    }
    D T[[2]] result = mat;
    __syscall("shared3p::matshufkey_$T\_vec", __domainid(D), mat, result, cols, key);
    return result;
}

template <domain D : shared3p, type T>
D T[[2]] inverseShuffleRows(D T[[2]] mat, D uint8[[1]] key) {
    uint cols = shape(mat)[1];
    if (size(mat) == 0) {
        return mat;
    }
    D T[[2]] result = mat;
    __syscall("shared3p::matshufinv_$T\_vec", __domainid(D), mat, result, cols, key);
    return result;
}

/* The transpose of a private matrix by column slices (local copies only). */
template <domain D : shared3p, type T>
D T[[2]] _transposeLocal(D T[[2]] mat) {
    uint rows = shape(mat)[0];
    uint cols = shape(mat)[1];
    D T[[2]] result(cols, rows);
    for (uint j = 0; j < cols; ++j) {
        result[j, :] = mat[:, j];
    }
    return result;
}

/** The columns of mat in a uniformly random order. */
template <domain D : shared3p, type T>
D T[[2]] shuffleColumns(D T[[2]] mat) {
    return _transposeLocal(shuffleRows(_transposeLocal(mat)));
}

template <domain D : shared3p, type T>
D T[[2]] shuffleColumns(D T[[2]] mat, D uint8[[1]] key) {
    return _transposeLocal(shuffleRows(_transposeLocal(mat), key));
}

template <domain D : shared3p, type T>
D T[[2]] inverseShuffleColumns(D T[[2]] mat, D uint8[[1]] key) {
    return _transposeLocal(inverseShuffleRows(_transposeLocal(mat), key));
}

/** An array of the shape of x filled with uniformly random private values. */
template <domain D : shared3p, type T, dim N>
D T[[N]] randomize(D T[[N]] x) {
    D T[[N]] result = x;
    __syscall("shared3p::randomize_$T\_vec", __domainid(D), result);
    return result;
}
