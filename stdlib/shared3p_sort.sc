/*
 * shared3p_sort: sorting private data.
 *
 * Three families, with different cost and leakage:
 * - sortingNetworkSort: Batcher's odd-even merge sorting network. The network
 *   depends only on the (public) length; each layer is one vectorised
 *   comparison of disjoint pairs plus two oblivious selections, so it reveals
 *   nothing and takes O(log^2 n) rounds. Pairs are gathered and scattered by
 *   public indices (local share moves). Non-power-of-two lengths use the network
 *   of the next power of two with comparators touching missing elements dropped
 *   (missing elements act as +infinity, so those comparators never swap).
 *   Matrices are sorted by one, two or three key columns (lexicographically),
 *   rows moving as units.
 * - radixSort (integers): least-significant-bit-first stable passes. Each pass
 *   computes every element's private destination with prefix sums, then applies
 *   that private permutation by shuffling it with a fresh key and opening only
 *   the shuffled destinations, which are uniformly random. Reveals nothing.
 * - sort / quicksort: shuffle, then quicksort whose comparisons against the pivots
 *   are opened, all segments of one level in one vectorised round. Because the
 *   data were shuffled first, the opened results reveal only the order pattern of
 *   a random arrangement, which includes which elements are equal (the number of
 *   duplicates). Fastest; use the network or radix sort when equalities matter.
 * - unsafeSort: shuffle, then one opened stable sorting permutation (reveals
 *   which elements are equal).
 * selectK returns the k smallest elements through a top-k network;
 * generateSortingNetwork and generateTopKSortingNetwork give networks as public
 * data (format below).
 */
module shared3p_sort;

import stdlib;
import shared3p;
import shared3p_random;
import shared3p_permutation;

// ---------------------------------------------------------------------------
// Helpers

/** Whether n is a power of two (0 is not). */
bool isPowerOfTwo(uint n) {
    return n != 0 && (n & (n - 1)) == 0;
}

/* out[i] = src[idx[i]] by public indices. */
template <domain D : shared3p, type T>
D T[[1]] _gather(D T[[1]] src, uint[[1]] idx) {
    D T[[1]] out(size(idx));
    __syscall("shared3p::gather_$T\_vec", __domainid(D), src, out, __cref idx);
    return out;
}

/* target[idx[i]] = src[i], other elements of target unchanged. */
template <domain D : shared3p, type T>
D T[[1]] _scatter(D T[[1]] src, D T[[1]] target, uint[[1]] idx) {
    __syscall("shared3p::scatter_$T\_vec", __domainid(D), src, target, __cref idx);
    return target;
}

/* Row indices expanded to element indices of a matrix with `cols` columns:
 * rows[i] * cols + j for j < cols, by public vector operations. */
uint[[1]] _expandRows(uint[[1]] rows, uint cols) {
    uint n = size(rows);
    uint[[2]] starts = reshape(rows * cols, n, 1);
    uint[[1]] offsets(cols);
    for (uint j = 0; j < cols; ++j) {
        offsets[j] = j;
    }
    uint[[2]] base = starts;
    while (shape(base)[1] < cols) {
        uint have = shape(base)[1];
        uint take = min(have, cols - have);
        base = cat(base, base[:, 0:take], 1);
    }
    uint[[2]] tiled = reshape(offsets, 1, cols);
    while (shape(tiled)[0] < n) {
        uint have = shape(tiled)[0];
        uint take = min(have, n - have);
        tiled = cat(tiled, tiled[0:take, :], 0);
    }
    if (n == 0 || cols == 0) {
        uint[[1]] empty;
        return empty;
    }
    return flatten(base + tiled);
}

/* Each condition repeated `times` times (local copies only). */
template <domain D : shared3p>
D bool[[1]] _repeatEach(D bool[[1]] cond, uint times) {
    uint n = size(cond);
    D bool[[2]] m = reshape(cond, n, 1);
    while (shape(m)[1] < times) {
        uint have = shape(m)[1];
        uint take = min(have, times - have);
        m = cat(m, m[:, 0:take], 1);
    }
    return flatten(m);
}

// ---------------------------------------------------------------------------
// Sorting networks

/*
 * The comparators of one layer (p, k) of Batcher's odd-even merge sort for n
 * elements (padded to a power of two, comparators touching missing elements
 * dropped): lo[i] < hi[i], all elements distinct within the layer. Layers are
 * generated one at a time while sorting, so the network is never stored whole.
 */
struct _Layer {
    uint[[1]] lo;
    uint[[1]] hi;
}

_Layer _oddEvenMergeLayer(uint n, uint p, uint k) {
    // The comparators come in runs: lower wires [j, j + k) for j = k % p,
    // k % p + 2k, ..., each paired with the run k above. A 2p-block boundary can
    // only fall at j + k (2p is a multiple of 2k, and j + k the one multiple of
    // 2k in (j, j + 2k)), so a run is kept or dropped whole: kept when j and
    // j + k share a 2p-block. The last run may be cut short by n.
    uint twoP = 2 * p;
    uint[[1]] starts(n / (2 * k) + 1);
    uint runs = 0;
    uint partialStart = 0;
    uint partialLength = 0;
    for (uint j = k % p; j + k < n; j += 2 * k) {
        if (j / twoP == (j + k) / twoP) {
            if (j + 2 * k <= n) {
                starts[runs] = j;
                runs++;
            } else {
                partialStart = j;
                partialLength = n - j - k;
            }
        }
    }
    uint[[1]] lo = _expandRuns(starts[0:runs], k);
    if (partialLength > 0) {
        uint[[1]] last = {partialStart};
        lo = cat(lo, _expandRuns(last, partialLength));
    }
    _Layer layer;
    layer.lo = lo;
    layer.hi = lo + k;
    return layer;
}

/* starts[r] + i for every run r and i < length, run by run (public vector
 * operations: the starts repeated and the offsets 0..length-1 tiled by doubling). */
uint[[1]] _expandRuns(uint[[1]] starts, uint length) {
    uint n = size(starts);
    if (n == 0 || length == 0) {
        uint[[1]] empty;
        return empty;
    }
    uint[[1]] offsets = {0};
    while (size(offsets) < length) {
        offsets = cat(offsets, offsets + size(offsets));
    }
    uint[[2]] base = reshape(starts, n, 1);
    while (shape(base)[1] < length) {
        uint have = shape(base)[1];
        uint take = min(have, length - have);
        base = cat(base, base[:, 0:take], 1);
    }
    uint[[2]] tiled = reshape(offsets[0:length], 1, length);
    while (shape(tiled)[0] < n) {
        uint have = shape(tiled)[0];
        uint take = min(have, n - have);
        tiled = cat(tiled, tiled[0:take, :], 0);
    }
    return flatten(base + tiled);
}

uint _paddedLength(uint n) {
    uint padded = 1;
    while (padded < n) {
        padded *= 2;
    }
    return padded;
}

/** vec in ascending order, data-independently (Batcher's odd-even merge sort). */
template <domain D : shared3p, type T>
D T[[1]] sortingNetworkSort(D T[[1]] vec) {
    uint n = size(vec);
    if (n < 2) {
        return vec;
    }
    uint padded = _paddedLength(n);
    for (uint p = 1; p < padded; p *= 2) {
        for (uint k = p; k >= 1; k /= 2) {
            _Layer layer = _oddEvenMergeLayer(n, p, k);
            if (size(layer.lo) > 0) {
                D T[[1]] a = _gather(vec, layer.lo);
                D T[[1]] b = _gather(vec, layer.hi);
                D bool[[1]] swap = a > b;
                D T[[1]] both = cat(choose(swap, b, a), choose(swap, a, b));
                vec = _scatter(both, vec, cat(layer.lo, layer.hi));
            }
        }
    }
    return vec;
}

/* Sorts the rows of mat by a network whose comparator decides `a > b` from the
 * gathered rows; the key comparison is supplied by the three public wrappers. */
template <domain D : shared3p, type T>
D T[[2]] _networkSortRows(D T[[2]] mat, uint[[1]] keyColumns) {
    uint rows = shape(mat)[0];
    uint cols = shape(mat)[1];
    if (rows < 2) {
        return mat;
    }
    uint padded = _paddedLength(rows);
    D T[[1]] flat = flatten(mat);
    for (uint p = 1; p < padded; p *= 2) {
        for (uint k = p; k >= 1; k /= 2) {
            _Layer layer = _oddEvenMergeLayer(rows, p, k);
            uint pairs = size(layer.lo);
            if (pairs == 0) {
                continue;
            }
            uint[[1]] loElems = _expandRows(layer.lo, cols);
            uint[[1]] hiElems = _expandRows(layer.hi, cols);
            D T[[2]] a = reshape(_gather(flat, loElems), pairs, cols);
            D T[[2]] b = reshape(_gather(flat, hiElems), pairs, cols);
            // lexicographic a > b over the key columns, last key first
            uint last = size(keyColumns) - 1;
            D bool[[1]] greater = a[:, keyColumns[last]] > b[:, keyColumns[last]];
            for (uint q = last; q > 0; --q) {
                uint c = keyColumns[q - 1];
                D bool[[1]] ka = a[:, c] > b[:, c];
                D bool[[1]] eq = a[:, c] == b[:, c];
                greater = ka | (eq & greater);
            }
            D bool[[1]] swap = _repeatEach(greater, cols);
            D T[[1]] fa = flatten(a);
            D T[[1]] fb = flatten(b);
            D T[[1]] both = cat(choose(swap, fb, fa), choose(swap, fa, fb));
            flat = _scatter(both, flat, cat(loElems, hiElems));
        }
    }
    return reshape(flat, rows, cols);
}

/** The rows of mat ordered by column `column` (ascending), obliviously. */
template <domain D : shared3p, type T>
D T[[2]] sortingNetworkSort(D T[[2]] mat, uint column) {
    assert(column < shape(mat)[1]);
    uint[[1]] keys = {column};
    return _networkSortRows(mat, keys);
}

/** The rows of mat ordered by column1, ties by column2. */
template <domain D : shared3p, type T>
D T[[2]] sortingNetworkSort(D T[[2]] mat, uint column1, uint column2) {
    assert(column1 < shape(mat)[1] && column2 < shape(mat)[1]);
    uint[[1]] keys = {column1, column2};
    return _networkSortRows(mat, keys);
}

/** The rows of mat ordered by column1, then column2, then column3. */
template <domain D : shared3p, type T>
D T[[2]] sortingNetworkSort(D T[[2]] mat, uint column1, uint column2, uint column3) {
    assert(column1 < shape(mat)[1] && column2 < shape(mat)[1] && column3 < shape(mat)[1]);
    uint[[1]] keys = {column1, column2, column3};
    return _networkSortRows(mat, keys);
}

// ---------------------------------------------------------------------------
// Networks as public data

/*
 * A network is serialised as a public uint vector: element 0 is the number of
 * stages; each stage follows as its comparator count c, then the c lower wire
 * indices, then the c upper wire indices (lo[i] < hi[i], all wires of a stage
 * distinct). A comparator leaves the smaller value on its lower wire. Empty
 * stages are not written.
 *
 * The top-k network for n wires: with B the smallest power of two >= k, the
 * wires form blocks of B (the last one possibly short); every block is sorted by
 * Batcher's network (the odd-even merge sort layers with p < B, which stay inside
 * blocks), then the blocks are merged pairwise in rounds, each merge an odd-even
 * merge of two sorted blocks of B whose lower B outputs stay where the first
 * block was. After the rounds wires 0..B-1 hold the B smallest elements in order.
 * Finally every comparator that cannot influence wires 0..k-1 is removed (walking
 * the stages backwards from those wires). With k = n this is the full network of
 * sortingNetworkSort. Comparators touching wires >= n are dropped as in
 * sortingNetworkSort (missing elements act as +infinity).
 */

/* The lower wire of virtual merge index v when merging the block at `first`
 * with the block at `first + step` (each B wide). */
uint _mergeWire(uint v, uint first, uint step, uint B) {
    if (v < B) {
        return first + v;
    }
    return first + step + v - B;
}

/* One layer (distance kk) of the round merging blocks `step` apart. */
_Layer _mergeRoundLayer(uint n, uint N, uint B, uint step, uint kk) {
    _Layer virtual = _oddEvenMergeLayer(2 * B, B, kk);
    uint per = size(virtual.lo);
    uint[[1]] lo(per * (N / (2 * step) + 1));
    uint[[1]] hi(size(lo));
    uint t = 0;
    for (uint first = 0; first + step < N; first += 2 * step) {
        for (uint i = 0; i < per; ++i) {
            uint a = _mergeWire(virtual.lo[i], first, step, B);
            uint b = _mergeWire(virtual.hi[i], first, step, B);
            if (b < n) {
                lo[t] = a;
                hi[t] = b;
                t++;
            }
        }
    }
    _Layer layer;
    layer.lo = lo[0:t];
    layer.hi = hi[0:t];
    return layer;
}

/* Number of stages (including empty ones) of the block-sort-and-merge network. */
uint _networkStageCount(uint B, uint N) {
    uint count = 0;
    for (uint p = 1; p < B; p *= 2) {
        for (uint kk = p; kk >= 1; kk /= 2) {
            count++;
        }
    }
    for (uint step = B; step < N; step *= 2) {
        for (uint kk = B; kk >= 1; kk /= 2) {
            count++;
        }
    }
    return count;
}

/* Stage t of the block-sort-and-merge network over n wires (blocks of B, N padded). */
_Layer _networkStage(uint n, uint B, uint N, uint t) {
    uint i = 0;
    for (uint p = 1; p < B; p *= 2) {
        for (uint kk = p; kk >= 1; kk /= 2) {
            if (i == t) {
                return _oddEvenMergeLayer(n, p, kk);
            }
            i++;
        }
    }
    for (uint step = B; step < N; step *= 2) {
        for (uint kk = B; kk >= 1; kk /= 2) {
            if (i == t) {
                return _mergeRoundLayer(n, N, B, step, kk);
            }
            i++;
        }
    }
    _Layer empty;
    return empty;
}

/* The serialised network whose first k outputs are the k smallest inputs in
 * order, before pruning (see above). */
uint[[1]] _blockMergeNetwork(uint n, uint k) {
    uint[[1]] none = {0};
    if (n < 2 || k == 0) {
        return none;
    }
    uint B = _paddedLength(k);
    uint N = ((n + B - 1) / B) * B;
    uint stages = _networkStageCount(B, N);
    uint[[1]] out(1 + stages * (1 + n));
    uint pos = 1;
    uint written = 0;
    for (uint t = 0; t < stages; ++t) {
        _Layer layer = _networkStage(n, B, N, t);
        uint c = size(layer.lo);
        if (c > 0) {
            out[pos] = c;
            out[pos + 1 : pos + 1 + c] = layer.lo;
            out[pos + 1 + c : pos + 1 + 2 * c] = layer.hi;
            pos += 1 + 2 * c;
            written++;
        }
    }
    out[0] = written;
    return out[0:pos];
}

/** Batcher's odd-even merge sorting network for n elements (format above). */
uint[[1]] generateSortingNetwork(uint n) {
    return _blockMergeNetwork(n, n);
}

/**
 * A network for n elements whose first k outputs are the k smallest inputs in
 * ascending order (format above); the other outputs are in no particular order.
 * About n log^2(k) comparators instead of n log^2(n).
 */
uint[[1]] generateTopKSortingNetwork(uint n, uint k) {
    assert(k <= n);
    uint[[1]] full = _blockMergeNetwork(n, k);
    uint stages = full[0];
    if (stages == 0 || k == n) {
        return full;
    }
    uint[[1]] starts(stages);
    uint pos = 1;
    for (uint s = 0; s < stages; ++s) {
        starts[s] = pos;
        pos += 1 + 2 * full[pos];
    }
    bool[[1]] relevant(n);
    for (uint w = 0; w < k; ++w) {
        relevant[w] = true;
    }
    bool[[1]] keep(size(full));
    uint kept = 0;
    uint keptStages = 0;
    for (uint s = stages; s > 0; --s) {
        uint at = starts[s - 1];
        uint c = full[at];
        bool any = false;
        for (uint i = 0; i < c; ++i) {
            uint a = full[at + 1 + i];
            uint b = full[at + 1 + c + i];
            if (relevant[a] || relevant[b]) {
                keep[at + 1 + i] = true;
                relevant[a] = true;
                relevant[b] = true;
                kept++;
                any = true;
            }
        }
        if (any) {
            keptStages++;
        }
    }
    uint[[1]] out(1 + keptStages + 2 * kept);
    out[0] = keptStages;
    uint o = 1;
    for (uint s = 0; s < stages; ++s) {
        uint at = starts[s];
        uint c = full[at];
        uint m = 0;
        for (uint i = 0; i < c; ++i) {
            if (keep[at + 1 + i]) {
                m++;
            }
        }
        if (m > 0) {
            out[o] = m;
            uint j = 0;
            for (uint i = 0; i < c; ++i) {
                if (keep[at + 1 + i]) {
                    out[o + 1 + j] = full[at + 1 + i];
                    out[o + 1 + m + j] = full[at + 1 + c + i];
                    j++;
                }
            }
            o += 1 + 2 * m;
        }
    }
    return out;
}

/* Runs a serialised network over vec: per stage one vectorised comparison and
 * two oblivious selections. */
template <domain D : shared3p, type T>
D T[[1]] _applyNetwork(D T[[1]] vec, uint[[1]] network) {
    uint stages = network[0];
    uint pos = 1;
    for (uint s = 0; s < stages; ++s) {
        uint c = network[pos];
        uint[[1]] lo = network[pos + 1 : pos + 1 + c];
        uint[[1]] hi = network[pos + 1 + c : pos + 1 + 2 * c];
        D T[[1]] a = _gather(vec, lo);
        D T[[1]] b = _gather(vec, hi);
        D bool[[1]] swap = a > b;
        D T[[1]] both = cat(choose(swap, b, a), choose(swap, a, b));
        vec = _scatter(both, vec, cat(lo, hi));
        pos += 1 + 2 * c;
    }
    return vec;
}

/** The k smallest elements of vec in ascending order, obliviously (top-k network). */
template <domain D : shared3p, type T>
D T[[1]] selectK(D T[[1]] vec, uint k) {
    assert(k <= size(vec));
    if (k == 0) {
        D T[[1]] none;
        return none;
    }
    D T[[1]] selected = _applyNetwork(vec, generateTopKSortingNetwork(size(vec), k));
    return selected[0:k];
}

// ---------------------------------------------------------------------------
// Sorting by an opened permutation

/*
 * unsafeSort shuffles the data, then opens the stable sorting permutation of the
 * shuffled keys (`stable_sort_T_vec`) and moves the data by it. Because of the
 * shuffle the opened permutation is uniformly random apart from revealing which
 * elements are equal (as sort/quicksort do); the saving is that the whole order
 * comes from one syscall.
 */
template <domain D : shared3p, type T>
uint[[1]] _openSortingPermutation(D T[[1]] keys, bool ascending) {
    uint[[1]] perm(size(keys));
    __syscall("shared3p::stable_sort_$T\_vec", __domainid(D), keys, __ref perm, ascending);
    return perm;
}

/** vec sorted (ascending unless `ascending` is false); reveals which elements are equal. */
template <domain D : shared3p, type T>
D T[[1]] unsafeSort(D T[[1]] vec, bool ascending) {
    if (size(vec) < 2) {
        return vec;
    }
    D T[[1]] shuffled = shuffle(vec);
    return _gather(shuffled, _openSortingPermutation(shuffled, ascending));
}

/** vec in ascending order; reveals which elements are equal. */
template <domain D : shared3p, type T>
D T[[1]] unsafeSort(D T[[1]] vec) {
    return unsafeSort(vec, true);
}

/** The rows of mat ordered by column `column`; reveals which keys are equal. */
template <domain D : shared3p, type T>
D T[[2]] unsafeSort(D T[[2]] mat, uint column, bool ascending) {
    assert(column < shape(mat)[1]);
    if (shape(mat)[0] < 2) {
        return mat;
    }
    D T[[2]] shuffled = shuffleRows(mat);
    return applyPublicPermutationRows(shuffled, _openSortingPermutation(shuffled[:, column], ascending));
}

// ---------------------------------------------------------------------------
// Radix sort

/*
 * The private permutation that stably sorts the xor-shared unsigned keys:
 * perm[i] = original position of the i-th smallest. One pass per bit, least
 * significant first. The state is one private matrix, a row per element: its
 * original position, then the bits not yet used. A pass computes each row's
 * destination (zeros keep their order first, then ones) with prefix sums, puts
 * it in front, shuffles the rows, opens only the shuffled destinations (a
 * uniformly random permutation) and moves the rows there; the used bit is dropped.
 */
template <domain D : shared3p, type X>
D uint[[1]] _radixPermutation(D X[[1]] xorKeys) {
    uint n = size(xorKeys);
    uint[[1]] positions(n);
    for (uint i = 0; i < n; ++i) {
        positions[i] = i;
    }
    D uint[[1]] ids = positions;
    if (n < 2) {
        return ids;
    }
    D bool[[1]] allBits = bit_extract(xorKeys);
    uint bits = size(allBits) / n;
    // 32-bit state: positions and ranks stay below 2^32 for any practical n
    assert(n < 4294967296);
    D uint32[[1]] start = (uint32) ids;
    D uint32[[1]] bitValues = (uint32) allBits;
    D uint32[[2]] state = cat(reshape(start, n, 1), reshape(bitValues, n, bits), 1);
    for (uint b = 0; b < bits; ++b) {
        D uint32[[1]] ones = state[:, 1];
        D uint32[[1]] zeros = 1 - ones;
        D uint32[[1]] zeroRank = prefixSum(zeros);
        D uint32[[1]] oneRank = prefixSum(ones);
        D uint32 totalZeros = sum(zeros);
        D uint32[[1]] dest = zeroRank - 1 + ones * (totalZeros + oneRank - zeroRank);
        // rows: destination, position, remaining bits (the current one dropped)
        D uint32[[2]] rows = cat(reshape(dest, n, 1), state[:, 0:1], 1);
        uint width = shape(state)[1];
        if (width > 2) {
            rows = cat(rows, state[:, 2:width], 1);
        }
        D uint32[[2]] shuffled = shuffleRows(rows);
        uint[[1]] opened = (uint) declassify(shuffled[:, 0]);
        uint cols = shape(shuffled)[1];
        state = unapplyPublicPermutationRows(shuffled[:, 1:cols], opened);
    }
    return (uint) state[:, 0];
}

/* Radix keys: the xor-shared order-preserving unsigned image of each element. */
template <domain D : shared3p>
D xor_uint8[[1]] _radixKey(D uint8[[1]] x) {
    return reshare(x);
}

template <domain D : shared3p>
D xor_uint8[[1]] _radixKey(D int8[[1]] x) {
    return reshare(_toOrdered(x));
}

template <domain D : shared3p>
D xor_uint8[[1]] _radixKey(D xor_uint8[[1]] x) {
    return x;
}

template <domain D : shared3p>
D xor_uint16[[1]] _radixKey(D uint16[[1]] x) {
    return reshare(x);
}

template <domain D : shared3p>
D xor_uint16[[1]] _radixKey(D int16[[1]] x) {
    return reshare(_toOrdered(x));
}

template <domain D : shared3p>
D xor_uint16[[1]] _radixKey(D xor_uint16[[1]] x) {
    return x;
}

template <domain D : shared3p>
D xor_uint32[[1]] _radixKey(D uint32[[1]] x) {
    return reshare(x);
}

template <domain D : shared3p>
D xor_uint32[[1]] _radixKey(D int32[[1]] x) {
    return reshare(_toOrdered(x));
}

template <domain D : shared3p>
D xor_uint32[[1]] _radixKey(D xor_uint32[[1]] x) {
    return x;
}

template <domain D : shared3p>
D xor_uint64[[1]] _radixKey(D uint64[[1]] x) {
    return reshare(x);
}

template <domain D : shared3p>
D xor_uint64[[1]] _radixKey(D int64[[1]] x) {
    return reshare(_toOrdered(x));
}

template <domain D : shared3p>
D xor_uint64[[1]] _radixKey(D xor_uint64[[1]] x) {
    return x;
}

/** vec (integers or xor integers) in ascending order, stable, revealing nothing. */
template <domain D : shared3p, type T>
D T[[1]] radixSort(D T[[1]] vec) {
    if (size(vec) < 2) {
        return vec;
    }
    return applyPrivatePermutation(vec, _radixPermutation(_radixKey(vec)));
}

/** The rows of mat ordered by column `column` (ascending, stable). */
template <domain D : shared3p, type T>
D T[[2]] radixSort(D T[[2]] mat, uint column) {
    assert(column < shape(mat)[1]);
    if (shape(mat)[0] < 2) {
        return mat;
    }
    return applyPrivatePermutationRows(mat, _radixPermutation(_radixKey(mat[:, column])));
}

/**
 * The private stable sorting permutation of vec: element i of the sorted vector
 * is vec[perm[i]] (apply it to other columns with applyPrivatePermutation).
 */
template <domain D : shared3p, type T>
D uint[[1]] radixSortWithIndex(D T[[1]] vec) {
    return _radixPermutation(_radixKey(vec));
}

// ---------------------------------------------------------------------------
// Shuffle and quicksort with opened comparisons

/*
 * The public permutation sorting `keys`, which must already be in random order:
 * quicksort where each level compares every element of every unsorted segment
 * with its segment's first element in one vectorised round and opens the
 * results (less / greater; equal elements join the pivot in the middle).
 */
template <domain D : shared3p, type T>
uint[[1]] _openQuicksortOrder(D T[[1]] keys) {
    uint n = size(keys);
    uint[[1]] order(n);
    for (uint i = 0; i < n; ++i) {
        order[i] = i;
    }
    uint[[1]] segStart(n + 1);
    uint[[1]] segEnd(n + 1);
    uint segCount = 0;
    if (n >= 2) {
        segStart[0] = 0;
        segEnd[0] = n;
        segCount = 1;
    }
    D T[[1]] cur = keys;
    while (segCount > 0) {
        uint m = 0;
        for (uint s = 0; s < segCount; ++s) {
            m += segEnd[s] - segStart[s] - 1;
        }
        uint[[1]] elems(m);
        uint[[1]] pivots(m);
        uint t = 0;
        for (uint s = 0; s < segCount; ++s) {
            for (uint i = segStart[s] + 1; i < segEnd[s]; ++i) {
                elems[t] = i;
                pivots[t] = segStart[s];
                t++;
            }
        }
        D T[[1]] a = _gather(cur, elems);
        D T[[1]] p = _gather(cur, pivots);
        bool[[1]] less = declassify(a < p);
        bool[[1]] greater = declassify(a > p);
        // new arrangement: positions outside segments stay where they are
        uint[[1]] perm(n);
        for (uint i = 0; i < n; ++i) {
            perm[i] = i;
        }
        uint[[1]] nextStart(n + 1);
        uint[[1]] nextEnd(n + 1);
        uint nextCount = 0;
        t = 0;
        for (uint s = 0; s < segCount; ++s) {
            uint st = segStart[s];
            uint en = segEnd[s];
            uint len = en - st - 1;
            uint pos = st;
            for (uint j = 0; j < len; ++j) {
                if (less[t + j]) {
                    perm[pos] = elems[t + j];
                    pos++;
                }
            }
            uint lessEnd = pos;
            perm[pos] = st;
            pos++;
            for (uint j = 0; j < len; ++j) {
                if (!less[t + j] && !greater[t + j]) {
                    perm[pos] = elems[t + j];
                    pos++;
                }
            }
            uint greaterStart = pos;
            for (uint j = 0; j < len; ++j) {
                if (greater[t + j]) {
                    perm[pos] = elems[t + j];
                    pos++;
                }
            }
            if (lessEnd - st >= 2) {
                nextStart[nextCount] = st;
                nextEnd[nextCount] = lessEnd;
                nextCount++;
            }
            if (en - greaterStart >= 2) {
                nextStart[nextCount] = greaterStart;
                nextEnd[nextCount] = en;
                nextCount++;
            }
            t += len;
        }
        cur = _gather(cur, perm);
        uint[[1]] nextOrder(n);
        for (uint i = 0; i < n; ++i) {
            nextOrder[i] = order[perm[i]];
        }
        order = nextOrder;
        segStart = nextStart;
        segEnd = nextEnd;
        segCount = nextCount;
    }
    return order;
}

/** vec in ascending order: shuffle, then quicksort with opened comparisons. */
template <domain D : shared3p, type T>
D T[[1]] quicksort(D T[[1]] vec) {
    D T[[1]] shuffled = shuffle(vec);
    return _gather(shuffled, _openQuicksortOrder(shuffled));
}

/** The rows of mat ordered by column `column`: shuffle rows, then quicksort. */
template <domain D : shared3p, type T>
D T[[2]] quicksort(D T[[2]] mat, uint column) {
    assert(column < shape(mat)[1]);
    D T[[2]] shuffled = shuffleRows(mat);
    uint[[1]] order = _openQuicksortOrder(shuffled[:, column]);
    return applyPublicPermutationRows(shuffled, order);
}

/** vec in ascending order (shuffle and quicksort; see the module comment). */
template <domain D : shared3p, type T>
D T[[1]] sort(D T[[1]] vec) {
    return quicksort(vec);
}
