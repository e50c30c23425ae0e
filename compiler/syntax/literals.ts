/**
 * Literal text → values (secrec-reference.md §1), independent of the parser so the
 * language server and tests can use it directly.
 *
 * - Integers: decimal (`0` or `[1-9][0-9]*`), `0b`, `0o`, `0x`, with an optional
 *   width suffix `u8 u16 u32 u64 i8 i16 i32 i64`; decimals may instead take `f32`/`f64`
 *   (making them float literals). Values are exact bigints, never truncated.
 * - Floats: `1.5`, `1.`, `1.5e-3`, `2e10`, optional `f32`/`f64`.
 * - Strings: escapes `\n \t \r`, `\X` for any other X (X itself), and `$name`
 *   interpolation; a backslash ends a name (`"add_$T\_vec"` reads `T`, then `_`).
 *
 * Each parse returns a value or a problem description; the caller turns problems
 * into diagnostics (catalogue in diagnostics/messages/syntax.ts).
 */
import type { FloatSuffix, IntSuffix, StringPart } from "./ast.js";

export type NumberParse =
  | { readonly ok: true; readonly kind: "int"; readonly value: bigint; readonly suffix: IntSuffix | undefined }
  | { readonly ok: true; readonly kind: "float"; readonly value: number; readonly suffix: FloatSuffix | undefined }
  | { readonly ok: false; readonly problem: "digits"; readonly reason: string }
  | { readonly ok: false; readonly problem: "suffix"; readonly suffix: string };

const intSuffixes: ReadonlySet<string> = new Set(["u8", "u16", "u32", "u64", "i8", "i16", "i32", "i64"]);

/** Largest value an integer literal may have (it must fit in 64 bits). */
export const maxLiteral = (1n << 64n) - 1n;

/** The type name a suffix denotes, e.g. `u8` → `uint8`. */
export function suffixTypeName(suffix: IntSuffix | FloatSuffix): string {
  switch (suffix) {
    case "u8": return "uint8";
    case "u16": return "uint16";
    case "u32": return "uint32";
    case "u64": return "uint64";
    case "i8": return "int8";
    case "i16": return "int16";
    case "i32": return "int32";
    case "i64": return "int64";
    case "f32": return "float32";
    case "f64": return "float64";
    default: {
      const never: never = suffix;
      return never;
    }
  }
}

/**
 * The largest value a literal with this suffix may have. A literal is never negative
 * (`-128i8` is minus applied to `128i8`, an error), so the lower bound is 0.
 */
/** The smallest value of a suffix's type (0 for unsigned widths, -2^(n-1) for signed). */
export function suffixMin(suffix: IntSuffix): bigint {
  const bits = BigInt(suffix.slice(1));
  return suffix.startsWith("u") ? 0n : -(1n << (bits - 1n));
}

export function suffixMax(suffix: IntSuffix): bigint {
  const bits = BigInt(suffix.slice(1));
  return suffix.startsWith("u") ? (1n << bits) - 1n : (1n << (bits - 1n)) - 1n;
}

function isDigitIn(c: string, base: number): boolean {
  const v = parseInt(c, 36);
  return !Number.isNaN(v) && v < base && c !== "_";
}

const baseNames: Record<number, string> = { 2: "a binary", 8: "an octal", 10: "a decimal", 16: "a hexadecimal" };

/** The common case: an unsuffixed decimal without leading zeros. */
const plainDecimal = /^(?:0|[1-9][0-9]*)$/;

/** Parses the text of an IntLiteral token (digits in some base, then a suffix). */
export function parseIntegerText(raw: string): NumberParse {
  if (plainDecimal.test(raw)) return { ok: true, kind: "int", value: BigInt(raw), suffix: undefined };
  let base = 10;
  let i = 0;
  if (raw.length >= 2 && raw[0] === "0" && (raw[1] === "b" || raw[1] === "o" || raw[1] === "x")) {
    base = raw[1] === "b" ? 2 : raw[1] === "o" ? 8 : 16;
    i = 2;
  }
  const digitsStart = i;
  while (i < raw.length && isDigitIn(raw[i] as string, base)) i++;
  const digits = raw.slice(digitsStart, i);
  const rest = raw.slice(i);
  if (digits === "") return { ok: false, problem: "digits", reason: `no digits after '${raw.slice(0, 2)}'` };
  if (rest !== "" && /^[0-9]/.test(rest)) {
    return { ok: false, problem: "digits", reason: `'${rest[0]}' is not ${baseNames[base]} digit` };
  }
  if (base === 10 && digits.length > 1 && digits[0] === "0") {
    return { ok: false, problem: "digits", reason: "decimal literals cannot have leading zeros (use '0o' for octal)" };
  }
  const value = BigInt(base === 10 ? digits : `0${raw[1]}${digits}`);
  if (rest === "") return { ok: true, kind: "int", value, suffix: undefined };
  if (intSuffixes.has(rest)) return { ok: true, kind: "int", value, suffix: rest as IntSuffix };
  if (base === 10 && (rest === "f32" || rest === "f64")) {
    return { ok: true, kind: "float", value: Number(digits), suffix: rest };
  }
  return { ok: false, problem: "suffix", suffix: rest };
}

/** Parses the text of a FloatLiteral token: mantissa/exponent, then an optional f32/f64. */
export function parseFloatText(raw: string): NumberParse {
  const m = /^([0-9]+(?:\.[0-9]*)?(?:[eE][+-]?[0-9]+)?)(.*)$/.exec(raw);
  const number = m?.[1] ?? "";
  const rest = m?.[2] ?? raw;
  if (rest !== "" && rest !== "f32" && rest !== "f64") return { ok: false, problem: "suffix", suffix: rest };
  return { ok: true, kind: "float", value: Number(number), suffix: rest === "" ? undefined : rest };
}

/** Whether a float value is too large for its type (an unsuffixed literal is float64). */
export function floatOverflows(value: number, suffix: FloatSuffix | undefined): boolean {
  if (!Number.isFinite(value)) return true;
  return suffix === "f32" && Math.fround(value) === Infinity;
}

export interface StringParse {
  readonly parts: StringPart[];
  /** False when the closing quote is missing. */
  readonly terminated: boolean;
}

function isNameStart(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
}

function isNameChar(c: number): boolean {
  return isNameStart(c) || (c >= 48 && c <= 57);
}

function unescape(c: string): string {
  switch (c) {
    case "n": return "\n";
    case "t": return "\t";
    case "r": return "\r";
    default: return c;
  }
}

/**
 * Splits a string literal's source text (with its quotes) into text and `$name`
 * parts; `start` is the literal's offset in the file, for part ranges.
 */
export function parseStringText(raw: string, start: number): StringParse {
  const terminated = raw.length >= 2 && raw.endsWith('"') && !endsWithEscape(raw);
  const end = terminated ? raw.length - 1 : raw.length;
  const parts: StringPart[] = [];
  let text = "";
  let textStart = 1;
  const flush = (at: number): void => {
    if (at > textStart) parts.push({ kind: "Text", text, start: start + textStart, end: start + at });
    text = "";
  };
  // plain characters are copied a run at a time (`run` is where the current run starts)
  let i = 1;
  let run = 1;
  while (i < end) {
    const c = raw.charCodeAt(i);
    if (c === 92 && i + 1 < end) {
      // a backslash escape
      text += raw.slice(run, i) + unescape(raw[i + 1] as string);
      i += 2;
      run = i;
    } else if (c === 36 && i + 1 < end && isNameStart(raw.charCodeAt(i + 1))) {
      // `$name`
      text += raw.slice(run, i);
      flush(i);
      let j = i + 1;
      while (j < end && isNameChar(raw.charCodeAt(j))) j++;
      parts.push({ kind: "Interpolation", name: { kind: "Identifier", name: raw.slice(i + 1, j), start: start + i + 1, end: start + j } });
      i = j;
      textStart = j;
      run = j;
    } else {
      i++;
    }
  }
  text += raw.slice(run, end);
  flush(end);
  return { parts, terminated };
}

/** Whether the final quote of `raw` is escaped (`"abc\"`), i.e. an odd run of backslashes precedes it. */
function endsWithEscape(raw: string): boolean {
  let n = 0;
  for (let i = raw.length - 2; i >= 1 && raw[i] === "\\"; i--) n++;
  return n % 2 === 1;
}
