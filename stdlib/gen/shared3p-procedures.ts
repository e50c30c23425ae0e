/**
 * The procedures part of stdlib/shared3p.sc (generated; see shared3p.ts): reductions
 * (sum, prefix sums, product, any/all/truePrefixLength, min/max whole, chunked and
 * pairwise), signs and absolute values, floating/fixed-point maths, bit extraction,
 * resharing and oblivious choice. Each family is written once here and stamped out
 * per data type, so every type gets the same, checked shape of definition.
 *
 * Conventions: element-wise procedures take arrays of any dimension (`dim N`):
 * they flatten, run one vector syscall and reshape like the input with stdlib's
 * `_reshapeLike`; reductions take vectors; "chunked" forms `(vec, uint k)` reduce
 * k equal consecutive parts (the emulator's reduction syscalls take the number of
 * parts from the output length). Signed min/max are computed on the order-preserving
 * unsigned image x + 2^(n-1), since vecmin/vecmax/min/max exist only for unsigned,
 * xor and float types.
 */

export const UINTS = ["uint8", "uint16", "uint32", "uint64"];
export const INTS = ["int8", "int16", "int32", "int64"];
export const XORS = ["xor_uint8", "xor_uint16", "xor_uint32", "xor_uint64"];
export const FLOATS = ["float32", "float64"];
export const FIXES = ["fix32", "fix64"];
export const NUMERIC = [...UINTS, ...INTS, ...FLOATS];

const unsignedOf = (t: string): string => t.replace("int", "uint");
const bitsOf = (t: string): number => Number(/\d+$/.exec(t)![0]);

/** An element-wise procedure over arrays of any dimension, one vector syscall. */
function elementwise(name: string, syscall: string, t: string, r: string = t): string {
  return `template <domain D : shared3p, dim N>
D ${r}[[N]] ${name}(D ${t}[[N]] x) {
    D ${t}[[1]] flat = flatten(x);
    D ${r}[[1]] result(size(flat));
    __syscall("shared3p::${syscall}_${t}_vec", __domainid(D), flat, result);
    return _reshapeLike(result, x);
}
`;
}

/** A reduction of a vector to one value and to k chunk values, by one syscall. */
function reduction(name: string, syscall: string, t: string, r: string = t, sysType: string = t): string {
  return `template <domain D : shared3p>
D ${r} ${name}(D ${t}[[1]] vec) {
    D ${r} result;
    __syscall("shared3p::${syscall}_${sysType}_vec", __domainid(D), vec, result);
    return result;
}

template <domain D : shared3p>
D ${r}[[1]] ${name}(D ${t}[[1]] vec, uint k) {
    assert(k > 0 && size(vec) % k == 0);
    D ${r}[[1]] result(k);
    __syscall("shared3p::${syscall}_${sysType}_vec", __domainid(D), vec, result);
    return result;
}
`;
}

function sums(): string[] {
  const out: string[] = ["// ---------------------------------------------------------------------------\n// Sums and products\n"];
  out.push(`/** The number of true elements (and the counts in k equal parts). */\n` + reduction("sum", "sum", "bool", "uint64"));
  for (const t of NUMERIC) out.push(reduction("sum", "sum", t));
  // fixed-point sums are ring sums of the underlying integers
  for (const f of FIXES) out.push(reduction("sum", "sum", f, f, f === "fix32" ? "uint32" : "uint64"));
  for (const t of [...UINTS, ...INTS]) {
    out.push(`/** [x0, x0 + x1, ..., x0 + ... + xn-1] */
template <domain D : shared3p>
D ${t}[[1]] prefixSum(D ${t}[[1]] vec) {
    D ${t}[[1]] result(size(vec));
    __syscall("shared3p::prefix_sum_${t}_vec", __domainid(D), vec, result);
    return result;
}

/** The inverse of prefixSum: [x0, x1 - x0, ..., xn-1 - xn-2]. */
template <domain D : shared3p>
D ${t}[[1]] invPrefixSum(D ${t}[[1]] vec) {
    D ${t}[[1]] result(size(vec));
    __syscall("shared3p::inv_prefix_sum_${t}_vec", __domainid(D), vec, result);
    return result;
}
`);
    out.push(reduction("product", "product", t));
  }
  return out;
}

function booleans(): string[] {
  return [
    `// ---------------------------------------------------------------------------
// Boolean reductions (counting the true elements: one sum, no round per element)

template <domain D : shared3p>
D bool any(D bool b) {
    return b;
}

template <domain D : shared3p>
D bool any(D bool[[1]] vec) {
    return sum(vec) != 0;
}

/** Whether each of k equal parts of vec has a true element. */
template <domain D : shared3p>
D bool[[1]] any(D bool[[1]] vec, uint k) {
    return sum(vec, k) != 0;
}

template <domain D : shared3p, dim N>
D bool any(D bool[[N]] arr) {
    return any(flatten(arr));
}

template <domain D : shared3p>
D bool all(D bool b) {
    return b;
}

template <domain D : shared3p>
D bool all(D bool[[1]] vec) {
    return sum(vec) == size(vec);
}

template <domain D : shared3p>
D bool[[1]] all(D bool[[1]] vec, uint k) {
    assert(k > 0 && size(vec) % k == 0);
    return sum(vec, k) == size(vec) / k;
}

template <domain D : shared3p, dim N>
D bool all(D bool[[N]] arr) {
    return all(flatten(arr));
}

/**
 * The number of leading true elements: position i belongs to the prefix exactly
 * when no false element occurs at or before i, i.e. when the running count of
 * false elements is still 0.
 */
template <domain D : shared3p>
D uint truePrefixLength(D bool[[1]] vec) {
    D uint64[[1]] falses = prefixSum((uint64) !vec);
    return sum(falses == 0);
}
`,
  ];
}

function minMax(): string[] {
  const out: string[] = ["// ---------------------------------------------------------------------------\n// Minima and maxima\n"];
  out.push(`/*
 * uint64 minima/maxima of k equal parts by a tournament of element-wise min/max
 * (one round per halving): the emulator's vecmin/vecmax compare 64-bit values
 * as doubles, which loses the low bits, so 64-bit reductions avoid them.
 */
template <domain D : shared3p>
D uint64[[1]] _tournament(D uint64[[1]] vec, uint k, bool isMax) {
    assert(k > 0 && size(vec) % k == 0);
    uint len = size(vec) / k;
    assert(len > 0);
    D uint64[[2]] parts = reshape(vec, k, len);
    while (len > 1) {
        uint half = len / 2;
        D uint64[[1]] a = flatten(parts[:, 0:half]);
        D uint64[[1]] b = flatten(parts[:, half:2 * half]);
        D uint64[[1]] m(size(a));
        if (isMax) {
            __syscall("shared3p::max_uint64_vec", __domainid(D), a, b, m);
        } else {
            __syscall("shared3p::min_uint64_vec", __domainid(D), a, b, m);
        }
        D uint64[[2]] next = reshape(m, k, half);
        if (len % 2 == 1) {
            next = cat(next, parts[:, len - 1:len], 1);
        }
        parts = next;
        len = shape(parts)[1];
    }
    return flatten(parts);
}

template <domain D : shared3p>
D uint64 min(D uint64[[1]] vec) {
    return _tournament(vec, 1 :: uint, false)[0];
}

template <domain D : shared3p>
D uint64[[1]] min(D uint64[[1]] vec, uint k) {
    return _tournament(vec, k, false);
}

template <domain D : shared3p>
D uint64 max(D uint64[[1]] vec) {
    return _tournament(vec, 1 :: uint, true)[0];
}

template <domain D : shared3p>
D uint64[[1]] max(D uint64[[1]] vec, uint k) {
    return _tournament(vec, k, true);
}
`);
  for (const t of [...UINTS, ...XORS, ...FLOATS]) {
    for (const [name, vec] of [["min", "vecmin"], ["max", "vecmax"]] as const) {
      out.push(`${t === "uint64" ? "" : reduction(name, vec, t)}
template <domain D : shared3p>
D ${t}[[1]] ${name}(D ${t}[[1]] a, D ${t}[[1]] b) {
    assert(size(a) == size(b));
    D ${t}[[1]] result(size(a));
    __syscall("shared3p::${name}_${t}_vec", __domainid(D), a, b, result);
    return result;
}

template <domain D : shared3p>
D ${t} ${name}(D ${t} a, D ${t} b) {
    D ${t}[[1]] va = {a};
    D ${t}[[1]] vb = {b};
    return ${name}(va, vb)[0];
}

template <domain D : shared3p, dim N>
D ${t} ${name}(D ${t}[[N]] arr) {
    return ${name}(flatten(arr));
}
`);
    }
  }
  for (const t of INTS) {
    const u = unsignedOf(t);
    const offset = (1n << BigInt(bitsOf(t) - 1)).toString();
    out.push(`/* ${t}: order-preserving map to ${u} by adding 2^${bitsOf(t) - 1} (mod 2^${bitsOf(t)}). */
template <domain D : shared3p>
D ${u}[[1]] _toOrdered(D ${t}[[1]] x) {
    D ${u}[[1]] y = (${u}) x;
    return y + ${offset};
}

template <domain D : shared3p>
D ${t}[[1]] _fromOrdered(D ${u}[[1]] y) {
    D ${u}[[1]] z = y - ${offset};
    return (${t}) z;
}
`);
    for (const name of ["min", "max"]) {
      out.push(`template <domain D : shared3p>
D ${t} ${name}(D ${t}[[1]] vec) {
    D ${u}[[1]] m = {${name}(_toOrdered(vec))};
    return _fromOrdered(m)[0];
}

template <domain D : shared3p>
D ${t}[[1]] ${name}(D ${t}[[1]] vec, uint k) {
    return _fromOrdered(${name}(_toOrdered(vec), k));
}

template <domain D : shared3p>
D ${t}[[1]] ${name}(D ${t}[[1]] a, D ${t}[[1]] b) {
    return _fromOrdered(${name}(_toOrdered(a), _toOrdered(b)));
}

template <domain D : shared3p>
D ${t} ${name}(D ${t} a, D ${t} b) {
    D ${t}[[1]] va = {a};
    D ${t}[[1]] vb = {b};
    return ${name}(va, vb)[0];
}

template <domain D : shared3p, dim N>
D ${t} ${name}(D ${t}[[N]] arr) {
    return ${name}(flatten(arr));
}
`);
    }
  }
  return out;
}

function signs(): string[] {
  const out: string[] = ["// ---------------------------------------------------------------------------\n// Signs and absolute values\n"];
  for (const t of INTS) {
    out.push(`/** -1, 0 or 1 per element. */\n` + elementwise("sign", "sign", t));
    out.push(`/** Absolute values, as the unsigned type of the same width (|INT_MIN| fits). */\n` + elementwise("abs", "abs", t, unsignedOf(t)));
  }
  for (const f of FLOATS) out.push(elementwise("abs", "abs", f));
  return out;
}

function maths(): string[] {
  const out: string[] = ["// ---------------------------------------------------------------------------\n// Floating and fixed-point maths\n"];
  for (const t of [...FLOATS, ...FIXES]) {
    out.push(`/** 1 / x per element. */\n` + elementwise("inv", "inv", t));
    out.push(elementwise("sqrt", "sqrt", t));
    out.push(elementwise("exp", "exp", t));
    out.push(`/** The natural logarithm. */\n` + elementwise("ln", "ln", t));
  }
  for (const t of FLOATS) {
    out.push(elementwise("sin", "sin", t));
    out.push(elementwise("erf", "erf", t));
    out.push(`/** The largest integer not above x, as ${t}. */\n` + elementwise("floor", "floor", t));
    out.push(elementwise("ceiling", "ceiling", t));
    out.push(`/** Whether |x| is negligibly small (below the type's tolerance). */\n` + elementwise("isNegligible", "isnegligible", t, "bool"));
    out.push(`/** The logarithm of x in base b, element-wise. */
template <domain D : shared3p, dim N>
D ${t}[[N]] log(D ${t}[[N]] x, D ${t}[[N]] b) {
    return ln(x) / ln(b);
}

template <domain D : shared3p, dim N>
D ${t}[[N]] log10(D ${t}[[N]] x) {
    ${t} inverseLn10 = 0.43429448190325182765;
    return ln(x) * inverseLn10;
}

/**
 * ln Gamma(x) for x > 0: shifted by 6 with Gamma(x) = Gamma(x + 6) / (x (x+1) ... (x+5)),
 * then Stirling's series to the z^-7 term (z = x + 6), all element-wise.
 */
template <domain D : shared3p, dim N>
D ${t}[[N]] logGamma(D ${t}[[N]] x) {
    D ${t}[[N]] z = x + 6.0;
    D ${t}[[N]] shift = x * (x + 1.0) * (x + 2.0) * (x + 3.0) * (x + 4.0) * (x + 5.0);
    D ${t}[[N]] r = inv(z);
    D ${t}[[N]] r2 = r * r;
    D ${t}[[N]] series = r * (0.083333333333333333 - r2 * (0.0027777777777777778 - r2 * (0.00079365079365079365 - r2 * 0.00059523809523809524)));
    return (z - 0.5) * ln(z) - z + 0.91893853320467274 + series - ln(shift);
}

/** a to the power b (a > 0), as exp(b ln a). */
template <domain D : shared3p, dim N>
D ${t}[[N]] pow(D ${t}[[N]] a, D ${t}[[N]] b) {
    return exp(ln(a) * b);
}
`);
  }
  return out;
}

function bitsAndChoice(): string[] {
  const out: string[] = ["// ---------------------------------------------------------------------------\n// Bits, resharing and oblivious choice\n"];
  for (const x of XORS) {
    out.push(`/** The bits of each element, least significant first (${bitsOf(x)} per element). */
template <domain D : shared3p, dim N>
D bool[[1]] bit_extract(D ${x}[[N]] x) {
    D ${x}[[1]] flat = flatten(x);
    D bool[[1]] result(size(flat) * ${bitsOf(x)});
    __syscall("shared3p::bit_extract_${x}_vec", __domainid(D), flat, result);
    return result;
}
`);
  }
  for (let i = 0; i < XORS.length; i++) {
    const x = XORS[i]!;
    const u = UINTS[i]!;
    out.push(`/** The same values, XOR-shared (additive -> bitwise sharing). */
template <domain D : shared3p, dim N>
D ${x}[[N]] reshare(D ${u}[[N]] value) {
    D ${x}[[N]] result = (${x}) value;
    return result;
}

/** The same values, additively shared. */
template <domain D : shared3p, dim N>
D ${u}[[N]] reshare(D ${x}[[N]] value) {
    D ${u}[[N]] result = (${u}) value;
    return result;
}
`);
  }
  for (const t of ["bool", ...XORS, ...FLOATS]) {
    out.push(`/** cond[i] ? a[i] : b[i] without revealing cond (arrays of one shape). */
template <domain D : shared3p, dim N>
D ${t}[[N]] choose(D bool[[N]] cond, D ${t}[[N]] a, D ${t}[[N]] b) {
    D ${t}[[1]] fa = flatten(a);
    D ${t}[[1]] result(size(fa));
    __syscall("shared3p::choose_${t}_vec", __domainid(D), flatten(cond), fa, flatten(b), result);
    return _reshapeLike(result, a);
}
`);
  }
  for (const t of [...UINTS, ...INTS]) {
    out.push(`/** cond ? a : b as b + cond * (a - b): exact in the ring. */
template <domain D : shared3p, dim N>
D ${t}[[N]] choose(D bool[[N]] cond, D ${t}[[N]] a, D ${t}[[N]] b) {
    D ${t}[[N]] c = (${t}) cond;
    return b + c * (a - b);
}
`);
  }
  out.push(`/** One private condition for whole arrays: cond ? a : b. */
template <domain D : shared3p, type T, dim N>
D T[[N]] choose(D bool cond, D T[[N]] a, D T[[N]] b) {
    D bool[[1]] conds(size(a)) = cond;
    return choose(_reshapeLike(conds, a), a, b);
}
`);
  return out;
}

/** All procedure families, in order. */
export function procedureSections(): string[] {
  return [...sums(), ...booleans(), ...minMax(), ...signs(), ...maths(), ...bitsAndChoice()];
}
