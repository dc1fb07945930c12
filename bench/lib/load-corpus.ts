import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/** One source file of the corpus, read once. */
export interface CorpusFile {
  /** Path relative to node_modules, e.g. `eslint/lib/linter/linter.js`; its extension picks the parser mode. */
  path: string;
  text: string;
  lines: number;
}

/** A package directory whose JS/TS sources go into the corpus. */
export interface CorpusRoot {
  pkg: string;
  /** Folder inside the package; '' for the whole package. */
  dir: string;
  /** Folders under `dir` to leave out. */
  exclude?: readonly string[];
}

/** What `loadCorpus` read, and what it left out and why. */
export interface Corpus {
  files: CorpusFile[];
  lines: number;
  /** `name@version dir`, in the order of the roots. */
  packages: string[];
  skipped: { minified: number; tooLarge: number };
}

/**
 * The benchmark corpus: real npm sources that are installed anyway (lint, parse and SDK dependencies), mixing
 * hand-written CommonJS (eslint), compiled JS (typescript-eslint's dist), ESM and TypeScript sources (zod, openai).
 * Fixed here so every run reads the same files; the versions are pinned by package-lock.json.
 */
export const CORPUS_ROOTS: readonly CorpusRoot[] = [
  { pkg: 'eslint', dir: 'lib' },
  { pkg: '@typescript-eslint/typescript-estree', dir: 'dist' },
  { pkg: '@typescript-eslint/scope-manager', dir: 'dist' },
  { pkg: 'zod', dir: 'src/v4' },
  // resources/ is generated API typing, mostly interfaces: cheap to analyse, it would flatter lines/s.
  { pkg: 'openai', dir: 'src', exclude: ['resources'] },
  { pkg: 'pino', dir: '' },
  { pkg: 'yaml', dir: 'dist' },
  { pkg: 'ajv', dir: 'dist' },
  { pkg: 'probot', dir: 'lib' },
  { pkg: 'commander', dir: '' },
  { pkg: 'picomatch', dir: '' },
];

const SOURCE = /\.(?:[cm]?js|[cm]?ts)$/;
const DECLARATION = /\.d\.[cm]?ts$/;
/** Larger files are generated data, not code (and the review pipeline refuses files over 2 MB anyway). */
const MAX_BYTES = 1_000_000;
/** Average characters per line above which a file counts as minified or generated. */
const MAX_AVERAGE_LINE = 200;

/**
 * Reads the corpus from `nodeModules`: the .js/.mjs/.cjs/.ts/.mts/.cts files (not declarations) under each
 * root, nested node_modules excluded, minified files (`*.min.*`, or an average line over 200 characters) and
 * files over 1 MB skipped. Files are sorted by path so the order, and so the timings, are reproducible.
 */
export function loadCorpus(nodeModules: string, roots: readonly CorpusRoot[] = CORPUS_ROOTS): Corpus {
  const files: CorpusFile[] = [];
  const packages: string[] = [];
  const skipped = { minified: 0, tooLarge: 0 };
  for (const { pkg, dir, exclude = [] } of roots) {
    const pkgDir = join(nodeModules, pkg);
    const { version } = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8')) as { version: string };
    const without = exclude.length === 0 ? '' : ` without ${exclude.map((e) => `${e}/`).join(', ')}`;
    packages.push(`${pkg}@${version}${dir === '' ? '' : ` ${dir}/`}${without}`);
    for (const abs of listSources(join(pkgDir, dir), exclude)) {
      const size = statSync(abs).size;
      if (size > MAX_BYTES) {
        skipped.tooLarge++;
        continue;
      }
      const text = readFileSync(abs, 'utf8');
      const lines = text.split('\n').length;
      if (/\.min\.[cm]?js$/.test(abs) || text.length / lines > MAX_AVERAGE_LINE) {
        skipped.minified++;
        continue;
      }
      files.push({ path: relative(nodeModules, abs).split('\\').join('/'), text, lines });
    }
  }
  return { files, lines: files.reduce((n, f) => n + f.lines, 0), packages, skipped };
}

function listSources(dir: string, exclude: readonly string[]): string[] {
  const skip = exclude.map((e) => `${e}/`);
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && SOURCE.test(e.name) && !DECLARATION.test(e.name))
    .map((e) => join(e.parentPath, e.name))
    .filter((p) => {
      const rel = relative(dir, p).split('\\').join('/');
      return !rel.split('/').includes('node_modules') && !skip.some((s) => rel.startsWith(s));
    })
    .sort();
}
