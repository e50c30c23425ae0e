/**
 * `tostring` and `print` formats of the reference VM: bool as true/false, integers in
 * decimal, float32 with 7 and float64 with 16 significant digits in the C `%g`
 * style (shortest of fixed and exponent notation, trailing zeros removed, exponent
 * with sign and at least two digits, `inf`, `-inf`, `nan`, `-0`). Rounding to the
 * significant digits is to nearest with ties to even on the exact binary value, as
 * glibc's printf does.
 */
import type { DataTypeName } from "./isa.js";
import type { PublicScalar } from "./values.js";

/** Formats a public scalar of `type` as `tostring` does. */
export function formatScalar(type: DataTypeName, v: PublicScalar): string {
  switch (type) {
    case "bool":
      return v ? "true" : "false";
    case "float32":
      return formatG(v as number, 7);
    case "float64":
      return formatG(v as number, 16);
    case "string":
      return v as string;
    default:
      return String(v);
  }
}

/** C `%.{precision}g` of a double. */
export function formatG(v: number, precision: number): string {
  if (Number.isNaN(v)) return "nan";
  if (v === Infinity) return "inf";
  if (v === -Infinity) return "-inf";
  if (v === 0) return Object.is(v, -0) ? "-0" : "0";
  const sign = v < 0 ? "-" : "";
  const { digits, exponent } = roundDigits(Math.abs(v), precision);
  let body: string;
  if (exponent < -4 || exponent >= precision) {
    const mantissa = stripZeros(digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits);
    const e = Math.abs(exponent);
    body = `${mantissa}e${exponent < 0 ? "-" : "+"}${e < 10 ? "0" : ""}${e}`;
  } else if (exponent >= 0) {
    const intPart = digits.slice(0, exponent + 1);
    body = stripZeros(`${intPart}.${digits.slice(exponent + 1)}`);
  } else {
    body = stripZeros(`0.${"0".repeat(-exponent - 1)}${digits}`);
  }
  return sign + body;
}

function stripZeros(s: string): string {
  if (!s.includes(".")) return s;
  return s.replace(/0+$/, "").replace(/\.$/, "");
}

/**
 * The `precision` significant digits of a positive finite v and the decimal
 * exponent of the first one, rounded to nearest with ties to even.
 */
function roundDigits(v: number, precision: number): { digits: string; exponent: number } {
  // toPrecision(100) is exact for the first 100 digits (the spec rounds the exact value).
  const exact = v.toPrecision(100);
  const [mant, expPart] = exact.split("e") as [string, string | undefined];
  const all = mant.replace(".", "");
  let exponent = expPart === undefined ? mant.indexOf(".") - 1 : Number(expPart);
  if (expPart === undefined && mant.indexOf(".") < 0) exponent = mant.length - 1;
  const lead = all.search(/[1-9]/);
  const sig = all.slice(lead);
  exponent -= lead;
  const kept = sig.slice(0, precision).padEnd(precision, "0");
  const rest = sig.slice(precision);
  let roundUp = false;
  if (rest.length > 0 && rest[0]! > "5") roundUp = true;
  else if (rest[0] === "5") {
    const tail = /[1-9]/.test(rest.slice(1));
    roundUp = tail || Number(kept[kept.length - 1]) % 2 === 1;
  }
  if (!roundUp) return { digits: kept, exponent };
  const bumped = (BigInt(kept) + 1n).toString();
  if (bumped.length > precision) return { digits: bumped.slice(0, precision), exponent: exponent + 1 };
  return { digits: bumped.padStart(precision, "0"), exponent };
}
