/**
 * The shared3p handlers for every operation on private float32/float64 values (and conversions to or from them).
 */
import type { Handler } from "./handler.js";

export const FLOAT_HANDLERS: Record<string, Handler> = {};
