import { describe, expect, it } from 'vitest';
import type { Finding } from '../../../src/findings/finding.js';
import { renderLineComment } from '../../../src/render/render-line-comment.js';
import { renderMarkdown } from '../../../src/render/render-markdown.js';
import { renderSummaryComment } from '../../../src/render/render-summary-comment.js';
import { summarize, type ReviewResult } from '../../../src/review/result.js';
import { AWAIT_IN_FOREACH, CLEAN, CODE_INJECTION, CTX, DOUBLE_DISCOUNT, FULL, MAGIC_NUMBER, STATIC_ONLY } from './fixtures.js';
import { isOwnTag, rawHtmlTags } from './markdown-safety.js';

const FULL_SUMMARY = `<!-- argus:summary -->
## Argus review

Found 4 issues: 1 critical, 1 high, 1 medium, 1 low.

| Severity | Count |
| :-- | --: |
| 🔴 critical | 1 |
| 🟠 high | 1 |
| 🟡 medium | 1 |
| 🔵 low | 1 |
| ⚪ info | 0 |

<details>
<summary>Findings (4)</summary>

**🔴 critical**

- \`src/api/run.ts:42\` Code injection (\`code-injection\`)

**🟠 high**

- \`src/cart/total.ts:17-19\` Discount applied twice (\`llm/bug\`)

**🟡 medium**

- \`src/jobs/sync.ts:8\` await inside forEach (\`await-in-foreach\`)

**🔵 low**

- \`src/cart/total.ts:30\` Magic number (\`llm/maintainability\`)

</details>

> **Notes**
> - Semgrep is not installed; the Semgrep pass was skipped.

<details>
<summary>Skipped files (2)</summary>

- \`assets/logo.png\`: binary
- \`package-lock.json\`: excluded

</details>

LLM gpt-4.1-mini: 3 calls, 14772 tokens (12840 prompt, 1932 completion), about $0.0422

3 candidate findings rejected (2 outside-diff, 1 duplicate).`;

const CODE_INJECTION_COMMENT = `🔴 **critical** · security · \`code-injection\`

**Code injection**

\`eval\` receives \`req.query.expr\`, which the caller controls.

\`\`\`suggestion
const value = evaluateExpression(parseExpression(req.query.expr));
\`\`\`

<!-- argus:fp=3f2a9c1d0b7e4a5f6c8d9e01 -->`;

const HOSTILE: Finding = {
  ...DOUBLE_DISCOUNT,
  path: 'src/`evil`\n</details>.ts',
  ruleId: 'llm/bug',
  title: '</details><img src=x onerror=alert(1)> cc @octocat',
  message: 'Fix it:\n# pwned\n<!-- argus:summary -->\n```\nunclosed fence\n[x](javascript:alert(1))',
  suggestion: 'const fence = "```";\n````',
  fingerprint: 'abc-->x',
};

describe('renderSummaryComment', () => {
  it('renders the full review exactly', () => {
    expect(renderSummaryComment(FULL, CTX)).toBe(FULL_SUMMARY);
  });

  it('lists notes even when the LLM did not run, and shows no LLM line', () => {
    const out = renderSummaryComment(STATIC_ONLY, CTX);
    expect(out).toContain('Found 1 issue: 1 critical.');
    expect(out).toContain('> **Notes**\n> - LLM pass skipped: OPENAI\\_API\\_KEY is not set');
    expect(out).not.toMatch(/^LLM /m);
    expect(out).not.toContain('rejected');
    expect(out).not.toContain('Skipped files');
  });

  it('says so when nothing was found', () => {
    expect(renderSummaryComment(CLEAN, CTX)).toBe('<!-- argus:summary -->\n## Argus review\n\nNo issues found in 1 changed line of 1 file.');
    const bigger = { ...CLEAN, stats: { ...CLEAN.stats, files: 3, changedLines: 40 } };
    expect(renderSummaryComment(bigger, CTX)).toContain('No issues found in 40 changed lines of 3 files.');
  });

  it('groups by severity, most severe first, keeping the pipeline order inside a group', () => {
    const second: Finding = { ...CODE_INJECTION, path: 'src/z.ts', fingerprint: 'f2' };
    const findings = [MAGIC_NUMBER, CODE_INJECTION, second];
    const out = renderSummaryComment({ ...CLEAN, findings, summary: summarize(findings) }, CTX);
    const order = ['`src/api/run.ts:42`', '`src/z.ts:42`', '`src/cart/total.ts:30`'].map((s) => out.indexOf(s));
    expect(order.every((i) => i > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(out).toContain('Found 3 issues: 2 critical, 1 low.');
  });

  it('keeps hostile text from injecting HTML, forging the marker or mentioning people', () => {
    const result: ReviewResult = {
      ...STATIC_ONLY,
      findings: [HOSTILE],
      notes: ['<img src=x onerror=alert(1)>\n# heading'],
      stats: { ...STATIC_ONLY.stats, skippedFiles: [{ path: 'a`b</details>.png', reason: '<script>' }] },
    };
    const out = renderSummaryComment(result, CTX);
    expect(rawHtmlTags(out).filter((t) => !isOwnTag(t))).toEqual([]);
    expect(out.match(/<!-- argus:summary -->/g)).toHaveLength(1);
    expect(out.split('\n').filter((l) => l === '</details>')).toHaveLength(2);
    expect(out).toContain('cc @&#8203;octocat');
    expect(out).toContain('> - &lt;img src=x onerror=alert(1)&gt; # heading');
    expect(out).toContain('- ``a`b</details>.png``: &lt;script&gt;');
    expect(out).toContain('- ``src/`evil` </details>.ts:17-19`` &lt;/details&gt;');
  });
});

describe('renderLineComment', () => {
  it('renders severity line, bold title, message, suggestion and fingerprint marker last', () => {
    expect(renderLineComment(CODE_INJECTION, CTX)).toBe(CODE_INJECTION_COMMENT);
  });

  it('renders a multi-line suggestion verbatim', () => {
    expect(renderLineComment(AWAIT_IN_FOREACH, CTX)).toBe(
      '🟡 **medium** · performance · `await-in-foreach`\n\n**await inside forEach**\n\n' +
        'The loop does not wait for the callbacks, so sync() returns before the writes finish.\n\n' +
        '```suggestion\nfor (const item of items) {\n  await save(item);\n}\n```\n\n' +
        '<!-- argus:fp=0f1e2d3c4b5a69788796a5b4 -->',
    );
  });

  it('leaves out the message and the suggestion when there are none', () => {
    expect(renderLineComment(MAGIC_NUMBER, CTX)).toBe(
      '🔵 **low** · maintainability · `llm/maintainability`\n\n**Magic number**\n\n<!-- argus:fp=5566778899aabbccddeeff00 -->',
    );
  });

  it('renders an empty suggestion as an empty block, which deletes the lines', () => {
    expect(renderLineComment({ ...MAGIC_NUMBER, suggestion: '' }, CTX)).toContain('**Magic number**\n\n```suggestion\n```\n\n<!--');
  });

  it('fences a suggestion with a fence longer than its backtick runs and escapes the rest', () => {
    expect(renderLineComment(HOSTILE, CTX)).toBe(
      '🟠 **high** · bug · `llm/bug`\n\n' +
        '**&lt;/details&gt;&lt;img src=x onerror=alert(1)&gt; cc @&#8203;octocat**\n\n' +
        'Fix it:\n\\# pwned\n&lt;!-- argus:summary --&gt;\n\\`\\`\\`\nunclosed fence\n\\[x\\](javascript:alert(1))\n\n' +
        '`````suggestion\nconst fence = "```";\n````\n`````\n\n' +
        '<!-- argus:fp=abc--%3Ex -->',
    );
    const out = renderLineComment(HOSTILE, CTX);
    expect(rawHtmlTags(out).filter((t) => !isOwnTag(t))).toEqual([]);
    expect(out.endsWith('<!-- argus:fp=abc--%3Ex -->')).toBe(true);
  });
});

describe('renderMarkdown', () => {
  it('is the summary, a rule, then every line comment under its location, in order', () => {
    const out = renderMarkdown(FULL, CTX);
    expect(out.startsWith(`${FULL_SUMMARY}\n\n---\n\n#### \`src/api/run.ts:42\`\n\n${CODE_INJECTION_COMMENT}\n\n`)).toBe(true);
    expect(out.match(/^#### .*$/gm)).toEqual([
      '#### `src/api/run.ts:42`',
      '#### `src/cart/total.ts:17-19`',
      '#### `src/jobs/sync.ts:8`',
      '#### `src/cart/total.ts:30`',
    ]);
    expect(out.match(/<!-- argus:fp=[^ ]+ -->/g)).toEqual(FULL.findings.map((f) => `<!-- argus:fp=${f.fingerprint} -->`));
    expect(out.endsWith('<!-- argus:fp=5566778899aabbccddeeff00 -->\n')).toBe(true);
  });

  it('is only the summary when there is nothing to report', () => {
    expect(renderMarkdown(CLEAN, CTX)).toBe(`${renderSummaryComment(CLEAN, CTX)}\n`);
  });
});
