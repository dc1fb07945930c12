// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', '.bench-build/**', 'node_modules/**', 'coverage/**', 'fixtures/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    // Dependency direction is one-way: pure modules never reach for ports, Probot, Octokit or the SDK.
    files: ['src/diff/**', 'src/static/**', 'src/validate/**', 'src/render/**', 'src/findings/**', 'src/config/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/github/**', '**/local/**', '**/cli/**', '**/handlers/**', '**/llm/**'], message: 'Pure modules must not import port implementations or entry points.' },
            { group: ['probot', '@octokit/*', 'openai'], message: 'Pure modules must not import Probot, Octokit or the OpenAI SDK.' },
          ],
        },
      ],
      'no-restricted-globals': ['error', { name: 'process', message: 'Pure modules receive configuration; they do not read process.' }],
    },
  },
  {
    // The walk does not set `parent` on AST nodes (src/static/traverse.ts says why), yet the node types declare
    // it, so the compiler cannot catch a read; this rule does. ast-grep's `node.parent()` is a call, allowed.
    files: ['src/static/**', 'src/llm/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[property.name='parent']:not([object.name=/^(ctx|walk)$/]):not(CallExpression > MemberExpression.callee)",
          message: 'AST nodes carry no `parent`: ask the walk (`ctx.parent(node)`, a `ParentOf` function).',
        },
        {
          selector: "VariableDeclarator > ObjectPattern > Property[key.name='parent']",
          message: 'AST nodes carry no `parent`: ask the walk (`ctx.parent(node)`, a `ParentOf` function).',
        },
      ],
    },
  },
  {
    files: ['src/**'],
    ignores: ['src/cli/**'],
    rules: { 'no-console': 'error' },
  },
);
