/**
 * `secc disasm FILE.sb`: prints a compiled program as readable assembly (the
 * declarations, the program interface, every procedure's instructions with their
 * source positions) using the VM's own decoder, verifier and disassembler, so what
 * is printed is exactly what the VM would run. Exit 0; 1 when the file is not
 * valid bytecode (the message says what is wrong and where); 2 when it cannot be
 * read.
 */
import { readFileSync } from "node:fs";
import { moduleHash } from "../../vm/bytecode.js";
import { disasm } from "../../vm/disasm.js";
import { loadModule } from "../../vm/verify.js";
import { ExitCode } from "./report.js";

/** Disassembles `path` to stdout and returns the exit code. */
export function runDisasm(path: string): number {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path);
  } catch (e) {
    const code = (e as { code?: string }).code;
    const why = code === "ENOENT" ? "no such file" : code === "EISDIR" ? "it is a directory" : e instanceof Error ? e.message : String(e);
    process.stderr.write(`error: cannot read '${path}': ${why}\n`);
    return ExitCode.usage;
  }
  try {
    const module = loadModule(bytes);
    process.stdout.write(disasm(module, { hash: moduleHash(bytes) }));
    return ExitCode.ok;
  } catch (e) {
    process.stderr.write(`error: '${path}' is not valid secc bytecode: ${e instanceof Error ? e.message : String(e)}\n`);
    return ExitCode.programError;
  }
}
