/**
 * Liquid's code blocks: Jekyll's `{% highlight ruby %}` … `{% endhighlight %}` and Hexo's
 * `{% codeblock %}` … `{% endcodeblock %}`. The Markdown parser reads their lines as paragraphs,
 * but a page built from them shows them as code: what they hold is judged as code (`scanCode`),
 * where `format.json { render json: @widget }` and `<em>{{ page }}</em>` are not fields.
 */
import { scanCode, fieldFact, type FieldHit } from './grammar';
import type { Span } from './types';
import type { FieldFact } from './facts';
import { sortByStart } from './spans';

/** A line that opens one: `{% highlight ruby %}`, `{%- highlight js linenos -%}`, `{% codeblock lang:js %}`. */
const OPEN = /^[ \t]{0,3}\{%-?[ \t]*(highlight|codeblock)\b[^%\n]*%\}[ \t]*\r?(?:\n|$)/;

/**
 * The content of each Liquid code block of `text`, from the line after its opening tag to its
 * closing tag. Only lines that hold `{%` are read: the linter runs this on every edit.
 */
export function liquidCodeBlocks(text: string): Span[] {
  const out: Span[] = [];
  for (let at = text.indexOf('{%'); at !== -1; at = text.indexOf('{%', at + 2)) {
    const lineStart = text.lastIndexOf('\n', at) + 1;
    if (at - lineStart > 3) continue;
    const open = OPEN.exec(text.slice(lineStart, lineStart + 200));
    if (!open) continue;
    const start = lineStart + open[0].length;
    const close = new RegExp(String.raw`\{%-?[ \t]*end${open[1]}[ \t]*-?%\}`, 'g');
    close.lastIndex = start;
    const end = close.exec(text);
    if (!end) break;
    out.push({ start: Math.min(start, end.index), end: end.index });
    at = end.index;
  }
  return out;
}

/**
 * The field facts of a document with its Liquid code blocks read as code: the facts found in them
 * as prose (or as the parser's code) give way to what `scanCode` finds in each block, in document
 * order. User patterns' facts stay wherever they are. `fields` itself when there is no block.
 */
export function withLiquidCode(text: string, fields: FieldFact[]): FieldFact[] {
  const blocks = liquidCodeBlocks(text);
  if (blocks.length === 0) return fields;
  const inside = (f: FieldFact) => f.where !== 'pattern' && blocks.some((b) => f.start >= b.start && f.end <= b.end);
  const code: FieldHit[] = [];
  for (const b of blocks) scanCode(text, b, code);
  return sortByStart([...fields.filter((f) => !inside(f)), ...code.map((h) => fieldFact(h, 'code'))]);
}
