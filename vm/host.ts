/**
 * The VM's interface to the outside world: where `argument` data comes from, where
 * `publish` results and `print` lines go, the client's authentication string and a
 * clock, and an optional sink for closed profiling sections (the
 * `ProcessProfiler_*` syscalls, vm/builtin-syscalls.ts). Records are those of the record stream (runtime/io/record-stream.ts): name,
 * protection-domain name ("" for public), type name, data bytes (for private values
 * the party's share bytes). MemoryHost keeps everything in arrays (tests, emulator).
 */

/** One closed profiling section. */
export interface ProfileSection {
  /** The section type's name (`ProcessProfiler_newSectionType`). */
  readonly name: string;
  readonly typeId: number;
  readonly sectionId: number;
  /** The element count given to `ProcessProfiler_startSection`. */
  readonly elements: bigint;
  /** Elapsed microseconds between start and end (host clock). */
  readonly microseconds: bigint;
  /** How many sections were open around it when it started (0 = outermost). */
  readonly depth: number;
}

export interface DataRecord {
  readonly name: string;
  /** Protection-domain name, "" for public. */
  readonly domain: string;
  readonly type: string;
  readonly data: Uint8Array;
}

export interface Host {
  /** The data bytes of the argument `name`, or undefined when it was not given. */
  argument(name: string): DataRecord | undefined;
  /** Receives a published result. */
  publish(result: DataRecord): void;
  /** Receives one `print` line. */
  print(line: string): void;
  /** The client's authentication string (`clientAuth()`). */
  clientAuth(): string;
  /** Microseconds on a monotonic clock (`Process_logMicroseconds`). */
  microseconds(): bigint;
  /** Receives each profiling section when it ends; absent = sections are dropped. */
  profile?(section: ProfileSection): void;
  /** `ProcessProfiler_flushLog`: the sections so far should be written out. */
  flushProfile?(): void;
}

/** A Host holding arguments, results and output lines in memory. */
export class MemoryHost implements Host {
  readonly results: DataRecord[] = [];
  readonly output: string[] = [];
  /** Closed profiling sections in the order they ended. */
  readonly sections: ProfileSection[] = [];
  /** How many sections had ended at each `ProcessProfiler_flushLog`. */
  readonly flushes: number[] = [];
  private readonly args = new Map<string, DataRecord>();

  constructor(
    args: readonly DataRecord[] = [],
    private readonly auth = "",
  ) {
    for (const a of args) if (!this.args.has(a.name)) this.args.set(a.name, a);
  }

  argument(name: string): DataRecord | undefined {
    return this.args.get(name);
  }

  publish(result: DataRecord): void {
    this.results.push({ ...result, data: result.data.slice() });
  }

  print(line: string): void {
    this.output.push(line);
  }

  clientAuth(): string {
    return this.auth;
  }

  microseconds(): bigint {
    return process.hrtime.bigint() / 1000n;
  }

  profile(section: ProfileSection): void {
    this.sections.push(section);
  }

  flushProfile(): void {
    this.flushes.push(this.sections.length);
  }
}
