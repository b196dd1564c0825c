/**
 * The core's texts in the user's language: a finding's message and a quick fix's title are
 * catalogue templates of the core (`core/messages.ts`, `core/fix-titles.ts`) with arguments;
 * `vscode.l10n.t` looks the template up in the bundle (`src/build/l10n.mjs` puts every template
 * of both catalogues there). Arguments are document text (a field, a heading, a path) and stay
 * as they are, except one that is a message of its own, which is translated too.
 */
import * as vscode from 'vscode';
import { MESSAGES, type Message } from '../core/messages';
import { FIX_TITLES, type FixLabel } from '../core/fix-titles';
import type { Finding } from '../core/types';

/** A core message in the user's language. */
export function localMessage(m: Message): string {
  return vscode.l10n.t(MESSAGES[m.id], ...m.args.map((a) => (typeof a === 'object' ? localMessage(a) : a)));
}

/** A finding's (or configuration error's) message in the user's language; its English message when it has no catalogue entry. */
export function findingMessage(f: Pick<Finding, 'message' | 'l10n'>): string {
  return f.l10n ? localMessage(f.l10n) : f.message;
}

/** A fix's title in the user's language. */
export function localTitle(label: FixLabel): string {
  return vscode.l10n.t(FIX_TITLES[label.key], ...label.args);
}
