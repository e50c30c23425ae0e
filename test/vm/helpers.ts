/**
 * Test helpers: build a module whose main stores values into globals, run it with a
 * MemoryHost (and optional backends), and read the globals back.
 */
import type { SecretBackend } from "../../vm/backend.js";
import { ModuleBuilder, type ProcBuilder } from "../../vm/builder.js";
import { MemoryHost } from "../../vm/host.js";
import { runModule, type Machine } from "../../vm/interpreter.js";
import type { Value } from "../../vm/values.js";

export interface Ran {
  readonly globals: readonly Value[];
  readonly host: MemoryHost;
  readonly machine: Machine;
}

/**
 * Builds main with `body`, which returns registers to publish as globals 0..n-1, and
 * runs it.
 */
export async function runMain(
  body: (p: ProcBuilder, b: ModuleBuilder) => readonly number[],
  options: { backends?: SecretBackend[]; host?: MemoryHost; setup?: (b: ModuleBuilder) => void } = {},
): Promise<Ran> {
  const b = new ModuleBuilder();
  options.setup?.(b);
  const main = b.procedure("main");
  const file = b.file("test.sc");
  main.at(b.span(file, 1, 1, 1, 2));
  const regs = body(main, b);
  const globals = regs.map((_, i) => b.global(`g${i}`));
  regs.forEach((r, i) => main.ins("gset", globals[i]!, r));
  main.ins("ret", null);
  b.setMain(main);
  const host = options.host ?? new MemoryHost();
  const machine = await runModule(b.build(), { host, backends: options.backends ?? [] });
  return { globals: machine.globals, host, machine };
}

/** Runs and returns the error message the program stops with (fails if it does not). */
export async function runError(
  body: (p: ProcBuilder, b: ModuleBuilder) => readonly number[],
  options: { backends?: SecretBackend[]; setup?: (b: ModuleBuilder) => void } = {},
): Promise<string> {
  try {
    await runMain(body, options);
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error("expected a runtime error");
}

/** Wraps a BigInt into an n-bit signed/unsigned range. */
export function wrapBig(v: bigint, bits: number, signed: boolean): bigint {
  return signed ? BigInt.asIntN(bits, v) : BigInt.asUintN(bits, v);
}

export const INT_TYPES = [
  { name: "int8", bits: 8, signed: true },
  { name: "int16", bits: 16, signed: true },
  { name: "int32", bits: 32, signed: true },
  { name: "int64", bits: 64, signed: true },
  { name: "uint8", bits: 8, signed: false },
  { name: "uint16", bits: 16, signed: false },
  { name: "uint32", bits: 32, signed: false },
  { name: "uint64", bits: 64, signed: false },
] as const;

/** The register representation of an integer of `bits` (bigint for 64, else number). */
export function reg(v: bigint, bits: number): number | bigint {
  return bits === 64 ? v : Number(v);
}
