/*
 * shared3p_join: an equi-join of two private tables on one key column each.
 *
 * tableJoinAes128(left, leftKeyColumn, right, rightKeyColumn) returns one row per
 * pair of rows (l, r) with l[leftKeyColumn] == r[rightKeyColumn]: the columns of
 * l followed by the columns of r. How it works: both tables are obliviously
 * shuffled by rows; every key value is encrypted with AES-128 under a fresh
 * random private key and the ciphertexts are declassified. Equal keys give equal
 * ciphertexts, so the matching is done in public on the shuffled order, and the
 * result rows are assembled by moving private rows (no further protocols).
 *
 * What the parties learn: the equality pattern of the key values (which shuffled
 * rows of both tables share a key), hence the number of result rows; nothing
 * about the values themselves, and nothing about which original rows matched
 * (the shuffles hide it). The result rows come in the shuffled order.
 */
module shared3p_join;

import stdlib;
import shared3p;
import shared3p_aes;
import shared3p_random;

/** The AES-128 encryption of each value of `keys` (one block per value, zero-padded), declassified. */
template <domain D : shared3p>
uint32[[2]] _joinTags(D xor_uint32[[1]] keys, D xor_uint32[[1]] expandedKey) {
    uint n = size(keys);
    D xor_uint32[[2]] blocks(n, 4);
    blocks[:, 0] = keys;
    D xor_uint32[[1]] cipher = aes128SingleKeyEncryptEcb(expandedKey, reshape(blocks, n * 4));
    return reshape(declassify(cipher), n, 4);
}

template <domain D : shared3p>
D xor_uint32[[2]] tableJoinAes128(D xor_uint32[[2]] left, uint leftKeyColumn, D xor_uint32[[2]] right, uint rightKeyColumn) {
    uint[[1]] ls = shape(left);
    uint[[1]] rs = shape(right);
    assert(leftKeyColumn < ls[1] && rightKeyColumn < rs[1]);
    D xor_uint32[[2]] l = shuffleRows(left);
    D xor_uint32[[2]] r = shuffleRows(right);
    D xor_uint32[[1]] aesKey = aes128Genkey(1 :: uint);
    D xor_uint32[[1]] expandedKey = aes128ExpandKey(aesKey);
    uint32[[2]] ltags = _joinTags(l[:, leftKeyColumn], expandedKey);
    uint32[[2]] rtags = _joinTags(r[:, rightKeyColumn], expandedKey);
    uint[[1]] lrow(ls[0] * rs[0]);
    uint[[1]] rrow(ls[0] * rs[0]);
    uint matches = 0;
    for (uint i = 0; i < ls[0]; ++i) {
        for (uint j = 0; j < rs[0]; ++j) {
            if (all(ltags[i, :] == rtags[j, :])) {
                lrow[matches] = i;
                rrow[matches] = j;
                ++matches;
            }
        }
    }
    D xor_uint32[[2]] result(matches, ls[1] + rs[1]);
    for (uint k = 0; k < matches; ++k) {
        result[k, 0:ls[1]] = l[lrow[k], :];
        result[k, ls[1]:] = r[rrow[k], :];
    }
    return result;
}
