/**
 * Document formatting through the prettier plugin (the same formatter as
 * `secc fmt`): one edit replacing the whole document, none when it is already
 * formatted or does not parse (the syntax errors are already shown as diagnostics).
 */
import type { TextEdit } from "vscode-languageserver/node";
import type { TextDocument } from "vscode-languageserver-textdocument";
import { formatSource } from "../../compiler/format/index.js";

/**
 * The edits that format `doc`. The editor's tab size is ignored on purpose: the
 * result must be what `secc fmt --check` accepts.
 */
export async function formatDocument(doc: TextDocument): Promise<TextEdit[]> {
  const text = doc.getText();
  const result = await formatSource(text, { filepath: doc.uri });
  if (!result.ok || result.text === text) return [];
  return [{ range: { start: { line: 0, character: 0 }, end: doc.positionAt(text.length) }, newText: result.text }];
}
