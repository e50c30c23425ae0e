/**
 * The shared3p handlers for integer operations beyond the core: division and modulo, shifts, sign and abs, fixed-point multiplication.
 */
import type { Handler } from "./handler.js";

export const INTEGER_HANDLERS: Record<string, Handler> = {};
