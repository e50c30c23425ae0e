/**
 * The typed message catalogue mechanism. Each phase declares its messages in its
 * own file under messages/ with `defineMessage(code, severity, format)`; the code
 * is stable (documented in messages/index.ts), the format function is typed by its
 * arguments so call sites cannot pass the wrong ones. Codes are registered
 * globally and a duplicate code throws when the catalogue loads.
 */
import type { Span } from "../../source/span.js";
import type { Diagnostic, DiagnosticExtras, Severity } from "../diagnostic.js";

const registry = new Map<string, MessageDef<never[]>>();

export class MessageDef<A extends unknown[]> {
  constructor(
    readonly code: string,
    readonly severity: Severity,
    private readonly format: (...args: A) => string,
    /** Lint rule name, for warnings that can be turned off. */
    readonly rule?: string,
  ) {}

  /** The message text for these arguments. */
  text(...args: A): string {
    return this.format(...args);
  }

  /** A diagnostic at `span` (or about the whole run when undefined). */
  at(span: Span | undefined, ...args: A): Diagnostic {
    return this.with(span, {}, ...args);
  }

  /** A diagnostic with a label, related spans, notes, help lines or fixes. */
  with(span: Span | undefined, extras: DiagnosticExtras, ...args: A): Diagnostic {
    const d: Diagnostic = {
      code: this.code,
      severity: extras.severity ?? this.severity,
      message: this.format(...args),
      related: extras.related ?? [],
      notes: extras.notes ?? [],
      help: extras.help ?? [],
      fixes: extras.fixes ?? [],
      ...(span ? { span } : {}),
      ...(extras.label !== undefined ? { label: extras.label } : {}),
      ...(this.rule !== undefined ? { rule: this.rule } : {}),
    };
    return d;
  }
}

/** Declares a message; throws if its code is already taken. */
export function defineMessage<A extends unknown[]>(
  code: string,
  severity: Severity,
  format: (...args: A) => string,
  rule?: string,
): MessageDef<A> {
  if (!/^SC\d{4}$/.test(code)) throw new Error(`bad diagnostic code ${code}`);
  if (registry.has(code)) throw new Error(`duplicate diagnostic code ${code}`);
  const def = new MessageDef<A>(code, severity, format, rule);
  registry.set(code, def as unknown as MessageDef<never[]>);
  return def;
}

/** Every registered message, for documentation and tests. */
export function allMessages(): ReadonlyMap<string, MessageDef<never[]>> {
  return registry;
}
