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

/** The words of `openItemsText`; the extension passes translated ones. */
export interface OpenItemsWords {
  /** `3 fields` */
  fields(n: number): string;
  /** `DoD 2/5` */
  dod(done: number, total: number): string;
}

/** The English words (the CLI's). */
export const ENGLISH_OPEN_ITEMS: OpenItemsWords = {
  fields: (n) => plural(n, 'field'),
  dod: (done, total) => `DoD ${done}/${total}`,
};

/**
 * `3 fields · DoD 2/5`: the fields when there are any (or always, with `showNoFields`), the
 * Definition-of-Done progress when there is a list; `""` when nothing is to show.
 */
export function openItemsText(s: OpenItems, showNoFields = false, words: OpenItemsWords = ENGLISH_OPEN_ITEMS): string {
  const parts: string[] = [];
  if (s.placeholders > 0 || showNoFields) parts.push(words.fields(s.placeholders));
  if (s.dod && s.dod.total > 0) parts.push(words.dod(s.dod.done, s.dod.total));
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
