import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { defaultConfig, mergeConfig } from '../../../src/config/index.js';
import type { DiffFile } from '../../../src/diff/types.js';
import type { ContentPort } from '../../../src/review/ports.js';
import { runReview } from '../../../src/review/run-review.js';
import { runStaticPass, type StaticInput } from '../../../src/static/run-static-pass.js';

/**
 * Inputs that must neither break nor stall a review: a 5,000-line file, minified bundles (a generated
 * 300 kB one-liner and a real one from node_modules) and a file with a syntax error. The code is generated
 * here with its findings planted, so the expected findings are known exactly. Completion is asserted by the
 * tests finishing with these results; there is no timing assertion (speed is measured in bench/).
 */

/** Lines of generated code, with the 1-based line of every planted finding. */
interface Generated {
  text: string;
  /** `"<line> <rule-id>"` for every planted finding. */
  planted: string[];
}

/** Collects lines and remembers which of them carry a planted finding. */
function writer(): { count(): number; line(text: string, ruleId?: string): void; done(): Generated } {
  const lines: string[] = [];
  const planted: string[] = [];
  return {
    count: () => lines.length,
    line(text, ruleId) {
      lines.push(text);
      if (ruleId !== undefined) planted.push(`${lines.length} ${ruleId}`);
    },
    done: () => ({ text: `${lines.join('\n')}\n`, planted }),
  };
}

/**
 * An Express admin router of exactly 5,000 lines: validated handlers, and every 25th handler one of four
 * mistakes (a shell command built from the query string, eval of the body, an async forEach, x === x).
 */
function expressRouter(): Generated {
  const w = writer();
  w.line("import { exec } from 'node:child_process';");
  w.line("import { Router, type NextFunction, type Request, type Response } from 'express';");
  w.line("import { audit, invoices, orders } from '../services/index.js';");
  w.line('');
  w.line('export const router = Router();');
  w.line('');
  w.line('function pageOf(req: Request): { page: number; limit: number } {');
  w.line("  const page = Number.parseInt(String(req.query.page ?? '1'), 10);");
  w.line("  const limit = Number.parseInt(String(req.query.limit ?? '20'), 10);");
  w.line('  return { page: Math.max(page, 1), limit: Math.min(Math.max(limit, 1), 100) };');
  w.line('}');
  w.line('');
  for (let i = 0; w.count() + 14 <= 5_000; i++) for (const [text, ruleId] of handler(i)) w.line(text, ruleId);
  while (w.count() < 5_000) w.line('// further admin routes are served by the reporting service');
  return w.done();
}

type Line = [text: string, ruleId?: string];

function handler(i: number): Line[] {
  const mistake = i % 25 === 24 ? Math.floor(i / 25) % 4 : -1;
  const resource = ['orders', 'invoices', 'refunds', 'shipments'][i % 4]!;
  const store = i % 2 === 0 ? 'orders' : 'invoices';
  const body: Line[] = [
    [`    const { page, limit } = pageOf(req);`],
    [`    const id = Number.parseInt(req.params.id ?? '', 10);`],
    [`    if (!Number.isInteger(id)) {`],
    [`      res.status(400).json({ error: 'id must be an integer' });`],
    [`      return;`],
    [`    }`],
    [`    const rows = await ${store}.list({ customerId: id, page, limit });`],
    [`    res.json({ rows, page, total: rows.length });`],
  ];
  if (mistake === 0) body[7] = [`    exec(\`tar -czf /tmp/export-${i}.tgz \${req.query.dir}\`, () => res.json({ rows }));`, 'command-injection'];
  if (mistake === 1) body[7] = [`    res.json({ rows, total: eval(req.body.formula) });`, 'code-injection'];
  if (mistake === 2) body[7] = [`    rows.forEach(async (row) => { await audit.record(row.id); });`, 'await-in-foreach'];
  if (mistake === 3) body[2] = [`    if (!Number.isInteger(id) || id === id) {`, 'self-comparison'];
  return [
    [`router.get('/api/v1/${resource}/${i}/:id', async (req: Request, res: Response, next: NextFunction) => {`],
    [`  try {`],
    ...body,
    [`  } catch (err) {`],
    [`    next(err);`],
    [`  }`],
    [`});`],
  ];
}

/**
 * A webpack-style production bundle on one line of about 300 kB (plus the source-map comment): a module table
 * of short-named functions as a minifier writes them, two of which evaluate strings as code.
 */
function minifiedBundle(): Generated {
  const modules: string[] = [];
  let planted = 0;
  let length = 0;
  for (let k = 0; length < 300_000; k++) {
    if (k === 150) {
      modules.push('function(e,t,n){"use strict";t.runFromHash=function(){return eval(window.location.hash.slice(1))}}');
      planted++;
    } else if (k === 420) {
      modules.push('function(e,t,n){"use strict";t.schedule=function(e){setTimeout("refresh("+e+")",1e3)}}');
      planted++;
    } else {
      modules.push(bundleModule(k));
    }
    length += modules[modules.length - 1]!.length + 1;
  }
  const bootstrap =
    '!function(e){var t={};function n(r){if(t[r])return t[r].exports;var o=t[r]={i:r,l:!1,exports:{}};' +
    'return e[r].call(o.exports,o,o.exports,n),o.l=!0,o.exports}n.m=e,n.c=t,n(0)}';
  const text = `${bootstrap}([${modules.join(',')}]);\n//# sourceMappingURL=main.4f9c2a.js.map\n`;
  return { text, planted: Array.from({ length: planted }, () => '1 code-injection') };
}

function bundleModule(k: number): string {
  const dep = (k * 7) % 97;
  switch (k % 6) {
    case 0:
      return `function(e,t,n){"use strict";Object.defineProperty(t,"__esModule",{value:!0}),t.format${k}=void 0;var r=n(${dep}),o=/^\\d{4}-\\d{2}-\\d{2}$/;t.format${k}=function(e){return o.test(e)?r.toDate(e).toISOString():null}}`;
    case 1:
      return `function(e,t,n){"use strict";var r=n(${dep});e.exports={name:"widget-${k}",size:${k % 7},title:function(e){return r.escape(e.title)+" (${k})"}}}`;
    case 2:
      return `function(e,t,n){var r=function(e,t){for(var n=0,r=e.length;n<r;n++)if(e[n].id===t)return e[n];return null};e.exports={find${k}:r,count:function(e){return e.length}}}`;
    case 3:
      return `function(e,t,n){"use strict";class r{constructor(e){this.items=[],this.limit=e||${k}}add(e){return this.items.length>=this.limit?!1:(this.items.push(e),!0)}get size(){return this.items.length}}t.Queue${k}=r}`;
    case 4:
      return `function(e,t,n){"use strict";const r=n(${dep}),o=(e,t)=>\`\${e}/${k}/\${encodeURIComponent(t)}\`;t.route${k}=(e,t)=>r.navigate(o(e,t))}`;
    default:
      return `function(e,t,n){"use strict";var r=n(${dep});t.bind${k}=function(e){e.addEventListener("click",function(t){t.preventDefault(),r.track("click-${k}",{x:t.clientX,y:t.clientY})})}}`;
  }
}

/** A React component with an unclosed block (does not parse) and a committed AWS key on line 6. */
const BROKEN_COMPONENT = [
  "import { useState } from 'react';",
  '',
  'export function Checkout({ total }: { total: number }) {',
  '  const [busy, setBusy] = useState(false);',
  '  const upload = async () => {',
  "    const client = createS3Client({ accessKeyId: 'AKIAZ7QRSTUVWXYZ2345', region: 'eu-west-1' });",
  '    setBusy(true);',
  '    await client.putObject({ Bucket: "receipts", Key: `total-${total}.json`, Body: JSON.stringify({ total }) });',
  '  return <button disabled={busy} onClick={upload}>Pay {total}</button>;',
  '}',
  '',
].join('\n');

/** ajv 6's minified browser build (119 kB on one line), which eslint 10 installs for its own use. */
function realMinifiedBundle(): string {
  const fromEslint = createRequire(createRequire(import.meta.url).resolve('eslint'));
  return readFileSync(fromEslint.resolve('ajv/dist/ajv.min.js'), 'utf8');
}

const everyLine = (text: string): Set<number> => new Set(text.split('\n').map((_, i) => i + 1));
const asInput = (path: string, text: string): StaticInput => ({ path, text, changedLines: everyLine(text) });
const keys = (findings: ReadonlyArray<{ line: number; ruleId: string }>): string[] => findings.map((f) => `${f.line} ${f.ruleId}`).sort(byLine);

/** A file added in the pull request: every line is new. */
function addedFile(path: string, text: string): DiffFile {
  const lines = everyLine(text);
  return { path, oldPath: null, status: 'added', binary: false, oldMode: null, newMode: '100644', hunks: [], noPatch: null, addedLines: lines, commentableLines: lines, additions: lines.size, deletions: 0 };
}

describe('robustness of the static pass', () => {
  it('a 5,000-line file yields exactly its planted findings', () => {
    const { text, planted } = expressRouter();
    expect(text.split('\n')).toHaveLength(5_001);
    expect(planted).toHaveLength(14);
    const { findings, skippedFiles } = runStaticPass([asInput('src/routes/admin.ts', text)], (_id, s) => s);
    expect(skippedFiles).toEqual([]);
    expect(keys(findings)).toEqual([...planted].sort(byLine));
  });

  it('a generated 300 kB single-line bundle yields exactly its planted findings', () => {
    const { text, planted } = minifiedBundle();
    expect(text.split('\n')[0]!.length).toBeGreaterThan(300_000);
    const { findings, skippedFiles } = runStaticPass([asInput('public/static/js/main.4f9c2a.js', text)], (_id, s) => s);
    expect(skippedFiles).toEqual([]);
    expect(keys(findings.filter((f) => f.severity !== 'info'))).toEqual(planted);
    // Bracket writes with keys of unknown origin, as minified code is full of: listed at info only.
    expect(findings.filter((f) => f.severity === 'info').map((f) => `${f.ruleId} ${f.confidence}`)).toEqual(['prototype-pollution 0.3']);
  });

  it('a real minified bundle from node_modules is analysed like any file', () => {
    const text = realMinifiedBundle();
    const { findings, skippedFiles } = runStaticPass([asInput('public/vendor/ajv.js', text)], (_id, s) => s);
    expect(skippedFiles).toEqual([]);
    // Line 1 is the licence comment. `e!=e` is how a minifier writes a NaN test; `new Function` compiles schemas.
    expect(keys(findings.filter((f) => f.severity !== 'info'))).toEqual(['2 code-injection', '2 self-comparison', '2 self-comparison']);
    // Bracket writes with keys of unknown origin: listed at info only.
    expect(new Set(findings.filter((f) => f.severity === 'info').map((f) => `${f.ruleId} ${f.confidence}`))).toEqual(new Set(['prototype-pollution 0.3']));
  });

  it('a file with a syntax error is listed as skipped and still scanned for secrets', () => {
    const { findings, skippedFiles } = runStaticPass([asInput('src/components/Checkout.tsx', BROKEN_COMPONENT)], (_id, s) => s);
    expect(skippedFiles).toEqual([{ path: 'src/components/Checkout.tsx', reason: 'parse-error' }]);
    expect(keys(findings)).toEqual(['6 hardcoded-secret']);
  });

  it('all of them in one review: the review completes with every expected finding and skip', async () => {
    const router = expressRouter();
    const bundle = minifiedBundle();
    const files = new Map([
      ['src/routes/admin.ts', router.text],
      ['public/static/js/main.4f9c2a.js', bundle.text],
      ['public/vendor/ajv.min.js', realMinifiedBundle()],
      ['src/components/Checkout.tsx', BROKEN_COMPONENT],
    ]);
    const contents: ContentPort = { readNewFile: async (path) => ({ kind: 'text', text: files.get(path)! }) };
    const result = await runReview({
      files: [...files].map(([path, text]) => addedFile(path, text)),
      contents,
      // Room for every planted finding: this test is about the files, not the comment limit.
      config: mergeConfig(defaultConfig(), { max_comments: 100 }),
      llmSkipReason: 'not configured in this test',
      now: () => 0,
    });
    // The default excludes leave *.min.js out; a bundle without .min in its name is reviewed like any file.
    expect(result.stats.skippedFiles).toEqual([
      { path: 'public/vendor/ajv.min.js', reason: 'excluded' },
      { path: 'src/components/Checkout.tsx', reason: 'parse-error' },
    ]);
    const expected = [
      ...router.planted.map((k) => `src/routes/admin.ts ${k}`),
      ...bundle.planted.map((k) => `public/static/js/main.4f9c2a.js ${k}`),
      'src/components/Checkout.tsx 6 hardcoded-secret',
    ];
    expect(result.findings.map((f) => `${f.path} ${f.line} ${f.ruleId}`).sort()).toEqual(expected.sort());
  });
});

function byLine(a: string, b: string): number {
  const [la, ra] = a.split(' ');
  const [lb, rb] = b.split(' ');
  return Number(la) - Number(lb) || ra!.localeCompare(rb!);
}

