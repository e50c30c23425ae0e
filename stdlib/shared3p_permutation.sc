/*
 * shared3p_permutation: applying public and private permutations to private data.
 *
 * A permutation p of n elements is a uint vector holding 0..n-1; applying it
 * gives out[i] = in[p[i]] and unapplying gives out[p[i]] = in[i].
 * - Public permutations move shares locally (`gather_T_vec` / `scatter_T_vec`
 *   with a public index list).
 * - A private permutation is applied without revealing it: the permutation (and
 *   for unapply the data) is first shuffled with a fresh random key, so the
 *   opened indices are a uniformly random permutation independent of p; the
 *   data then moves by the opened indices, and the key's inverse shuffle (for
 *   apply) restores the order.
 */
module shared3p_permutation;

import stdlib;
import shared3p;
import shared3p_random;

/* A fresh 32-byte private shuffle key. */
template <domain D : shared3p>
D uint8[[1]] _freshKey() {
    D uint8[[1]] key(32);
    return randomize(key);
}

/** out[i] = vec[perm[i]] for a public permutation. */
template <domain D : shared3p, type T>
D T[[1]] applyPublicPermutation(D T[[1]] vec, uint[[1]] perm) {
    assert(size(vec) == size(perm));
    D T[[1]] result(size(vec));
    __syscall("shared3p::gather_$T\_vec", __domainid(D), vec, result, __cref perm);
    return result;
}

/** out[perm[i]] = vec[i] for a public permutation. */
template <domain D : shared3p, type T>
D T[[1]] unapplyPublicPermutation(D T[[1]] vec, uint[[1]] perm) {
    assert(size(vec) == size(perm));
    D T[[1]] result(size(vec));
    __syscall("shared3p::scatter_$T\_vec", __domainid(D), vec, result, __cref perm);
    return result;
}

/* Element indices of whole rows: row perm[i] of a cols-wide matrix, row by row
 * (perm[i] * cols + j, by public vector operations). */
uint[[1]] _rowIndices(uint[[1]] perm, uint cols) {
    uint n = size(perm);
    if (n == 0 || cols == 0) {
        uint[[1]] empty;
        return empty;
    }
    uint[[2]] base = reshape(perm * cols, n, 1);
    while (shape(base)[1] < cols) {
        uint have = shape(base)[1];
        uint take = min(have, cols - have);
        base = cat(base, base[:, 0:take], 1);
    }
    uint[[1]] offsets(cols);
    for (uint j = 0; j < cols; ++j) {
        offsets[j] = j;
    }
    uint[[2]] tiled = reshape(offsets, 1, cols);
    while (shape(tiled)[0] < n) {
        uint have = shape(tiled)[0];
        uint take = min(have, n - have);
        tiled = cat(tiled, tiled[0:take, :], 0);
    }
    return flatten(base + tiled);
}

/* Element indices of column perm[j] in place of column j, for every row. */
uint[[1]] _columnIndices(uint[[1]] perm, uint rows) {
    uint cols = size(perm);
    uint[[1]] indices(rows * cols);
    for (uint i = 0; i < rows; ++i) {
        for (uint j = 0; j < cols; ++j) {
            indices[i * cols + j] = i * cols + perm[j];
        }
    }
    return indices;
}

/** Row i of the result is row perm[i] of mat. */
template <domain D : shared3p, type T>
D T[[2]] applyPublicPermutationRows(D T[[2]] mat, uint[[1]] perm) {
    uint rows = shape(mat)[0];
    uint cols = shape(mat)[1];
    assert(size(perm) == rows);
    return reshape(applyPublicPermutation(flatten(mat), _rowIndices(perm, cols)), rows, cols);
}

template <domain D : shared3p, type T>
D T[[2]] unapplyPublicPermutationRows(D T[[2]] mat, uint[[1]] perm) {
    uint rows = shape(mat)[0];
    uint cols = shape(mat)[1];
    assert(size(perm) == rows);
    return reshape(unapplyPublicPermutation(flatten(mat), _rowIndices(perm, cols)), rows, cols);
}

/** Column j of the result is column perm[j] of mat. */
template <domain D : shared3p, type T>
D T[[2]] applyPublicPermutationCols(D T[[2]] mat, uint[[1]] perm) {
    uint rows = shape(mat)[0];
    uint cols = shape(mat)[1];
    assert(size(perm) == cols);
    return reshape(applyPublicPermutation(flatten(mat), _columnIndices(perm, rows)), rows, cols);
}

template <domain D : shared3p, type T>
D T[[2]] unapplyPublicPermutationCols(D T[[2]] mat, uint[[1]] perm) {
    uint rows = shape(mat)[0];
    uint cols = shape(mat)[1];
    assert(size(perm) == cols);
    return reshape(unapplyPublicPermutation(flatten(mat), _columnIndices(perm, rows)), rows, cols);
}

/** out[i] = vec[perm[i]], perm private. */
template <domain D : shared3p, type T>
D T[[1]] applyPrivatePermutation(D T[[1]] vec, D uint[[1]] perm) {
    assert(size(vec) == size(perm));
    D uint8[[1]] key = _freshKey();
    uint[[1]] opened = declassify(shuffle(perm, key));
    return inverseShuffle(applyPublicPermutation(vec, opened), key);
}

/** out[perm[i]] = vec[i], perm private. */
template <domain D : shared3p, type T>
D T[[1]] unapplyPrivatePermutation(D T[[1]] vec, D uint[[1]] perm) {
    assert(size(vec) == size(perm));
    D uint8[[1]] key = _freshKey();
    uint[[1]] opened = declassify(shuffle(perm, key));
    return unapplyPublicPermutation(shuffle(vec, key), opened);
}

/** Row i of the result is row perm[i] of mat, perm private. */
template <domain D : shared3p, type T>
D T[[2]] applyPrivatePermutationRows(D T[[2]] mat, D uint[[1]] perm) {
    assert(size(perm) == shape(mat)[0]);
    D uint8[[1]] key = _freshKey();
    uint[[1]] opened = declassify(shuffle(perm, key));
    return inverseShuffleRows(applyPublicPermutationRows(mat, opened), key);
}

template <domain D : shared3p, type T>
D T[[2]] unapplyPrivatePermutationRows(D T[[2]] mat, D uint[[1]] perm) {
    assert(size(perm) == shape(mat)[0]);
    D uint8[[1]] key = _freshKey();
    uint[[1]] opened = declassify(shuffle(perm, key));
    return unapplyPublicPermutationRows(shuffleRows(mat, key), opened);
}

/** Column j of the result is column perm[j] of mat, perm private. */
template <domain D : shared3p, type T>
D T[[2]] applyPrivatePermutationCols(D T[[2]] mat, D uint[[1]] perm) {
    return _transposeLocal(applyPrivatePermutationRows(_transposeLocal(mat), perm));
}

template <domain D : shared3p, type T>
D T[[2]] unapplyPrivatePermutationCols(D T[[2]] mat, D uint[[1]] perm) {
    return _transposeLocal(unapplyPrivatePermutationRows(_transposeLocal(mat), perm));
}

/** The inverse permutation: q[perm[i]] = i. */
template <domain D : shared3p>
D uint[[1]] inversePermutation(D uint[[1]] perm) {
    uint n = size(perm);
    uint[[1]] positions(n);
    for (uint i = 0; i < n; ++i) {
        positions[i] = i;
    }
    D uint[[1]] ids = positions;
    return unapplyPrivatePermutation(ids, perm);
}

/**
 * A uniformly random public permutation of size(vec) elements (the data only
 * give the length and the domain): a private random permutation, opened. Every
 * party learns it; no party chose it.
 */
template <domain D : shared3p, type T>
uint[[1]] publicRandomPermutation(D T[[1]] vec) {
    D uint[[1]] perm = privateRandomPermutation(size(vec));
    return declassify(perm);
}

/** A uniformly random permutation of n elements that no party learns. */
template <domain D : shared3p>
D uint[[1]] privateRandomPermutation(uint n) {
    uint[[1]] positions(n);
    for (uint i = 0; i < n; ++i) {
        positions[i] = i;
    }
    D uint[[1]] ids = positions;
    return shuffle(ids);
}
