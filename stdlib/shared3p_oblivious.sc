/*
 * shared3p_oblivious: oblivious selection, lookup and update for shared3p data,
 * including its floating-point types. It brings together `oblivious` (the
 * domain-generic lookups and updates by private index) and `shared3p` (whose
 * choose definitions use the `choose_T_vec` protocol for bool, xor and float
 * types and the arithmetic form for integers), so that importing this one
 * module gives every procedure of both for shared3p values; float32/float64
 * lookups sum the masked values, updates select with the float choose.
 */
module shared3p_oblivious;

import stdlib;
import shared3p;
import oblivious;

/** vec[index] for float32 vectors with a private index. */
template <domain D : shared3p>
D float32 vectorLookup(D float32[[1]] vec, D uint index) {
    D bool[[1]] mask = vectorLookupBitmask(size(vec), index);
    D float32[[1]] zeros(size(vec));
    return sum(choose(mask, vec, zeros));
}

/** vec[index] for float64 vectors with a private index. */
template <domain D : shared3p>
D float64 vectorLookup(D float64[[1]] vec, D uint index) {
    D bool[[1]] mask = vectorLookupBitmask(size(vec), index);
    D float64[[1]] zeros(size(vec));
    return sum(choose(mask, vec, zeros));
}
