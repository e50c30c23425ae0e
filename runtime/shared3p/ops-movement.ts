/**
 * The shared3p handlers for data movement: shuffles (with and without key, inverse), matrix shuffles, randomize, gather/scatter, matrix products.
 */
import type { Handler } from "./handler.js";

export const MOVEMENT_HANDLERS: Record<string, Handler> = {};
