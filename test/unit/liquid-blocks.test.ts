/** Liquid's code blocks (`liquid-blocks.ts`): found by their tag names, read as the contract says. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { liquidCodeBlocks } from '../../src/core/liquid-blocks';

const contents = (text: string) => liquidCodeBlocks(text).map((b) => text.slice(b.start, b.end));

test('Liquid code blocks: highlight and codeblock, with trim markers and up to three spaces before', () => {
  const text = [
    'Intro {{customer}} and {% if x %}inline{% endif %}.',
    '{% highlight ruby %}',
    'format.json { render json: @widget }',
    '{% endhighlight %}',
    '   {%- codeblock lang:js -%}',
    'const a = {b};',
    '{%- endcodeblock -%}',
    '',
  ].join('\n');
  assert.deepEqual(contents(text), ['format.json { render json: @widget }\n', 'const a = {b};\n']);
});

test('Liquid code blocks: a tag name in prose, an indented opener and an inline one open nothing', () => {
  assert.deepEqual(contents('We highlight the codeblock here.\n{% endhighlight %}\n'), []);
  assert.deepEqual(contents('    {% highlight ruby %}\nx\n{% endhighlight %}\n'), []);
  assert.deepEqual(contents('Text {% highlight ruby %}\nx\n{% endhighlight %}\n'), []);
});

test('Liquid code blocks: an opener without its closing tag ends the search', () => {
  assert.deepEqual(contents('{% highlight ruby %}\nx\n\n{% codeblock %}\ny\n{% endcodeblock %}\n'), []);
  assert.deepEqual(contents('{% codeblock %}\ny\n{% endcodeblock %}\n{% highlight ruby %}\nx\n'), ['y\n']);
});
