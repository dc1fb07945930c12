import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { calleeName, lastSegment } from '../../ast-helpers.js';
import type { ParentOf } from '../../traverse.js';

/** A database call recognised by its shape, and how to batch it. */
export interface QueryCall {
  /** The library as a reader knows it: `Prisma`, `Sequelize`, `Mongoose`, `TypeORM`, `knex`, `SQL driver`. */
  library: string;
  /** The call as written, for the message: `prisma.user.findUnique`, `User.findByPk`, `db.query`. */
  call: string;
  /** One batched replacement, in that library's terms. */
  batched: string;
}

/** Prisma model methods that exist nowhere else. */
const PRISMA_ONLY = new Set(['findUnique', 'findUniqueOrThrow', 'findFirst', 'findFirstOrThrow']);
/** Prisma model reads that also exist elsewhere: only on a client named like one (`prisma`, `db`, `ctx.db`). */
const PRISMA_SHARED = new Set(['findMany', 'count', 'aggregate', 'groupBy']);
const SEQUELIZE = new Set(['findByPk', 'findAll', 'findAndCountAll']);
const MONGOOSE = new Set(['findById', 'find', 'findOne']);
/** TypeORM repository methods that exist nowhere else. */
const TYPEORM_ONLY = new Set(['findOneBy', 'findBy', 'findOneByOrFail', 'findOneOrFail', 'findAndCountBy']);
const TYPEORM_SHARED = new Set(['findOne', 'find', 'count', 'findAndCount']);
const KNEX_READS = new Set(['where', 'whereIn', 'andWhere', 'first', 'select', 'pluck']);
const SQL_RECEIVERS = /^(?:db|pool|client|conn|connection|pgPool|pgClient|mysql|database)$/;
/** Every method name `queryCallOf` recognises; the other calls it knows are `knex(...)` and `db(...)`. */
export const QUERY_METHODS: ReadonlySet<string> = new Set([...PRISMA_ONLY, ...PRISMA_SHARED, ...SEQUELIZE, ...MONGOOSE, ...TYPEORM_ONLY, ...TYPEORM_SHARED, 'query', 'execute']);
/** Receivers whose `find`/`findOne` are not database calls. */
const BUILTINS = new Set(['Array', 'Object', 'Promise', 'Reflect', 'Math', 'JSON', 'Number', 'String', 'Date', 'Map', 'Set', 'Buffer', 'URL', 'Intl', 'Symbol', 'BigInt', 'RegExp', 'Error']);

/**
 * Recognises one database read or driver call: Prisma `prisma.user.findUnique`, Sequelize `User.findByPk`,
 * Mongoose `User.findById`, TypeORM `repo.findOneBy`, knex `knex('users').where(...)` (reported on `knex('users')`),
 * and `db.query` / `pool.query` / `client.query` / `connection.execute`. Null for anything else.
 */
export function queryCallOf(node: TSESTree.CallExpression, parentOf: ParentOf): QueryCall | null {
  const callee = node.callee;
  if (callee.type === 'Identifier') return knexRoot(node, callee.name, parentOf);
  if (callee.type !== 'MemberExpression' || callee.computed || callee.property.type !== 'Identifier') return null;
  const method = callee.property.name;
  if (!QUERY_METHODS.has(method)) return null;
  const receiverNode = callee.object;
  if (receiverNode.type === 'CallExpression') {
    // getRepository(User).findOne(...) / dataSource.getRepository(User).findOneBy(...)
    const inner = calleeName(receiverNode.callee);
    if (inner !== null && lastSegment(inner) === 'getRepository' && (TYPEORM_ONLY.has(method) || TYPEORM_SHARED.has(method)))
      return typeorm(`${inner}(...).${method}`);
    return null;
  }
  const receiver = calleeName(receiverNode);
  if (receiver === null) return null;
  const call = `${receiver}.${method}`;
  const last = lastSegment(receiver);
  const client = receiver.includes('.') ? lastSegment(receiver.slice(0, receiver.lastIndexOf('.'))) : null;

  if (PRISMA_ONLY.has(method) && client !== null) return prisma(call);
  if (PRISMA_SHARED.has(method) && client !== null && /prisma|^db$/i.test(client)) return prisma(call);
  if (TYPEORM_ONLY.has(method)) return typeorm(call);
  if (TYPEORM_SHARED.has(method) && /(?:repo|repository)$|^(?:manager|entityManager|em)$/i.test(last)) return typeorm(call);
  const model = /^[A-Z][A-Za-z0-9]*$/.test(last) && !BUILTINS.has(last) && last.toUpperCase() !== last;
  if (SEQUELIZE.has(method) && model) {
    return { library: 'Sequelize', call, batched: `\`${last}.findAll({ where: { id: ids } })\` (Sequelize turns an array into \`IN\`)` };
  }
  if (MONGOOSE.has(method) && (model || /Model$/.test(last))) {
    return { library: 'Mongoose or Sequelize', call, batched: `\`${last}.find({ _id: { $in: ids } })\` (Mongoose) or \`${last}.findAll({ where: { id: ids } })\` (Sequelize)` };
  }
  if ((method === 'query' || method === 'execute') && SQL_RECEIVERS.test(last)) {
    return { library: 'SQL driver', call, batched: '`WHERE id = ANY($1)` with an array of keys (pg) or `WHERE id IN (?)` (mysql2)' };
  }
  return null;
}

function prisma(call: string): QueryCall {
  return { library: 'Prisma', call, batched: '`findMany({ where: { id: { in: ids } } })`, or an `include` on the query that produced the list' };
}

function typeorm(call: string): QueryCall {
  return { library: 'TypeORM', call, batched: '`findBy({ id: In(ids) })`, or a relation join on the query that produced the list' };
}

/** `knex('users').where(...)`: the builder root, when a read follows it. */
function knexRoot(node: TSESTree.CallExpression, name: string, parentOf: ParentOf): QueryCall | null {
  if (name !== 'knex' && name !== 'db') return null;
  const table = node.arguments[0];
  if (table?.type !== 'Literal' || typeof table.value !== 'string') return null;
  const parent = parentOf(node);
  if (parent?.type !== 'MemberExpression' || parent.object !== node || parent.property.type !== 'Identifier') return null;
  if (!KNEX_READS.has(parent.property.name)) return null;
  return { library: 'knex', call: `${name}('${table.value}').${parent.property.name}`, batched: "`whereIn('id', ids)`" };
}
