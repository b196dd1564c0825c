import type { TagHit } from '../grammar';
import type { Rule, Report } from './rule';
import { said } from '../messages';

interface Open {
  tag: TagHit;
  else?: TagHit;
}

function blockReport(open: Open, close: TagHit | undefined): Report {
  const { tag } = open;
  const what = tag.helper === 'if' ? tag.name : `${tag.helper} ${tag.name}`;
  return {
    start: tag.start,
    end: tag.end,
    ...(close ? said('blockUnresolved', what) : said('blockUnclosed', what, `{{/${tag.helper}}}`)),
    data: {
      kind: 'conditional',
      name: tag.name,
      helper: tag.helper,
      open: { start: tag.start, end: tag.end },
      else: open.else && { start: open.else.start, end: open.else.end },
      close: close && { start: close.start, end: close.end },
    },
  };
}

function stray(tag: TagHit): Report {
  const text = tag.kind === 'else' ? '{{else}}' : `{{/${tag.helper}}}`;
  return { start: tag.start, end: tag.end, ...said('blockStray', text) };
}

/** `conditional`: Handlebars block helpers ({{#if}}, {{else}}, {{/if}}, {{#unless}}) left in the text. */
export const conditional: Rule<'conditional'> = {
  id: 'conditional',
  title: 'unresolved template blocks',
  description: 'Unresolved `{{#if}}` / `{{else}}` / `{{/if}}` / `{{#unless}}` template blocks.',
  check(model, _context, report) {
    const stack: Open[] = [];
    for (const tag of model.tags) {
      if (tag.kind === 'open') {
        stack.push({ tag });
      } else if (tag.kind === 'else') {
        const top = stack[stack.length - 1];
        if (top && !top.else) top.else = tag;
        else report(stray(tag));
      } else {
        const at = findLast(stack, (o) => o.tag.helper === tag.helper);
        if (at === -1) {
          report(stray(tag));
          continue;
        }
        for (const unclosed of stack.splice(at + 1)) report(blockReport(unclosed, undefined));
        report(blockReport(stack.pop() as Open, tag));
      }
    }
    for (const unclosed of stack) report(blockReport(unclosed, undefined));
  },
};

function findLast<T>(arr: readonly T[], pred: (t: T) => boolean): number {
  for (let i = arr.length - 1; i >= 0; i--) if (pred(arr[i])) return i;
  return -1;
}
