import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { unwrap } from '../ast-helpers.js';
import type { ParentOf } from '../traverse.js';
import { isFunctionNode, type Binding, type FunctionNode } from './binding.js';
import { createMemo, createSolver } from './create-solver.js';
import { CONSTANT, UNKNOWN, joinFacts, paramFact, sanitizeFact, sinkMask, taintedFact, withoutParams, type Fact } from './fact.js';
import { createBindingFinder } from './find-binding.js';
import { globalInput, roleInput } from './input-sources.js';
import { paramRole } from './param-role.js';
import { memberKey, propName, sourceText } from './member-key.js';
import type { FileFacts } from './record-facts.js';
import { resolveCall, resolveNew, resolveTagged } from './resolve-call.js';
import type { ParamRole } from './types.js';

/** The resolver's view of the file: what `resolveCall` and the query need from it. */
export interface Resolver {
  /** What flows into `node` (symbolic parameters left open). */
  fact(node: TSESTree.Node): Fact;
  /** What flows into `base` read at `path` (`req` at `['query', 'id']`). */
  access(base: TSESTree.Node, path: readonly string[], depth?: number): Fact;
  /** `fact` with every parameter replaced by what its call sites pass (and unknown for callers not seen). */
  close(fact: Fact): Fact;
  /** The declared binding an identifier refers to (null for globals). */
  find(id: TSESTree.Identifier): Binding | null;
  /** The role of a binding that is a handler parameter (read at its own path), or null. */
  role(binding: Binding): ParamRole | null;
  /** The local functions a callee refers to; null when it is anything else. */
  callees(callee: TSESTree.Node): FunctionNode[] | null;
  /** What `fn` returns, with its parameters symbolic. */
  summary(fn: FunctionNode): Fact;
  /** The result of calling local `fn` with `args`. */
  apply(fn: FunctionNode, args: readonly TSESTree.CallExpressionArgument[]): Fact;
}

const STRING = sinkMask('nosql');
const NUMERIC_PROPS = new Set(['length', 'size', 'byteLength']);
const MAX_ALIAS_DEPTH = 32;

/**
 * The query half of the taint tracker (`applied`: how many pending assignments an earlier resolver already
 * attached): resolves facts lazily, on demand, from what the traversal recorded.
 * Every expression, binding, function summary and closed parameter is computed once (once per round inside
 * a cycle: see `createSolver`); nothing walks the AST again except the parents of a queried identifier.
 */
export function createResolver(facts: FileFacts, parent: ParentOf, applied = 0): Resolver {
  const solve = createSolver();
  const nodeMemo = createMemo<TSESTree.Node>();
  const bindingMemo = createMemo<Binding>();
  const summaryMemo = createMemo<FunctionNode>();
  const closedMemo = createMemo<Binding>();
  const finder = createBindingFinder(facts, parent);
  let callSites: Map<FunctionNode, TSESTree.CallExpression[]> | null = null;

  // Assignments attach to their binding now that every declaration is known (pending[0..applied) already are).
  for (const { target, def } of facts.pending.slice(applied)) (finder.find(target) ?? finder.global(target.name, true)!).defs.push(def);

  const r: Resolver = {
    fact: (node) => solve(nodeMemo, node, () => compute(unwrap(node))),
    access,
    close,
    find: (id) => finder.find(id),
    role: (b) => (b.kind === 'param' && b.fn !== undefined ? paramRole(b.fn, b.index ?? 0, b.path?.length === 0 && !b.rest ? b.name : null, parent) : null),
    callees,
    summary: (fn) =>
      solve(summaryMemo, fn, () => {
        if (fn.generator) return UNKNOWN;
        if (fn.body.type !== 'BlockStatement') return r.fact(fn.body);
        return joinAll(facts.returns.get(fn) ?? []);
      }),
    apply,
  };

  function joinAll(nodes: readonly (TSESTree.Node | null)[]): Fact {
    let f = CONSTANT;
    for (const n of nodes) if (n !== null) f = joinFacts(f, r.fact(n));
    return f;
  }

  function compute(n: TSESTree.Node): Fact {
    switch (n.type) {
      case 'Literal':
      case 'FunctionExpression':
      case 'ArrowFunctionExpression':
      case 'ClassExpression':
      case 'UnaryExpression':
      case 'UpdateExpression':
      case 'JSXElement':
      case 'JSXFragment':
        return CONSTANT;
      case 'TemplateLiteral':
        return sanitizeFact(joinAll(n.expressions), STRING);
      case 'BinaryExpression':
        return n.operator === '+' ? sanitizeFact(concatenation(n), STRING) : CONSTANT;
      case 'LogicalExpression':
        return joinFacts(r.fact(n.left), r.fact(n.right));
      case 'ConditionalExpression':
        return joinFacts(r.fact(n.consequent), r.fact(n.alternate));
      case 'AwaitExpression':
        return r.fact(n.argument);
      case 'SequenceExpression':
        return r.fact(n.expressions[n.expressions.length - 1]!);
      case 'AssignmentExpression':
        if (n.operator === '=') return r.fact(n.right);
        if (n.operator === '+=') return sanitizeFact(joinFacts(r.fact(n.left), r.fact(n.right)), STRING);
        return n.operator === '||=' || n.operator === '&&=' || n.operator === '??=' ? joinFacts(r.fact(n.left), r.fact(n.right)) : CONSTANT;
      case 'ObjectExpression':
        return joinAll(n.properties.map((p) => (p.type === 'Property' ? p.value : p.argument)));
      case 'ArrayExpression':
        return joinAll(n.elements.map((e) => (e === null ? null : e.type === 'SpreadElement' ? e.argument : e)));
      case 'SpreadElement':
        return r.fact(n.argument);
      case 'ChainExpression':
        return r.fact(n.expression);
      case 'Identifier':
        return identifier(n);
      case 'MemberExpression': {
        const props: string[] = [];
        let base: TSESTree.Node = n;
        while (base.type === 'MemberExpression') {
          props.push(memberKey(base));
          base = unwrap(base.object);
        }
        return access(base, props.reverse());
      }
      case 'CallExpression':
        return resolveCall(r, n);
      case 'NewExpression':
        return resolveNew(r, n);
      case 'TaggedTemplateExpression':
        return resolveTagged(r, n);
      default:
        return UNKNOWN;
    }
  }

  /** `a + b + c + ...` is left-deep: walk the spine in a loop so long concatenations do not nest the solver. */
  function concatenation(n: TSESTree.BinaryExpression): Fact {
    let f = CONSTANT;
    let cur: TSESTree.Node = n;
    while (cur.type === 'BinaryExpression' && cur.operator === '+') {
      f = joinFacts(f, r.fact(cur.right));
      cur = cur.left;
    }
    return joinFacts(f, r.fact(cur));
  }

  function identifier(id: TSESTree.Identifier): Fact {
    const b = finder.find(id);
    if (b !== null) return bindingFact(b);
    if (id.name === 'undefined' || id.name === 'NaN' || id.name === 'Infinity') return CONSTANT;
    const input = globalInput(id.name, []);
    if (input !== null) return taintedFact(input.source, input.safe);
    const g = finder.global(id.name, false);
    return g === null ? UNKNOWN : bindingFact(g);
  }

  function bindingFact(b: Binding): Fact {
    return solve(bindingMemo, b, () => {
      switch (b.kind) {
        case 'function':
        case 'class':
          return CONSTANT;
        case 'import':
        case 'catch':
          return UNKNOWN;
        case 'param': {
          const role = r.role(b);
          // A handler's request as a whole is not input (only its fields are); its default values still flow.
          const path = b.path ?? [];
          let f = role !== null ? roleFact(role, path.length > 0 ? '' : b.name, path) : paramFact(b);
          for (const d of b.defs) f = joinFacts(f, defFact(d.expr, d.path, 0));
          return f;
        }
        case 'global': {
          let f = UNKNOWN;
          for (const d of b.defs) f = joinFacts(f, defFact(d.expr, d.path, 0));
          return f;
        }
        default: {
          let f = CONSTANT;
          for (const d of b.defs) f = joinFacts(f, defFact(d.expr, d.path, 0));
          return f;
        }
      }
    });
  }

  function defFact(expr: TSESTree.Node, path: readonly string[], depth: number): Fact {
    return path.length === 0 ? r.fact(expr) : access(expr, path, depth);
  }

  /** Input read from a handler parameter at `path` (from its own pattern path onwards), or unknown. */
  function roleFact(role: ParamRole, name: string, path: readonly string[]): Fact {
    const safe = roleInput(role, path);
    if (safe === null) return UNKNOWN;
    return taintedFact(sourceText(name, path), safe);
  }

  function access(base: TSESTree.Node, path: readonly string[], depth = 0): Fact {
    const n = unwrap(base);
    if (path.length === 0) return r.fact(n);
    if (depth > MAX_ALIAS_DEPTH) return UNKNOWN;
    if (NUMERIC_PROPS.has(path[path.length - 1]!)) return CONSTANT;
    if (n.type === 'Identifier') {
      const b = finder.find(n);
      if (b === null) {
        const input = globalInput(n.name, path);
        if (input !== null) return taintedFact(input.source, input.safe);
        const g = finder.global(n.name, false);
        return g === null ? UNKNOWN : bindingFact(g);
      }
      if (b.kind === 'param') {
        const role = r.role(b);
        const own = b.path ?? [];
        const full = [...own, ...path];
        if (role !== null && roleInput(role, full) !== null) return roleFact(role, own.length > 0 ? '' : b.name, full);
        return bindingFact(b);
      }
      // An alias (`const q = req.query`, `const { query } = req`, `const r = useRouter()`) is read through.
      if ((b.kind === 'const' || b.kind === 'let' || b.kind === 'var') && b.defs.length === 1) {
        const d = b.defs[0]!;
        return access(d.expr, [...d.path, ...path], depth + 1);
      }
      return bindingFact(b);
    }
    if (n.type === 'ObjectExpression') {
      // A literal read at a known key: only that property flows (a spread or a computed key may hide it).
      const key = path[0]!;
      let found: TSESTree.Node | null = null;
      for (const p of n.properties) {
        if (p.type !== 'Property' || p.computed) return r.fact(n);
        if (propName(p.key) === key) found = p.value;
      }
      return found === null ? CONSTANT : access(found, path.slice(1), depth + 1);
    }
    if (n.type === 'CallExpression' && n.callee.type === 'Identifier' && n.callee.name === 'useRouter' && (path[0] === 'query' || path[0] === 'asPath')) {
      return taintedFact(`useRouter().${path[0]}`);
    }
    if (n.type === 'MemberExpression') {
      const props: string[] = [];
      let inner: TSESTree.Node = n;
      while (inner.type === 'MemberExpression') {
        props.push(memberKey(inner));
        inner = unwrap(inner.object);
      }
      return access(inner, [...props.reverse(), ...path], depth + 1);
    }
    return r.fact(n);
  }

  function callees(callee: TSESTree.Node): FunctionNode[] | null {
    const n = unwrap(callee);
    if (n.type === 'FunctionExpression' || n.type === 'ArrowFunctionExpression') return [n];
    if (n.type !== 'Identifier') return null;
    const b = finder.find(n);
    if (b === null || b.kind === 'param' || b.kind === 'import' || b.defs.length === 0) return null;
    const fns: FunctionNode[] = [];
    for (const d of b.defs) {
      const e = unwrap(d.expr);
      if (d.path.length > 0 || !isFunctionNode(e)) return null;
      fns.push(e);
    }
    return fns;
  }

  function apply(fn: FunctionNode, args: readonly TSESTree.CallExpressionArgument[]): Fact {
    const s = r.summary(fn);
    if (s.params === null) return s;
    let f = withoutParams(s);
    for (const [p, safe] of s.params) f = joinFacts(f, sanitizeFact(p.fn === fn ? argumentFact(p, args) : paramFact(p), safe));
    return f;
  }

  function argumentFact(p: Binding, args: readonly TSESTree.CallExpressionArgument[]): Fact {
    const index = p.index ?? 0;
    const spread = args.slice(0, index + 1).some((a) => a.type === 'SpreadElement');
    if (p.rest || spread) return joinAll(args.slice(spread ? 0 : index));
    const a = args[index];
    if (a === undefined) return CONSTANT;
    return p.path !== undefined && p.path.length > 0 ? access(a, p.path) : r.fact(a);
  }

  function close(f: Fact): Fact {
    if (f.params === null) return f;
    let out = withoutParams(f);
    for (const [p, safe] of f.params) out = joinFacts(out, sanitizeFact(closedParam(p), safe));
    return out;
  }

  /** A parameter is unknown (callers we cannot see) joined with whatever the file's own calls pass. */
  function closedParam(p: Binding): Fact {
    return solve(closedMemo, p, () => {
      let f = UNKNOWN;
      for (const call of sitesOf(p.fn!)) f = joinFacts(f, close(argumentFact(p, call.arguments)));
      return f;
    });
  }

  function sitesOf(fn: FunctionNode): readonly TSESTree.CallExpression[] {
    if (callSites === null) {
      callSites = new Map();
      for (const call of facts.namedCalls) {
        for (const target of callees(call.callee) ?? []) {
          const list = callSites.get(target);
          if (list === undefined) callSites.set(target, [call]);
          else list.push(call);
        }
      }
    }
    return callSites.get(fn) ?? [];
  }

  return r;
}
