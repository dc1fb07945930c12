import { parse, type TSESTree } from '@typescript-eslint/typescript-estree';
import { simpleTraverse } from '@typescript-eslint/typescript-estree';
import { describe, expect, it } from 'vitest';
import { astParseOptions } from '../../../src/static/analyze-file.js';
import { visitorKeys } from '@typescript-eslint/visitor-keys';
import { addHandler, createHandlerTable, createWalk, SPECIALISED, type ParentOf } from '../../../src/static/traverse.js';

const CODE = [
  "import { a } from 'a';",
  'const o = { a, b: [1, , a], ...rest };',
  'export default class C<T> extends Base { @dec m(@p x = 1, { y } = {}) { return <div>{x}</div>; } }',
  'label: for (const [k, v] of Object.entries(o)) if (k) { try { f`t${v}`; } catch { } } else break label;',
  'type U = { [K in keyof T]: T[K] } | (() => void);',
].join('\n');

/** Every node of `ast` with its parent as typescript-estree's own traversal sets it. */
function expectedParents(code: string): Array<[TSESTree.Node, TSESTree.Node | undefined]> {
  const ast = parse(code, astParseOptions('x.tsx'));
  const pairs: Array<[TSESTree.Node, TSESTree.Node | undefined]> = [];
  simpleTraverse(ast, { enter: (node, parent) => pairs.push([node, parent]) });
  return pairs;
}

describe('createWalk', () => {
  it('answers the parent of every node while it is visited, the same as the parser library does', () => {
    const ast = parse(CODE, astParseOptions('x.tsx'));
    const walk = createWalk(ast);
    const seen: Array<[string, string | undefined]> = [];
    walk.run(createHandlerTable(), (node) => seen.push([node.type, walk.parent(node)?.type]), () => undefined);
    const expected = expectedParents(CODE).map(([n, p]) => [n.type, p?.type]);
    expect(seen).toEqual(expected);
    expect(seen.length).toBeGreaterThan(80);
  });

  it('answers for any node after the walk, by descending the ranges, including nodes that share a range', () => {
    const ast = parse(CODE, astParseOptions('x.tsx'));
    const walk = createWalk(ast);
    const nodes: TSESTree.Node[] = [];
    walk.run(createHandlerTable(), (node) => nodes.push(node), () => undefined);
    const expected = new Map<TSESTree.Node, TSESTree.Node | undefined>();
    simpleTraverse(ast, { enter: (node, parent) => expected.set(node, parent) });
    // Reverse document order, so each answer needs a fresh path rather than the last one.
    for (const node of [...nodes].reverse()) expect(walk.parent(node)).toBe(expected.get(node));
    // `{ a }`: the shorthand property's key and value are two nodes with the same range.
    const shorthand = nodes.find((n): n is TSESTree.Property => n.type === 'Property' && n.shorthand)!;
    expect(shorthand.key).not.toBe(shorthand.value);
    expect(walk.parent(shorthand.value)).toBe(shorthand);
    expect(walk.parent(shorthand.key)).toBe(shorthand);
  });

  it('answers in wide lists (a bundle-sized top level, arrays with holes, long argument lists) as the parser library does', () => {
    const code = [
      ...Array.from({ length: 300 }, (_, i) => `var v${i} = f(${i}, [${i}, , 2, 3, 4, 5, 6, 7, 8, 9], { a: ${i}, b, c, d, e, f, g, h, i });`),
      'call(a1, a2, a3, a4, a5, a6, a7, a8, a9, a10, (x) => { for (;;) { if (x) { return x; } } });',
    ].join('\n');
    const ast = parse(code, astParseOptions('bundle.js'));
    const walk = createWalk(ast);
    const nodes: TSESTree.Node[] = [];
    walk.run(createHandlerTable(), (node) => nodes.push(node), () => undefined);
    const expected = new Map<TSESTree.Node, TSESTree.Node | undefined>();
    simpleTraverse(ast, { enter: (node, parent) => expected.set(node, parent) });
    // Every third node, from the end backwards: each question starts a new path far from the last one.
    const asked = [...nodes].reverse().filter((_, i) => i % 3 === 0);
    expect(asked.length).toBeGreaterThan(3000);
    for (const node of asked) expect(walk.parent(node)).toBe(expected.get(node));
  });

  it('answers for nodes off the current path during the walk, and walking up from them reaches the root', () => {
    const ast = parse(CODE, astParseOptions('x.tsx'));
    const walk = createWalk(ast);
    let asked: Array<string | undefined> = [];
    const table = createHandlerTable();
    walk.run(
      table,
      (node) => {
        // From inside the class, ask about the first statement's import specifier (already left).
        if (node.type === 'ReturnStatement') asked = chain(walk.parent, (ast.body[0] as TSESTree.ImportDeclaration).specifiers[0]!);
      },
      () => undefined,
    );
    expect(asked).toEqual(['ImportDeclaration', 'Program', undefined]);
  });

  it('gives undefined for the root and for a node of another file', () => {
    const ast = parse(CODE, astParseOptions('x.tsx'));
    const other = parse('let z = 1;', astParseOptions('y.ts'));
    const walk = createWalk(ast);
    expect(walk.parent(ast)).toBeUndefined();
    expect(walk.parent(other.body[0]!)).toBeUndefined();
  });

  it('writes nothing on the nodes', () => {
    const ast = parse(CODE, astParseOptions('x.tsx'));
    const walk = createWalk(ast);
    let withParent = 0;
    walk.run(createHandlerTable(), (node) => void (Object.hasOwn(node, 'parent') && withParent++), () => undefined);
    expect(withParent).toBe(0);
  });
});

/** Code with every node type the walk reads by name, and then some (decorators, typed parameters, holes, JSX). */
const EVERY_KIND = [
  CODE,
  'async function* g<T>(this: Window, a?: T, ...rest: T[]): AsyncGenerator<T> { yield* rest; await a!; throw new Error(`x ${a as string}`); }',
  'const h = (x: number): number => (x > 1 ? -x : x++ || x ?? ~x), o2 = { ...o, [k]: v, m() { return this; } };',
  'a?.b?.(c)[d]; new Foo<string>(1, ...xs); x = y += z; if (!a) b(); else { c(); }',
  'class D { @dec() p: Map<string, ns.T> = new Map(); static { init(); } constructor(private readonly q: string) { super.x; } }',
  'const el = <Comp a="1" {...p}>{cond && <b>{t}</b>}</Comp>; label2: while (i--) { if (i) continue label2; }',
].join('\n');

describe('createWalk without hooks', () => {
  it('reads the same keys as the installed visitor keys for the node types it names itself', () => {
    expect(SPECIALISED).toBe(true);
  });

  it('visits every node in the parser library\'s order when every type has a handler', () => {
    const ast = parse(EVERY_KIND, astParseOptions('x.tsx'));
    const table = createHandlerTable();
    const seen: TSESTree.Node[] = [];
    for (const type of Object.keys(visitorKeys)) addHandler(table, type, false, (node) => seen.push(node));
    createWalk(ast).run(table);
    const expected: TSESTree.Node[] = [];
    simpleTraverse(ast, { enter: (node) => expected.push(node) });
    expect(seen.length).toBe(expected.length);
    expect(seen.every((node, i) => node === expected[i])).toBe(true);
  });

  it('passes over leaves no handler wants, and still visits what is below an identifier with a type', () => {
    const ast = parse(EVERY_KIND, astParseOptions('x.tsx'));
    const leaves = new Set(['Identifier', 'Literal', 'ThisExpression', 'TemplateElement', 'Super', 'TSStringKeyword', 'TSNumberKeyword']);
    const table = createHandlerTable();
    const seen: TSESTree.Node[] = [];
    for (const type of Object.keys(visitorKeys)) if (!leaves.has(type)) addHandler(table, type, false, (node) => seen.push(node));
    createWalk(ast).run(table);
    const expected: TSESTree.Node[] = [];
    simpleTraverse(ast, { enter: (node) => void (leaves.has(node.type) || expected.push(node)) });
    expect(seen.map((n) => n.type)).toEqual(expected.map((n) => n.type));
    // `a?: T` and `x: number`: the annotations of parameters are below identifiers, and were visited.
    expect(seen.filter((n) => n.type === 'TSTypeAnnotation').length).toBeGreaterThan(4);
    // A handler on exit only makes the type visited too.
    const exits: string[] = [];
    const onExit = createHandlerTable();
    addHandler(onExit, 'ThisExpression', true, (node) => exits.push(node.type));
    createWalk(ast).run(onExit);
    expect(exits).toEqual(['ThisExpression']);
  });
});

function chain(parent: ParentOf, from: TSESTree.Node): Array<string | undefined> {
  const out: Array<string | undefined> = [];
  for (let n = parent(from); ; n = parent(n)) {
    out.push(n?.type);
    if (n === undefined) return out;
  }
}
