import type { TSESTree } from '@typescript-eslint/typescript-estree';

/** Text before a value that makes it a value (not an identifier or SQL fragment): a comparison, LIKE, LIMIT. */
const VALUE_BEFORE = /(?:=|<>|!=|<=|>=|<|>|\blike|\bilike|\blimit|\boffset)\s*$/i;
/** Text a value may be followed by. */
const VALUE_AFTER = /^(?:\s|\)|,|;|::|$)/;

/**
 * Rewrites a query template into placeholders and a parameter list, as source text:
 * `` `SELECT * FROM users WHERE name = '${name}' AND age > ${age}` `` gives
 * `` `SELECT * FROM users WHERE name = $1 AND age > $2` `` and `[name, age]` (`?` placeholders for MySQL and
 * knex). Only when that is exact: every `${...}` stands in a value position (after `=`, `<>`, `<`, `>`,
 * `LIKE`, `LIMIT`, `OFFSET`), bare or as a whole single-quoted string (whose quotes the placeholder replaces),
 * and the template has no placeholders of its own. Null otherwise (identifiers, fragments, `'%${q}%'`).
 */
export function toParameterizedQuery(
  template: TSESTree.TemplateLiteral,
  style: 'dollar' | 'question',
  textOf: (e: TSESTree.Node) => string,
): { sql: string; params: string[] } | null {
  const raws = template.quasis.map((q) => q.value.raw);
  if (raws.some((r) => (style === 'dollar' ? /\$\d/.test(r) : r.includes('?')))) return null;
  let out = '';
  const params: string[] = [];
  let openQuote = false;
  for (let i = 0; i < raws.length; i++) {
    let piece = raws[i]!;
    if (openQuote) piece = piece.slice(1);
    const expr = template.expressions[i];
    if (expr === undefined) {
      out += piece;
      break;
    }
    const next = raws[i + 1]!;
    openQuote = piece.endsWith("'") && next.startsWith("'");
    if (openQuote) piece = piece.slice(0, -1);
    if (!VALUE_BEFORE.test(out + piece) || !VALUE_AFTER.test(openQuote ? next.slice(1) : next)) return null;
    params.push(textOf(expr));
    out += piece + (style === 'dollar' ? `$${params.length}` : '?');
  }
  return { sql: `\`${out}\``, params };
}
