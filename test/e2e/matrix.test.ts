/**
 * Matrix products and the float sort on three real party processes (loopback TCP):
 * integer products through shared3p_matrix (one replicated round each), fix32 and
 * fix64 products (exact), float32/float64 products through the mat_mult syscall
 * (rounded products, pairwise sums) and unsafeSort of floats; results equal the
 * emulator's byte for byte, and a few cells equal hand-computed values.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { argRecords, type Bundles, compileSource, hex, makeBundles, threePartyAgainstEmulator } from "./support.js";

let bundles: Bundles;
beforeAll(async () => {
  bundles = await makeBundles();
}, 60_000);
afterAll(() => bundles?.dispose());

const PROGRAM = `
import stdlib;
import shared3p;
import shared3p_matrix;
import shared3p_sort;
domain pd_shared3p shared3p;

template <domain D : shared3p, type T>
D T[[2]] rawProduct(D T[[2]] a, D T[[2]] b) {
    uint m = shape(a)[0];
    uint n = shape(a)[1];
    uint p = shape(b)[1];
    D T[[2]] r(m, p);
    __syscall("shared3p::mat_mult_$T\\_vec", __domainid(D), a, b, r, m, n, p);
    return r;
}

void main() {
    pd_shared3p int32[[2]] a = reshape({1, -2, 3, 4, 5, -6, 7, 8, 9, 10, -11, 12}, 3, 4);
    pd_shared3p int32[[2]] b = reshape({2, 0, -1, 3, 4, 1, 0, -5}, 4, 2);
    publish("int32", matrixMultiplication(a, b));
    pd_shared3p uint64[[2]] u = reshape({18446744073709551615, 2, 3, 4, 5, 6}, 2, 3);
    pd_shared3p uint64[[2]] v = reshape({7, 8, 9, 10, 11, 12}, 3, 2);
    publish("uint64", matrixMultiplication(u, v));
    pd_shared3p uint8[[2]] row = reshape({200, 100, 50}, 1, 3);
    pd_shared3p uint8[[2]] col = reshape({3, 5, 7}, 3, 1);
    publish("dot8", matrixMultiplication(row, col));
    pd_shared3p xor_uint32[[2]] xa = reshape({0xf0f0f0f0, 0x12345678, 255, 3}, 2, 2);
    pd_shared3p xor_uint32[[2]] xb = reshape({0xff00ff00, 1, 0xffff, 6}, 2, 2);
    publish("xor32", matrixMultiplication(xa, xb));
    pd_shared3p fix32[[1]] fv = argument("f");
    pd_shared3p fix32[[1]] gv = argument("g");
    publish("fix32", matrixMultiplication(reshape(fv, 2, 3), reshape(gv, 3, 2)));
    pd_shared3p fix64[[1]] hv = argument("h");
    pd_shared3p fix64[[2]] h = reshape(hv, 2, 2);
    publish("fix64", matrixMultiplication(h, h));
    pd_shared3p float32[[1]] xv = argument("x");
    pd_shared3p float32[[1]] yv = argument("y");
    publish("float32", rawProduct(reshape(xv, 1, 4), reshape(yv, 4, 1)));
    pd_shared3p float64[[1]] zv = argument("z");
    pd_shared3p float64[[1]] wv = argument("w");
    publish("float64", rawProduct(reshape(zv, 2, 3), reshape(wv, 3, 2)));
    pd_shared3p float64[[1]] s = argument("s");
    publish("sorted", unsafeSort(s));
    publish("sortedDown", unsafeSort(s, false));
}
`;

describe("matrix products and float sorting at three parties over TCP", () => {
  it("agree byte for byte with the emulator; hand-computed cells", async () => {
    const module = compileSource(bundles.dir, "matrix.sc", PROGRAM);
    const records = argRecords(module, [
      "f=1.5,-2,0.25,3,-0.5,100",
      "g=2.5,1,0.25,-1,4,0.125",
      "h=1e9,-3.25,0.5,2",
      "x=1,1,1,1",
      `y=1,${2 ** -24},${2 ** -24},${2 ** -24}`,
      "z=0.1,-2.5,1e300,3,0.2,-7",
      "w=1e10,2,-3,0.5,1e-300,4",
      "s=3.5,-1,1e300,2,-1e-300,7,-8.25",
    ]);
    const { byName } = await threePartyAgainstEmulator(bundles, module, records);
    // row 0 of a times b: (1·2 − 2·(−1) + 3·4 + 4·0, 1·0 − 2·3 + 3·1 + 4·(−5)) = (16, −23)
    expect(byName.get("int32")?.slice(0, 16)).toBe(hex(new Int32Array([16, -23])));
    // (2^64 − 1)·7 + 2·9 + 3·11 = 44 (mod 2^64); 200·3 + 100·5 + 50·7 = 1450 = 170 (mod 256)
    expect(byName.get("uint64")?.slice(0, 16)).toBe(hex(new BigUint64Array([44n])));
    expect(byName.get("dot8")).toBe("aa");
    // AND-XOR: cell (0,0) = (0xf0f0f0f0 & 0xff00ff00) ^ (0x12345678 & 0xffff) = 0xf000f000 ^ 0x5678; cell (1,1) = (255 & 1) ^ (3 & 6) = 1 ^ 2
    expect(byName.get("xor32")).toBe(hex(new Uint32Array([0xf000f000 ^ 0x5678, (0xf0f0f0f0 & 1) ^ (0x12345678 & 6), (255 & 0xff00ff00) ^ (3 & 0xffff), 3])));
    // [1.5, −2, 0.25]·[2.5, 0.25, 4]ᵀ = 3.75 − 0.5 + 1 = 4.25 in fix32 (16 fractional bits)
    expect(byName.get("fix32")?.slice(0, 8)).toBe(hex(new Int32Array([4.25 * 65536])));
    // pairwise: (1 + 2^-24) + (2^-24 + 2^-24) = 1 + 2^-23 (left to right: 1)
    expect(byName.get("float32")).toBe(hex(new Float32Array([1 + 2 ** -23])));
    expect(byName.get("sorted")).toBe(hex(new Float64Array([-8.25, -1, -1e-300, 2, 3.5, 7, 1e300])));
    expect(byName.get("sortedDown")).toBe(hex(new Float64Array([1e300, 7, 3.5, 2, -1e-300, -1, -8.25])));
  }, 120_000);
});
