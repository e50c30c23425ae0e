/**
 * The VM's integer arithmetic for the passes that compute on constants (folding,
 * trip counts): widths of the integer types and wrapping to them.
 */
import { isSignedType, type DataTypeName } from "../../../vm/isa.js";

const WIDTH: Partial<Record<DataTypeName, number>> = { int8: 8, int16: 16, int32: 32, int64: 64, uint8: 8, uint16: 16, uint32: 32, uint64: 64 };

/** Bit width of an integer type, undefined for the other types. */
export function intWidth(t: DataTypeName): number | undefined {
  return WIDTH[t];
}

/** `v` wrapped to the integer type `t` (which must be an integer type). */
export function wrapInt(t: DataTypeName, v: bigint): bigint {
  const w = WIDTH[t]!;
  return isSignedType(t) ? BigInt.asIntN(w, v) : BigInt.asUintN(w, v);
}
