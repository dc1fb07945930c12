import type { TSESTree } from '@typescript-eslint/typescript-estree';
import type { RuleContext, StaticRule } from '../../rule.js';
import { calleeMethod, callTarget, receiverName } from '../../taint/call-target.js';
import { nodeText, replaceNodeText } from '../../taint/replace-node-text.js';
import { reportTaint } from '../../taint/report-taint.js';
import { toParameterizedQuery } from '../../taint/to-parameterized-query.js';

/** Methods that take raw SQL whatever the receiver: Prisma's unsafe raw queries, knex's `*Raw` builders. */
const ALWAYS_SQL = new Set(['$queryRawUnsafe', '$executeRawUnsafe', 'whereRaw', 'orWhereRaw', 'havingRaw', 'orderByRaw', 'groupByRaw', 'joinRaw', 'fromRaw']);
/** Methods that take raw SQL on a database-like receiver, or when the text reads as SQL. */
const QUERY_METHODS = new Set(['query', 'execute', 'raw', 'exec', 'prepare', 'run', 'all', 'unsafe']);
/** Every callee name the rule reads (the sinks and `require`), tested first with one lookup. */
const CALLS_READ = new Set(['require', ...ALWAYS_SQL, ...QUERY_METHODS]);
/** Receivers that are database handles: `pool`, `client`, `db`, `this.db`, `conn`, `knex`, `sequelize`, `AppDataSource`, `queryRunner`, ... */
const DB_RECEIVER = /(?:db|database|pool|client|conn|connection|knex|sequelize|prisma|tx|trx|transaction|manager|runner|datasource|sql|repository|repo|pg|mysql|sqlite)$/i;
const SQL_TEXT = /\b(?:select|insert|update|delete|create|drop|alter|truncate|where|from)\b/i;
const DRIVERS: ReadonlyMap<string, 'pg' | 'mysql' | 'knex'> = new Map([
  ['pg', 'pg'],
  ['pg-pool', 'pg'],
  ['mysql', 'mysql'],
  ['mysql2', 'mysql'],
  ['mysql2/promise', 'mysql'],
  ['knex', 'knex'],
]);
const FIX =
  'Pass values as parameters (`pool.query(\'... WHERE id = $1\', [id])`, `?` for MySQL and knex, Prisma\'s `$queryRaw` tagged template) and choose identifiers such as column names from an allow-list.';

/**
 * Raw SQL built from values that are not constants: pg/mysql/mysql2 `query`/`execute`, knex `raw` and
 * `*Raw`, `sequelize.query`, Prisma `$queryRawUnsafe`/`$executeRawUnsafe`, TypeORM `query`, better-sqlite3
 * `prepare`/`exec`. Tainted SQL is reported however it was built; SQL of unknown origin one grade lower when it
 * is built here by concatenation or a template, and `info` when it is a bare variable (usually a query written
 * elsewhere). Parameterised
 * queries and Prisma's `$queryRaw` tagged template are safe. Offers placeholders and a parameter array for
 * pg, mysql and knex when every value sits in a value position (see `toParameterizedQuery`).
 */
export const sqlInjection: StaticRule = {
  doc: {
    id: 'sql-injection',
    title: 'SQL injection',
    severity: 'critical',
    category: 'security',
    help:
      'SQL text built by concatenation or a template literal is parsed with the values in it, so a value ' +
      'containing a quote ends the string and adds SQL of its own (`\' OR 1=1 --`). Pass values as query ' +
      'parameters (`$1` for pg, `?` for mysql and knex, `replacements` for Sequelize, `$queryRaw` tagged ' +
      'templates for Prisma) and pick identifiers (table, column, sort order) from an allow-list.' +
      ' SQL assembled here from a value of unknown origin is reported one grade lower (confidence 0.55); a bare variable of unknown origin is listed at `info` (0.3).',
  },
  create(ctx) {
    // Made on the first driver import: most files import none.
    let drivers: Set<'pg' | 'mysql' | 'knex'> | null = null;
    const noteDriver = (module: unknown): void => {
      const d = typeof module === 'string' ? DRIVERS.get(module) : undefined;
      if (d !== undefined) (drivers ??= new Set()).add(d);
    };
    /** The work for a call whose name passed the handler's test (kept out of the handler: see `RuleVisitor`). */
    const onCall = (node: TSESTree.CallExpression): void => {
      const t = callTarget(node);
      if (t === null) return;
      if (t.method === 'require' && t.receiver === null) {
        const arg = node.arguments[0];
        if (arg?.type === 'Literal') noteDriver(arg.value);
        return;
      }
      const first = node.arguments[0];
      if (first === undefined || first.type === 'SpreadElement') return;
      const always = ALWAYS_SQL.has(t.method);
      if (!always && !(QUERY_METHODS.has(t.method) && t.receiver !== null)) return;
      // `Promise.all([...])`: an array literal is never SQL text (see below); spare the taint tracker the question.
      if (first.type === 'ArrayExpression') return;
      ctx.atEnd(() => {
        // pg and mysql also take a config object: its `text` (pg) or `sql` (mysql) is the SQL.
        const sql = queryText(ctx.taint.origin(first)) ?? first;
        if (sql.type === 'ObjectExpression' || sql.type === 'ArrayExpression') return;
        const shape = ctx.taint.origin(sql);
        const dbReceiver = always || DB_RECEIVER.test(receiverName(t.receiver) ?? '');
        if (!dbReceiver && !SQL_TEXT.test(constantText(shape))) return;
        const verdict = ctx.taint.of(sql, 'sql');
        if (verdict.kind === 'constant') return;
        const suggestion = drivers === null ? undefined : parameterized(ctx, node, t.method, drivers);
        reportTaint(ctx, {
          node,
          value: sql,
          verdict,
          sink: 'sql',
          reaches: `\`${t.method}()\` as SQL text`,
          impact: 'they can rewrite the query to read, change or delete any data the connection can reach',
          fix: FIX,
          // SQL assembled here from an unknown value is an injection risk; a bare variable is usually a query written elsewhere.
          unknown: isBuilt(shape) ? 'lower' : 'ambient',
          ...(suggestion === undefined ? {} : { suggestion }),
        });
      });
    };
    return {
      ImportDeclaration(node) {
        noteDriver(node.source.value);
      },
      CallExpression(node) {
        const name = calleeMethod(node);
        if (name === null || !CALLS_READ.has(name)) return;
        onCall(node);
      },
    };
  },
};

/** The `text`/`sql` property of a query config object literal, or null. */
function queryText(n: TSESTree.Node): TSESTree.Node | null {
  if (n.type !== 'ObjectExpression') return null;
  for (const p of n.properties) {
    if (p.type === 'Property' && !p.computed && p.key.type === 'Identifier' && (p.key.name === 'text' || p.key.name === 'sql')) return p.value;
  }
  return n;
}

/** SQL assembled in code: a template with values, a concatenation, `.concat(...)`/`.join(...)`. */
function isBuilt(n: TSESTree.Node): boolean {
  if (n.type === 'TemplateLiteral') return n.expressions.length > 0;
  if (n.type === 'BinaryExpression') return n.operator === '+';
  if (n.type === 'CallExpression') {
    const t = callTarget(n);
    return t !== null && (t.method === 'concat' || t.method === 'join' || t.method === 'format');
  }
  return false;
}

/** The constant text of a template or concatenation, to tell SQL from other strings. */
function constantText(n: TSESTree.Node): string {
  if (n.type === 'TemplateLiteral') return n.quasis.map((q) => q.value.cooked ?? '').join(' ');
  if (n.type === 'Literal') return typeof n.value === 'string' ? n.value : '';
  if (n.type === 'BinaryExpression' && n.operator === '+') return `${constantText(n.left)} ${constantText(n.right)}`;
  return '';
}

/** `pool.query(\`... ${x}\`)` as `pool.query(\`... $1\`, [x])` for pg, mysql and knex, when exact. */
function parameterized(ctx: RuleContext, node: TSESTree.CallExpression, method: string, drivers: ReadonlySet<string>): string | undefined {
  if (drivers.size !== 1) return undefined;
  const driver = [...drivers][0]!;
  const fits = driver === 'knex' ? method === 'raw' : method === 'query' || (driver === 'mysql' && method === 'execute');
  const [sql, second, ...more] = node.arguments;
  if (!fits || sql?.type !== 'TemplateLiteral' || more.length > 0) return undefined;
  // mysql's callback style: query(sql, values, callback).
  const callback = second === undefined ? null : driver === 'mysql' && (second.type === 'ArrowFunctionExpression' || second.type === 'FunctionExpression') ? second : undefined;
  if (callback === undefined) return undefined;
  const rewritten = toParameterizedQuery(sql, driver === 'pg' ? 'dollar' : 'question', (e) => nodeText(ctx.lines, e));
  if (rewritten === null) return undefined;
  const args = [rewritten.sql, `[${rewritten.params.join(', ')}]`, ...(callback === null ? [] : [nodeText(ctx.lines, callback)])];
  return replaceNodeText(ctx.lines, node, node, `${nodeText(ctx.lines, node.callee)}(${args.join(', ')})`);
}
