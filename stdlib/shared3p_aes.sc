/*
 * shared3p_aes: AES-128, AES-192 and AES-256 (FIPS-197) on private xor_uint32
 * vectors, in electronic-codebook mode.
 *
 * Layout: a 32-bit word holds four bytes big-endian (the first byte in the most
 * significant position), as FIPS-197 writes key and column words, so the block
 * 00112233 44556677 8899aabb ccddeeff is the vector {0x00112233, 0x44556677,
 * 0x8899aabb, 0xccddeeff}. A block is 4 consecutive words; a key is 4, 6 or 8
 * words; an expanded key (all round keys, in order) 44, 52 or 60 words.
 *
 * - aesNGenkey(blocks): `blocks` fresh random keys, one after the other.
 * - aesNExpandKey(keys): the expanded form of each key, one after the other.
 * - aesNEncryptEcb(expandedKeys, plainText): block i encrypted under expanded
 *   key i (as many expanded keys as blocks).
 * - aesNSingleKeyEncryptEcb(expandedKey, plainText): every block under the one
 *   expanded key.
 * Sizes that do not fit these shapes stop the program with an assertion.
 */
module shared3p_aes;

import shared3p;
import shared3p_random;

template <domain D : shared3p>
D xor_uint32[[1]] aes128Genkey(uint blocks) {
    D xor_uint32[[1]] key(4 * blocks);
    return randomize(key);
}

template <domain D : shared3p>
D xor_uint32[[1]] aes192Genkey(uint blocks) {
    D xor_uint32[[1]] key(6 * blocks);
    return randomize(key);
}

template <domain D : shared3p>
D xor_uint32[[1]] aes256Genkey(uint blocks) {
    D xor_uint32[[1]] key(8 * blocks);
    return randomize(key);
}

template <domain D : shared3p>
D xor_uint32[[1]] aes128ExpandKey(D xor_uint32[[1]] aeskey) {
    assert(size(aeskey) % 4 == 0);
    D xor_uint32[[1]] expanded(size(aeskey) / 4 * 44);
    __syscall("shared3p::aes128_xor_uint32_vec_expand_key", __domainid(D), aeskey, expanded);
    return expanded;
}

template <domain D : shared3p>
D xor_uint32[[1]] aes192ExpandKey(D xor_uint32[[1]] aeskey) {
    assert(size(aeskey) % 6 == 0);
    D xor_uint32[[1]] expanded(size(aeskey) / 6 * 52);
    __syscall("shared3p::aes192_xor_uint32_vec_expand_key", __domainid(D), aeskey, expanded);
    return expanded;
}

template <domain D : shared3p>
D xor_uint32[[1]] aes256ExpandKey(D xor_uint32[[1]] aeskey) {
    assert(size(aeskey) % 8 == 0);
    D xor_uint32[[1]] expanded(size(aeskey) / 8 * 60);
    __syscall("shared3p::aes256_xor_uint32_vec_expand_key", __domainid(D), aeskey, expanded);
    return expanded;
}

template <domain D : shared3p>
D xor_uint32[[1]] aes128EncryptEcb(D xor_uint32[[1]] expandedKey, D xor_uint32[[1]] plainText) {
    assert(size(plainText) % 4 == 0 && size(expandedKey) == size(plainText) / 4 * 44);
    D xor_uint32[[1]] cipherText(size(plainText));
    __syscall("shared3p::aes128_xor_uint32_vec", __domainid(D), plainText, expandedKey, cipherText);
    return cipherText;
}

template <domain D : shared3p>
D xor_uint32[[1]] aes192EncryptEcb(D xor_uint32[[1]] expandedKey, D xor_uint32[[1]] plainText) {
    assert(size(plainText) % 4 == 0 && size(expandedKey) == size(plainText) / 4 * 52);
    D xor_uint32[[1]] cipherText(size(plainText));
    __syscall("shared3p::aes192_xor_uint32_vec", __domainid(D), plainText, expandedKey, cipherText);
    return cipherText;
}

template <domain D : shared3p>
D xor_uint32[[1]] aes256EncryptEcb(D xor_uint32[[1]] expandedKey, D xor_uint32[[1]] plainText) {
    assert(size(plainText) % 4 == 0 && size(expandedKey) == size(plainText) / 4 * 60);
    D xor_uint32[[1]] cipherText(size(plainText));
    __syscall("shared3p::aes256_xor_uint32_vec", __domainid(D), plainText, expandedKey, cipherText);
    return cipherText;
}

template <domain D : shared3p>
D xor_uint32[[1]] aes128SingleKeyEncryptEcb(D xor_uint32[[1]] expandedKey, D xor_uint32[[1]] plainText) {
    assert(size(plainText) % 4 == 0 && size(expandedKey) == 44);
    D xor_uint32[[1]] cipherText(size(plainText));
    __syscall("shared3p::aes128_single_key_xor_uint32_vec", __domainid(D), plainText, expandedKey, cipherText);
    return cipherText;
}

template <domain D : shared3p>
D xor_uint32[[1]] aes192SingleKeyEncryptEcb(D xor_uint32[[1]] expandedKey, D xor_uint32[[1]] plainText) {
    assert(size(plainText) % 4 == 0 && size(expandedKey) == 52);
    D xor_uint32[[1]] cipherText(size(plainText));
    __syscall("shared3p::aes192_single_key_xor_uint32_vec", __domainid(D), plainText, expandedKey, cipherText);
    return cipherText;
}

template <domain D : shared3p>
D xor_uint32[[1]] aes256SingleKeyEncryptEcb(D xor_uint32[[1]] expandedKey, D xor_uint32[[1]] plainText) {
    assert(size(plainText) % 4 == 0 && size(expandedKey) == 60);
    D xor_uint32[[1]] cipherText(size(plainText));
    __syscall("shared3p::aes256_single_key_xor_uint32_vec", __domainid(D), plainText, expandedKey, cipherText);
    return cipherText;
}
