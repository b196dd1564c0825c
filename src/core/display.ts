/**
 * Short texts shown the same way by the CLI, the outline tree and the status bar, so that the
 * surfaces read alike.
 */

/** `1 field`, `3 fields`. */
export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** Open items of a section or a document: unfilled fields and Definition-of-Done progress. */
export interface OpenItems {
  placeholders: number;
  dod: { done: number; total: number } | null | undefined;
}

/**
 * `3 fields · DoD 2/5`: the fields when there are any (or always, with `showNoFields`), the
 * Definition-of-Done progress when there is a list; `""` when nothing is to show.
 */
export function openItemsText(s: OpenItems, showNoFields = false): string {
  const parts: string[] = [];
  if (s.placeholders > 0 || showNoFields) parts.push(plural(s.placeholders, 'field'));
  if (s.dod && s.dod.total > 0) parts.push(`DoD ${s.dod.done}/${s.dod.total}`);
  return parts.join(' · ');
}

/** Markdown to plain text for places that show no Markdown: code spans lose their backticks. */
export function plainText(markdown: string): string {
  return markdown.replace(/`([^`]*)`/g, '$1');
}

/** An exception in one line for messages: its class and the first line of its message. */
export function oneLineError(e: unknown): string {
  const text = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
  return text.split('\n')[0];
}
