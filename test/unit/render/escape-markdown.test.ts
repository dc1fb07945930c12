import { describe, expect, it } from 'vitest';
import { codeSpan } from '../../../src/render/code-span.js';
import { escapeMarkdown } from '../../../src/render/escape-markdown.js';
import { fenceCode } from '../../../src/render/fence-code.js';
import { rawHtmlTags } from './markdown-safety.js';

describe('escapeMarkdown', () => {
  it('turns HTML into entities, so a title cannot close <details> or add an image', () => {
    const hostile = '</details><img src=x onerror=alert(1)>';
    expect(escapeMarkdown(hostile)).toBe('&lt;/details&gt;&lt;img src=x onerror=alert(1)&gt;');
    expect(rawHtmlTags(escapeMarkdown(hostile))).toEqual([]);
  });

  it('cannot forge our hidden markers', () => {
    expect(escapeMarkdown('<!-- argus:summary -->')).toBe('&lt;!-- argus:summary --&gt;');
    expect(escapeMarkdown('x <!-- argus:fp=deadbeef -->')).not.toContain('<!--');
  });

  it('escapes existing entities so they show literally', () => {
    expect(escapeMarkdown('&lt;script&gt; & co')).toBe('&amp;lt;script&amp;gt; &amp; co');
  });

  it('neutralises links, images, emphasis, strikethrough and table pipes', () => {
    expect(escapeMarkdown('[click](javascript:alert(1)) ![x](http://e/x.png)')).toBe(
      '\\[click\\](javascript:alert(1)) !\\[x\\](http://e/x.png)',
    );
    expect(escapeMarkdown('**bold** _em_ ~~del~~ a|b \\ end')).toBe('\\*\\*bold\\*\\* \\_em\\_ \\~\\~del\\~\\~ a\\|b \\\\ end');
  });

  it('neutralises block syntax at the start of every line, not in the middle', () => {
    expect(escapeMarkdown('# Heading\n- item\n+ item\n1. one\n2) two\n===\n  ## indented')).toBe(
      '\\# Heading\n\\- item\n\\+ item\n1\\. one\n2\\) two\n\\===\n  \\## indented',
    );
    expect(escapeMarkdown('a - b # c 1. d')).toBe('a - b # c 1. d');
    expect(escapeMarkdown('> quote')).toBe('&gt; quote');
  });

  it('stops @-mentions and #-references from notifying or cross-linking', () => {
    expect(escapeMarkdown('ping @octocat and @org/team, see #12 and owner/repo#3')).toBe(
      'ping @&#8203;octocat and @&#8203;org/team, see #&#8203;12 and owner/repo#&#8203;3',
    );
    expect(escapeMarkdown('mail dev@example.com')).toBe('mail dev@example.com');
  });

  it('keeps balanced code spans as code and escapes stray backticks', () => {
    expect(escapeMarkdown('call `eval(x)` here')).toBe('call `eval(x)` here');
    expect(escapeMarkdown('a stray ` backtick')).toBe('a stray \\` backtick');
    expect(escapeMarkdown('``a`b`` then ```')).toBe('``a`b`` then \\`\\`\\`');
  });

  it('keeps hostile HTML inside a code span, where GitHub shows it as text', () => {
    const out = escapeMarkdown('see `</details><img src=x onerror=alert(1)>` now <b>');
    expect(out).toBe('see `</details><img src=x onerror=alert(1)>` now &lt;b&gt;');
    expect(rawHtmlTags(out)).toEqual([]);
  });

  it('does not let a code span open a fence or run across lines', () => {
    expect(escapeMarkdown('```js\nalert(1)\n```')).toBe('\\`\\`\\`js\nalert(1)\n\\`\\`\\`');
    expect(escapeMarkdown('`a\nb`')).toBe('\\`a\nb\\`');
  });

  it('shows control and bidi characters instead of passing them through', () => {
    expect(escapeMarkdown('red\x1b[31m \u202eevil')).toBe('red\\\\x1b\\[31m \\\\u202eevil');
  });

  it('collapses whitespace in inline mode so text cannot start a new block', () => {
    expect(escapeMarkdown('  one\n\n# two\n- three  ', { inline: true })).toBe('one # two - three');
    expect(escapeMarkdown('# top', { inline: true })).toBe('\\# top');
  });

  it('leaves ordinary prose alone', () => {
    expect(escapeMarkdown('applyDiscount() already ran in line 12, so members pay less.')).toBe(
      'applyDiscount() already ran in line 12, so members pay less.',
    );
  });
});

describe('codeSpan', () => {
  it('uses a backtick run longer than any inside the text', () => {
    expect(codeSpan('src/a.ts:3')).toBe('`src/a.ts:3`');
    expect(codeSpan('a`b')).toBe('``a`b``');
    expect(codeSpan('x```y')).toBe('````x```y````');
  });

  it('pads text that starts or ends with a backtick or space so it survives', () => {
    expect(codeSpan('`tick')).toBe('`` `tick ``');
    expect(codeSpan(' a ')).toBe('`  a  `');
  });

  it('turns newlines into spaces so a path cannot end the block it sits in', () => {
    expect(codeSpan('evil\n</details>\n# x')).toBe('`evil </details> # x`');
  });
});

describe('fenceCode', () => {
  it('picks a fence longer than any backtick run inside', () => {
    expect(fenceCode('const a = 1;', 'suggestion')).toBe('```suggestion\nconst a = 1;\n```');
    expect(fenceCode('```\ncode\n````', 'suggestion')).toBe('`````suggestion\n```\ncode\n````\n`````');
  });

  it('emits an empty block for an empty replacement (GitHub deletes the lines)', () => {
    expect(fenceCode('', 'suggestion')).toBe('```suggestion\n```');
  });
});
