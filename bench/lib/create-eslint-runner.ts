import { createRequire } from 'node:module';
import { Linter } from 'eslint';
import tseslint from 'typescript-eslint';
import type { CorpusFile } from './load-corpus.js';

/** ESLint, set up once for a corpus: `run` lints every file; `count` also tallies the messages. */
export interface EslintRunner {
  run(): void;
  /** Messages per rule id over the corpus, plus `FATAL` for files ESLint could not parse. */
  count(): Map<string, number>;
}

// eslint-plugin-security ships no type declarations.
const security = createRequire(import.meta.url)('eslint-plugin-security') as { configs: { recommended: Linter.Config } };

const TS_FILE = /\.[cm]?ts$/;

/** The key `count` files fatal parse errors under. */
export const FATAL = '(fatal parse error)';

/**
 * In-process ESLint (flat config) with eslint-plugin-security's recommended rules and nothing else: espree
 * for JavaScript (JSX on, as our pass has it), typescript-eslint's parser for TypeScript. A .js file is
 * linted as an ES module unless that fails to parse, then as CommonJS; that choice is made here, once,
 * outside the timed runs, so the timing never includes a failed parse.
 */
export function createEslintRunner(corpus: readonly CorpusFile[]): EslintRunner {
  const linter = new Linter({ configType: 'flat' });
  // Explicit extensions: flat config does not lint a file that only a catch-all pattern (`**/*`) matches.
  const files = ['**/*.js', '**/*.mjs', '**/*.cjs', '**/*.ts', '**/*.mts', '**/*.cts'];
  const base = { ...security.configs.recommended, files, linterOptions: { reportUnusedDisableDirectives: 'off' as const } };
  const js = (sourceType: 'module' | 'commonjs'): Linter.Config[] => [
    { ...base, languageOptions: { ecmaVersion: 'latest', sourceType, parserOptions: { ecmaFeatures: { jsx: true } } } },
  ];
  const configs = {
    module: js('module'),
    commonjs: js('commonjs'),
    ts: [{ ...base, languageOptions: { parser: tseslint.parser as Linter.Parser, sourceType: 'module' as const } }],
  };
  const plan = corpus.map((file) => {
    if (TS_FILE.test(file.path)) return { file, config: configs.ts };
    if (file.path.endsWith('.cjs')) return { file, config: configs.commonjs };
    const asModule = linter.verify(file.text, configs.module, file.path);
    return { file, config: asModule.some((m) => m.fatal) ? configs.commonjs : configs.module };
  });
  return {
    run() {
      for (const { file, config } of plan) linter.verify(file.text, config, file.path);
    },
    count() {
      const counts = new Map<string, number>();
      for (const { file, config } of plan) {
        for (const m of linter.verify(file.text, config, file.path)) {
          const key = m.fatal ? FATAL : (m.ruleId ?? '(no rule)');
          counts.set(key, (counts.get(key) ?? 0) + 1);
        }
      }
      return counts;
    },
  };
}
