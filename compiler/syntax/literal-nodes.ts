/**
 * Literal AST nodes from token text: the number and string literal nodes and the
 * diagnostic a number literal deserves (bad digits or suffix, out of range, a float
 * that overflows). Shared by the chevrotain parser (parser-base.ts) and the fast
 * parse path (fast-parser.ts), so both build identical nodes.
 */
import type * as A from "./ast.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { Syntax } from "../diagnostics/messages/syntax.js";
import type { SourceFile } from "../source/source-file.js";
import { floatOverflows, maxLiteral, parseStringText, suffixMax, suffixMin, suffixTypeName, type NumberParse } from "./literals.js";

/** The node for number literal `raw` at [start, end), and its diagnostic if any (the node is then an ErrorExpr or still the literal). */
export function numberLiteralNode(
  file: SourceFile,
  raw: string,
  start: number,
  end: number,
  parsed: NumberParse,
): { node: A.Expr; diagnostic: Diagnostic | undefined } {
  const span = { file, start, end };
  if (!parsed.ok) {
    if (parsed.problem === "digits") return { node: { kind: "ErrorExpr", start, end }, diagnostic: Syntax.invalidIntegerLiteral.at(span, raw, parsed.reason) };
    const help =
      parsed.suffix === "u" || parsed.suffix === "l" || parsed.suffix === "U" || parsed.suffix === "L"
        ? [`SecreC has no '${parsed.suffix}' suffix: write a width such as '${raw.slice(0, -parsed.suffix.length)}u64', or annotate with '::'`]
        : ["integer suffixes are u8 u16 u32 u64 i8 i16 i32 i64; decimal and float literals may take f32 or f64"];
    return { node: { kind: "ErrorExpr", start, end }, diagnostic: Syntax.invalidLiteralSuffix.with(span, { help }, raw, parsed.suffix) };
  }
  if (parsed.kind === "float") {
    const node: A.Expr = { kind: "FloatLiteral", raw, value: parsed.value, suffix: parsed.suffix, start, end };
    const diagnostic = floatOverflows(parsed.value, parsed.suffix)
      ? Syntax.floatTooLarge.at(span, raw, parsed.suffix === "f32" ? "float32" : "float64")
      : undefined;
    return { node, diagnostic };
  }
  const node: A.Expr = { kind: "IntLiteral", raw, value: parsed.value, suffix: parsed.suffix, start, end };
  if (parsed.value > maxLiteral) return { node, diagnostic: Syntax.literalTooLarge.at(span, raw) };
  if (parsed.suffix !== undefined && parsed.value > suffixMax(parsed.suffix)) {
    const max = suffixMax(parsed.suffix);
    const type = suffixTypeName(parsed.suffix);
    const help = parsed.suffix.startsWith("i") && parsed.value === max + 1n
      ? [`a literal is never negative: '-${raw}' applies '-' to '${raw}'; write '-${raw.slice(0, -parsed.suffix.length)} :: ${type}' for the minimum`]
      : [];
    return { node, diagnostic: Syntax.literalOutOfRange.with(span, { help }, raw, type, String(suffixMin(parsed.suffix)), String(max)) };
  }
  return { node, diagnostic: undefined };
}

/** The node for string literal token text `raw` starting at `start`. */
export function stringLiteralNode(raw: string, start: number, end: number): A.StringLiteral {
  return { kind: "StringLiteral", raw, parts: parseStringText(raw, start).parts, start, end };
}
