/**
 * Line ends as CommonMark and editors read a file. A lone carriage return ends a line for both
 * (VS Code makes it the document's line end when it opens the file), but the engine's line index
 * and block splitter count `\n` only: a file written with lone `\r` was one long line to them —
 * no heading, no list, every finding on "line 1045, column 94143". Text read from a file (the
 * CLI, the workspace lint, the eval) has each lone `\r` made a `\n`: one character for one, so
 * every offset stays. Editor documents never hold one.
 */
export function editorLineEnds(text: string): string {
  return text.includes('\r') ? text.replace(/\r(?!\n)/g, '\n') : text;
}
