/**
 * Public surface of the diagnostics phase: the Diagnostic type, the catalogue and
 * the renderers.
 */
export * from "./diagnostic.js";
export * from "./render.js";
export * from "./messages/index.js";
