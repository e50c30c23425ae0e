/**
 * The VM Host of a computing party: arguments are the records the client sent this
 * party (its shares of private arguments, public arguments in the clear); published
 * results and `print` lines go to the client through callbacks (only party 0 forwards
 * print lines, so output appears once).
 */
import type { DataRecord, Host, ProfileSection } from "../../vm/host.js";

export interface HostSink {
  publish(r: DataRecord): void;
  print(line: string): void;
}

export class PartyHost implements Host {
  /** The sections the program profiled (stdlib `profiling`), for the party's statistics. */
  readonly sections: ProfileSection[] = [];
  private readonly args = new Map<string, DataRecord>();

  constructor(
    args: readonly DataRecord[],
    private readonly sink: HostSink,
    private readonly auth = "",
  ) {
    for (const a of args) if (!this.args.has(a.name)) this.args.set(a.name, a);
  }

  argument(name: string): DataRecord | undefined {
    return this.args.get(name);
  }

  publish(result: DataRecord): void {
    this.sink.publish(result);
  }

  print(line: string): void {
    this.sink.print(line);
  }

  clientAuth(): string {
    return this.auth;
  }

  profile(section: ProfileSection): void {
    this.sections.push(section);
  }

  microseconds(): bigint {
    return process.hrtime.bigint() / 1000n;
  }
}
