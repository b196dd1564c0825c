/**
 * The output formats of `integration-docs lint`: one file per format, listed here. The list
 * gives `--format`'s accepted values and its help text.
 */
import type { Formatter } from './formatter';
import { github } from './github';
import { json } from './json';
import { sarif } from './sarif';
import { text } from './text';

/** Every format by its `--format` name; the first is the default. */
export const FORMATTERS: Readonly<Record<string, Formatter>> = { text, json, github, sarif };

/** The `--format` names. */
export const FORMAT_NAMES: readonly string[] = Object.keys(FORMATTERS);

export type { Formatter, FormatContext } from './formatter';
