/**
 * Runs a program in one process under the plain-text emulator backend (every kind;
 * private values in the clear), streaming `print` lines and published results to
 * callbacks as they happen. Runtime errors of the program come back as `error`
 * (a VmError message with `at FILE:(line,col)(line,col)`), never as exceptions.
 */
import type { Module } from "../../vm/bytecode.js";
import type { DataRecord, Host, ProfileSection } from "../../vm/host.js";
import { runModule } from "../../vm/interpreter.js";
import { formatFrame, VmError } from "../../vm/errors.js";
import { PROTOCOL_COSTS } from "../../vm/protocol-costs.js";
import { EmulatorBackend } from "../emulator/backend.js";
import { CIRCUIT_COSTS } from "../../vm/circuit-costs.js";
import { protocolCostLookup } from "../emulator/costs.js";

export interface RunCallbacks {
  onPrint?(line: string): void;
  onResult?(record: DataRecord): void;
  /** Price operations from the protocol cost table (rounds, bytes of a three-party run). */
  priced?: boolean;
}

export interface RunOutcome {
  readonly results: DataRecord[];
  readonly output: string[];
  /** The runtime error message, when the program stopped with one. */
  readonly error?: string;
  /** With `error`: the active procedures and their positions (`PROC at FILE:(l,c)(l,c)`), innermost first. */
  readonly trace?: readonly string[];
  readonly backend: EmulatorBackend;
  /** The sections the program profiled (stdlib `profiling`), in the order they ended. */
  readonly sections: readonly ProfileSection[];
}

class StreamingHost implements Host {
  readonly results: DataRecord[] = [];
  readonly output: string[] = [];
  readonly sections: ProfileSection[] = [];
  private readonly args = new Map<string, DataRecord>();

  constructor(
    args: readonly DataRecord[],
    private readonly callbacks: RunCallbacks,
  ) {
    for (const a of args) if (!this.args.has(a.name)) this.args.set(a.name, a);
  }

  argument(name: string): DataRecord | undefined {
    return this.args.get(name);
  }

  publish(result: DataRecord): void {
    const r = { ...result, data: result.data.slice() };
    this.results.push(r);
    this.callbacks.onResult?.(r);
  }

  print(line: string): void {
    this.output.push(line);
    this.callbacks.onPrint?.(line);
  }

  clientAuth(): string {
    return "";
  }

  profile(section: ProfileSection): void {
    this.sections.push(section);
  }

  microseconds(): bigint {
    return process.hrtime.bigint() / 1000n;
  }
}

/** Runs `module` with the argument records under the emulator. */
export async function runEmulated(module: Module, args: readonly DataRecord[], callbacks: RunCallbacks = {}): Promise<RunOutcome> {
  const host = new StreamingHost(args, callbacks);
  const backend = new EmulatorBackend(callbacks.priced ? { costs: protocolCostLookup(PROTOCOL_COSTS, CIRCUIT_COSTS) } : {});
  try {
    await runModule(module, { host, backends: [backend] });
    return { results: host.results, output: host.output, backend, sections: host.sections };
  } catch (e) {
    if (e instanceof VmError) return { results: host.results, output: host.output, error: e.message, trace: e.callStack.map(formatFrame), backend, sections: host.sections };
    throw e;
  }
}
