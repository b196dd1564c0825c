/** The extension's translations of the short texts of `core/display` (the CLI keeps English). */
import * as vscode from 'vscode';
import { openItemsText as coreOpenItemsText, type OpenItems, type OpenItemsWords } from '../core/display';

const WORDS: OpenItemsWords = {
  fields: (n) => (n === 1 ? vscode.l10n.t('1 field') : vscode.l10n.t('{0} fields', n)),
  dod: (done, total) => vscode.l10n.t('DoD {0}/{1}', done, total),
};

/** `3 fields · DoD 2/5`, in the display language. */
export function openItemsText(s: OpenItems, showNoFields = false): string {
  return coreOpenItemsText(s, showNoFields, WORDS);
}
