/*
 * shared3p_string: private strings.
 *
 * A bounded-length string ("bl_str") is a private xor_uint8 vector whose public
 * size is an upper bound on the length: the characters, then zero bytes. Its
 * real length stays private; procedures work over the whole bound and combine
 * results with masks so that the length is not revealed (bl_strTrim and
 * bl_strDeclassify are the exceptions: they open it).
 * - Comparisons are element-wise on zero-extended vectors: equality is "every
 *   byte equal"; order is decided by the first differing byte (found with a
 *   prefix sum of the inequality flags), shorter prefixes sorting first since
 *   the padding is 0.
 * - bl_strCat places the second string at the private length of the first by
 *   selecting one of the public shifts with a mask.
 * - bl_strContains / bl_strIndexOf compare the pattern at every start position
 *   in one vectorised comparison; pattern padding matches anything.
 * - bl_strLevenshtein fills the edit-distance table one anti-diagonal at a time
 *   (each a vectorised step) and reads the cell at the two private lengths with
 *   an oblivious lookup.
 * - BlStringVector holds strings of one bound as matrix rows; bl_strFind
 *   compares all rows with the needle at once and returns the first match's
 *   private position (the count when there is none).
 * - CRC16 (CCITT-FALSE: polynomial 0x1021, initial value 0xFFFF) and CRC32 (IEEE
 *   802.3: reflected polynomial 0xEDB88320, initial value and final XOR
 *   0xFFFFFFFF) are linear over GF(2) once the polynomial is public, so they are
 *   computed bit by bit with local XORs only.
 */
module shared3p_string;

import stdlib;
import shared3p;
import oblivious;

// ---------------------------------------------------------------------------
// Construction and opening

/** The private bounded-length string of s, bound = strlen(s). */
template <domain D : shared3p>
D xor_uint8[[1]] bl_str(string s) {
    uint8[[1]] bytes = __bytes_from_string(s);
    D xor_uint8[[1]] result = bytes;
    return result;
}

/** The private string of s padded with zeros to `bound` bytes (bound >= strlen(s)). */
template <domain D : shared3p>
D xor_uint8[[1]] bl_str(string s, uint bound) {
    uint8[[1]] bytes = __bytes_from_string(s);
    assert(size(bytes) <= bound);
    uint8[[1]] padded(bound);
    padded[0:size(bytes)] = bytes;
    D xor_uint8[[1]] result = padded;
    return result;
}

/** The public string (the bytes before the first zero). */
template <domain D : shared3p>
string bl_strDeclassify(D xor_uint8[[1]] s) {
    uint8[[1]] bytes = declassify(s);
    uint n = 0;
    while (n < size(bytes) && bytes[n] != 0) {
        n++;
    }
    return __string_from_bytes(bytes[0:n]);
}

/** The private length: the number of bytes before the first zero. */
template <domain D : shared3p>
D uint bl_strLength(D xor_uint8[[1]] s) {
    D xor_uint8 zero = 0;
    return truePrefixLength(s != zero);
}

/** The string cut to its length (opens the length). */
template <domain D : shared3p>
D xor_uint8[[1]] bl_strTrim(D xor_uint8[[1]] s) {
    uint n = declassify(bl_strLength(s));
    return s[0:n];
}

/* s padded with zeros to n bytes (n >= size(s)); local. */
template <domain D : shared3p>
D xor_uint8[[1]] _zeroExtend(D xor_uint8[[1]] s, uint n) {
    if (size(s) >= n) {
        return s;
    }
    D xor_uint8[[1]] zeros(n - size(s));
    return cat(s, zeros);
}

// ---------------------------------------------------------------------------
// Comparison

template <domain D : shared3p>
D bool bl_strEquals(D xor_uint8[[1]] s, D xor_uint8[[1]] t) {
    uint n = max(size(s), size(t));
    return all(_zeroExtend(s, n) == _zeroExtend(t, n));
}

// ---------------------------------------------------------------------------
// Vectors of strings

/**
 * n bounded-length strings sharing one bound: row i of `strings` is string i
 * (characters, then zero bytes). Build it by assigning an n x bound matrix.
 */
template <domain D : shared3p>
struct BlStringVector {
    D xor_uint8[[2]] strings;
}

/**
 * The position of the first string of v equal to needle, or the number of
 * strings when none is (the position stays private). Every row is compared with
 * the needle in one vectorised equality; bounds may differ (zeros pad the shorter).
 */
template <domain D : shared3p>
D uint bl_strFind(BlStringVector<D> v, D xor_uint8[[1]] needle) {
    uint n = shape(v.strings)[0];
    uint bound = max(shape(v.strings)[1], size(needle));
    if (n == 0) {
        D uint zero = 0;
        return zero;
    }
    D xor_uint8[[2]] rows = v.strings;
    if (shape(rows)[1] < bound) {
        D xor_uint8[[2]] pad(n, bound - shape(rows)[1]);
        rows = cat(rows, pad, 1);
    }
    D xor_uint8[[1]] target = _zeroExtend(needle, bound);
    D xor_uint8[[1]] tiled(n * bound);
    for (uint i = 0; i < n; ++i) {
        tiled[i * bound : (i + 1) * bound] = target;
    }
    if (bound == 0) {
        D uint zero = 0;
        return zero;
    }
    D bool[[1]] equal = all(flatten(rows) == tiled, n);
    return truePrefixLength(!equal);
}

/** Whether s sorts before t (byte-wise lexicographic order). */
template <domain D : shared3p>
D bool bl_strIsLessThan(D xor_uint8[[1]] s, D xor_uint8[[1]] t) {
    uint n = max(size(s), size(t));
    if (n == 0) {
        D bool no = false;
        return no;
    }
    D xor_uint8[[1]] a = _zeroExtend(s, n);
    D xor_uint8[[1]] b = _zeroExtend(t, n);
    D bool[[1]] differs = a != b;
    // the first differing position: the running count of differences is 1 there
    D uint[[1]] seen = prefixSum((uint) differs);
    D bool[[1]] first = differs & (seen == 1);
    return any(first & (a < b));
}

/** The number of positions where s and t differ (over the longer bound). */
template <domain D : shared3p>
D uint bl_strHamming(D xor_uint8[[1]] s, D xor_uint8[[1]] t) {
    uint n = max(size(s), size(t));
    return sum(_zeroExtend(s, n) != _zeroExtend(t, n));
}

// ---------------------------------------------------------------------------
// Concatenation and search

/** s followed by t; the bound is size(s) + size(t). */
template <domain D : shared3p>
D xor_uint8[[1]] bl_strCat(D xor_uint8[[1]] s, D xor_uint8[[1]] t) {
    uint m = size(s);
    uint n = size(t);
    uint total = m + n;
    D uint len = bl_strLength(s);
    D bool[[1]] at = vectorLookupBitmask(m + 1, len);
    D xor_uint8[[1]] result = _zeroExtend(s, total);
    for (uint k = 0; k <= m; ++k) {
        // t shifted to start at k, kept only when len == k
        D xor_uint8[[1]] shifted(total);
        shifted[k:k + n] = t;
        D bool[[1]] keep(total) = at[k];
        D xor_uint8[[1]] zeros(total);
        result = result ^ choose(keep, shifted, zeros);
    }
    return result;
}

/* match[i]: the pattern occurs at position i of s (pattern padding matches anything). */
template <domain D : shared3p>
D bool[[1]] _matches(D xor_uint8[[1]] s, D xor_uint8[[1]] pattern) {
    uint m = size(s);
    uint p = size(pattern);
    D xor_uint8[[1]] ext = _zeroExtend(s, m + p);
    uint[[1]] idx(m * p);
    for (uint i = 0; i < m; ++i) {
        for (uint j = 0; j < p; ++j) {
            idx[i * p + j] = i + j;
        }
    }
    D xor_uint8[[1]] windows(m * p);
    __syscall("shared3p::gather_xor_uint8_vec", __domainid(D), ext, windows, __cref idx);
    D xor_uint8[[1]] pats(m * p);
    for (uint i = 0; i < m; ++i) {
        pats[i * p : (i + 1) * p] = pattern;
    }
    D xor_uint8 zero = 0;
    D bool[[1]] ok = (windows == pats) | (pats == zero);
    return all(ok, m);
}

/** Whether pattern occurs in s. */
template <domain D : shared3p>
D bool bl_strContains(D xor_uint8[[1]] s, D xor_uint8[[1]] pattern) {
    if (size(s) == 0 || size(pattern) == 0) {
        return bl_strLength(pattern) == 0;
    }
    return any(_matches(s, pattern));
}

/** The first position of pattern in s, or size(s) when it does not occur. */
template <domain D : shared3p>
D uint bl_strIndexOf(D xor_uint8[[1]] s, D xor_uint8[[1]] pattern) {
    if (size(s) == 0 || size(pattern) == 0) {
        D uint zero = 0;
        return zero;
    }
    return truePrefixLength(!_matches(s, pattern));
}

/** The edit distance (insertions, deletions, substitutions) of s and t. */
template <domain D : shared3p>
D uint bl_strLevenshtein(D xor_uint8[[1]] s, D xor_uint8[[1]] t) {
    uint m = size(s);
    uint n = size(t);
    uint w = n + 1;
    // substitution costs for every pair, one vectorised comparison
    D xor_uint8[[1]] left(m * n);
    D xor_uint8[[1]] right(m * n);
    for (uint i = 0; i < m; ++i) {
        D xor_uint8[[1]] si(n) = s[i];
        left[i * n : (i + 1) * n] = si;
        right[i * n : (i + 1) * n] = t;
    }
    D uint[[1]] subst = (uint) (left != right);
    // table row i, column j at i * w + j; first row and column are public
    uint[[1]] border((m + 1) * w);
    for (uint j = 0; j <= n; ++j) {
        border[j] = j;
    }
    for (uint i = 0; i <= m; ++i) {
        border[i * w] = i;
    }
    D uint[[1]] table = border;
    for (uint d = 2; d <= m + n; ++d) {
        uint lo = d > n ? d - n : 1;
        uint hi = d - 1 < m ? d - 1 : m;
        if (lo > hi) {
            continue;
        }
        uint count = hi - lo + 1;
        uint[[1]] cells(count);
        uint[[1]] up(count);
        uint[[1]] leftCell(count);
        uint[[1]] diag(count);
        uint[[1]] pairs(count);
        for (uint q = 0; q < count; ++q) {
            uint i = lo + q;
            uint j = d - i;
            cells[q] = i * w + j;
            up[q] = (i - 1) * w + j;
            leftCell[q] = i * w + j - 1;
            diag[q] = (i - 1) * w + j - 1;
            pairs[q] = (i - 1) * n + j - 1;
        }
        D uint[[1]] a(count);
        D uint[[1]] b(count);
        D uint[[1]] c(count);
        D uint[[1]] cost(count);
        __syscall("shared3p::gather_uint64_vec", __domainid(D), table, a, __cref up);
        __syscall("shared3p::gather_uint64_vec", __domainid(D), table, b, __cref leftCell);
        __syscall("shared3p::gather_uint64_vec", __domainid(D), table, c, __cref diag);
        __syscall("shared3p::gather_uint64_vec", __domainid(D), subst, cost, __cref pairs);
        D uint[[1]] best = min(min(a + 1, b + 1), c + cost);
        __syscall("shared3p::scatter_uint64_vec", __domainid(D), best, table, __cref cells);
    }
    return matrixLookup(reshape(table, m + 1, w), bl_strLength(s), bl_strLength(t));
}

// ---------------------------------------------------------------------------
// CRC

/* The bits of the bytes, least significant first within each byte. */
template <domain D : shared3p>
D bool[[1]] _bytesToBits(D xor_uint8[[1]] data) {
    return bit_extract(data);
}

/* bits[k] (bit k of the result) weighted and summed into one xor value: as the
 * weights are distinct powers of two the (additive) sum equals the bitwise OR. */
template <domain D : shared3p>
D xor_uint16 _fromBits16(D bool[[1]] bits) {
    uint16[[1]] weights(16);
    for (uint k = 0; k < 16; ++k) {
        weights[k] = (uint16) 1 << (uint16) k;
    }
    D uint16[[1]] values = (uint16) bits;
    D uint16 total = sum(values * weights);
    D uint16[[1]] one = {total};
    return reshare(one)[0];
}

template <domain D : shared3p>
D xor_uint32 _fromBits32(D bool[[1]] bits) {
    uint32[[1]] weights(32);
    for (uint k = 0; k < 32; ++k) {
        weights[k] = (uint32) 1 << (uint32) k;
    }
    D uint32[[1]] values = (uint32) bits;
    D uint32 total = sum(values * weights);
    D uint32[[1]] one = {total};
    return reshare(one)[0];
}

/** CRC-16/CCITT-FALSE of the bytes (polynomial 0x1021, initial 0xFFFF). */
template <domain D : shared3p>
D xor_uint16 CRC16(D xor_uint8[[1]] data) {
    uint16 poly = 0x1021;
    // register bits, bit k at index k; initial value all ones
    D bool[[1]] reg(16) = true;
    D bool[[1]] bits = _bytesToBits(data);
    for (uint i = 0; i < size(data); ++i) {
        // most significant bit of each byte first
        for (uint b = 0; b < 8; ++b) {
            D bool feedback = reg[15] ^ bits[i * 8 + 7 - b];
            D bool[[1]] next(16);
            next[1:16] = reg[0:15];
            for (uint k = 0; k < 16; ++k) {
                if (((poly >> (uint16) k) & 1) == 1) {
                    next[k] = next[k] ^ feedback;
                }
            }
            reg = next;
        }
    }
    return _fromBits16(reg);
}

/** CRC-32 (IEEE 802.3) of the bytes. */
template <domain D : shared3p>
D xor_uint32 CRC32(D xor_uint8[[1]] data) {
    uint32 poly = 0xEDB88320;
    D bool[[1]] reg(32) = true;
    D bool[[1]] bits = _bytesToBits(data);
    for (uint i = 0; i < size(bits); ++i) {
        // reflected: least significant bit of each byte first
        D bool feedback = reg[0] ^ bits[i];
        D bool[[1]] next(32);
        next[0:31] = reg[1:32];
        for (uint k = 0; k < 32; ++k) {
            if (((poly >> (uint32) k) & 1) == 1) {
                next[k] = next[k] ^ feedback;
            }
        }
        reg = next;
    }
    return _fromBits32(!reg);
}
