import type { TSESTree } from '@typescript-eslint/typescript-estree';

/** Characters a shell treats specially: a command using any of them needs a shell, so it is not rewritten. */
const SHELL_SYNTAX = /[|&;<>()$`\\"'*?~#!{}[\]\n\r]/;

/**
 * Splits a command template into a program and an argument list for `execFile`, as source text:
 * `` `git log -n 5 ${branch}` `` gives `'git'` and `['log', '-n', '5', branch]`. Only when that is exact:
 * the program is a constant word, the constant text has no shell syntax (quotes, `$`, globs, pipes,
 * redirections, `VAR=x` prefixes), and every `${...}` is a whole word, bare or wrapped in matching quotes
 * (`"${file}"`). Then the only change is that each value becomes one argument, never shell syntax, which
 * is the point. Null otherwise.
 */
export function toExecFile(template: TSESTree.TemplateLiteral, textOf: (e: TSESTree.Node) => string): { file: string; args: string[] } | null {
  const words: string[] = [];
  let closingQuote = '';
  let firstIsConstant = true;
  for (let i = 0; i < template.quasis.length; i++) {
    let text = template.quasis[i]!.value.cooked;
    if (text === null) return null;
    if (i > 0) {
      if (!text.startsWith(closingQuote)) return null;
      text = text.slice(closingQuote.length);
      // The value must end its word.
      if (text !== '' && !/^\s/.test(text)) return null;
    }
    const expr = template.expressions[i];
    closingQuote = '';
    if (expr !== undefined) {
      // The value must start its word, optionally inside a pair of quotes.
      const m = /(^|\s)(["']?)$/.exec(text);
      // Two values with nothing between them (`${a}${b}`) are one shell word.
      if (m === null || (i > 0 && text === '')) return null;
      closingQuote = m[2]!;
      text = text.slice(0, text.length - closingQuote.length);
    }
    if (SHELL_SYNTAX.test(text)) return null;
    for (const w of text.split(/\s+/)) if (w !== '') words.push(`'${w}'`);
    if (expr !== undefined) {
      if (words.length === 0) firstIsConstant = false;
      words.push(textOf(expr));
    }
  }
  const [file, ...args] = words;
  if (file === undefined || !firstIsConstant || file.includes('=')) return null;
  return { file, args };
}
