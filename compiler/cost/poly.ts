/**
 * Polynomials with integer coefficients over named lengths, for costs that depend
 * on sizes unknown at compile time: `8·n + 16` bytes with n the length of an
 * argument. A monomial is its sorted symbol names joined by "·" ("" for the
 * constant). Values are immutable maps; `unknownPoly` marks a figure that could not
 * be bounded (recursion).
 */

export type Poly = ReadonlyMap<string, number>;

export const ZERO: Poly = new Map();

export function constant(c: number): Poly {
  return c === 0 ? ZERO : new Map([["", c]]);
}

export function symbol(name: string): Poly {
  return new Map([[name, 1]]);
}

export function add(a: Poly, b: Poly): Poly {
  if (a.size === 0) return b;
  if (b.size === 0) return a;
  const out = new Map(a);
  for (const [m, c] of b) {
    const v = (out.get(m) ?? 0) + c;
    if (v === 0) out.delete(m);
    else out.set(m, v);
  }
  return out;
}

export function scale(a: Poly, k: number): Poly {
  if (k === 0) return ZERO;
  const out = new Map<string, number>();
  for (const [m, c] of a) out.set(m, c * k);
  return out;
}

function mulMonomial(a: string, b: string): string {
  if (a === "") return b;
  if (b === "") return a;
  return [...a.split("·"), ...b.split("·")].sort().join("·");
}

export function mul(a: Poly, b: Poly): Poly {
  let out: Poly = ZERO;
  for (const [ma, ca] of a) for (const [mb, cb] of b) out = add(out, new Map([[mulMonomial(ma, mb), ca * cb]]));
  return out;
}

/** The constant value, or undefined when the polynomial has symbols. */
export function asConstant(a: Poly): number | undefined {
  if (a.size === 0) return 0;
  if (a.size === 1 && a.has("")) return a.get("");
  return undefined;
}

/** Readable form: highest degree first, constant last, e.g. `8·n·m + 2·n + 16`. */
export function formatPoly(a: Poly): string {
  if (a.size === 0) return "0";
  const terms = [...a].sort(([x], [y]) => (x === "" ? 1 : y === "" ? -1 : y.split("·").length - x.split("·").length || x.localeCompare(y)));
  return terms
    .map(([m, c], i) => {
      const sign = c < 0 ? (i === 0 ? "-" : " - ") : i === 0 ? "" : " + ";
      const abs = tidy(Math.abs(c));
      const body = m === "" ? String(abs) : abs === 1 ? m : `${abs}·${m}`;
      return sign + body;
    })
    .join("");
}

/** JSON form: monomial → coefficient ("" the constant). */
export function polyJson(a: Poly): Record<string, number> {
  return Object.fromEntries([...a].sort(([x], [y]) => x.localeCompare(y)).map(([m, c]) => [m, tidy(c)]));
}

/** A coefficient without binary rounding noise (rational lane factors: 2662/39 × 39 shows as 2662). */
function tidy(c: number): number {
  return Number(c.toPrecision(12));
}
