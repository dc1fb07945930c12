import type { SgNode } from '@ast-grep/napi';
import type { LangId } from './languages.js';

/** Where a sink's value comes from, as far as one function can tell. Constants never reach here (rules exclude them). */
export type InputVerdict = { kind: 'tainted'; source: string } | { kind: 'unknown' };

interface LangTrace {
  /** Expressions that read user input. */
  source: RegExp;
  /** Node kinds that bound the search for assignments. */
  functions: readonly string[];
  /** Assignment node kinds and the fields holding the target and the value. */
  assignments: ReadonlyArray<{ kind: string; target: string; value: string }>;
  /** Handler parameters that carry input: a route placeholder or an annotation naming the parameter. */
  parameterSource?: (fn: SgNode, name: string) => string | null;
}

const TRACE: Record<LangId, LangTrace> = {
  python: {
    source:
      /\b(?:request\.(?:args|form|values|json|data|files|cookies|headers|get_json|get_data|GET|POST|COOKIES|META|body|query_params|path_params)\b|sys\.argv\b|input\s*\(|event\s*\[|event\.get\s*\()/,
    functions: ['function_definition', 'lambda'],
    assignments: [
      { kind: 'assignment', target: 'left', value: 'right' },
      { kind: 'augmented_assignment', target: 'left', value: 'right' },
    ],
    parameterSource: (fn, name) => {
      // Flask `@app.route("/files/<path:name>")`, FastAPI `@app.get("/items/{name}")`; `<int:id>` is only digits.
      const decorated = fn.parent();
      if (decorated?.kind() !== 'decorated_definition') return null;
      const placeholder = new RegExp(`[<{](?:(?!int:|float:)\\w+:)?${escapeRegExp(name)}[>}]`);
      return decorated.children().some((d) => d.kind() === 'decorator' && placeholder.test(d.text())) ? `the route parameter \`${name}\`` : null;
    },
  },
  go: {
    source:
      /\b(?:(?:r|req|request)\.(?:URL\.Query\(\)|URL\.Path\b|URL\.RawQuery\b|FormValue\(|PostFormValue\(|Form\b|PostForm\b|Body\b|Header\.Get\(|Cookie\()|c\.(?:Query|DefaultQuery|Param|PostForm|GetHeader|FormValue|QueryParam)\(|mux\.Vars\(|os\.Args\b)/,
    functions: ['function_declaration', 'method_declaration', 'func_literal'],
    assignments: [
      { kind: 'short_var_declaration', target: 'left', value: 'right' },
      { kind: 'assignment_statement', target: 'left', value: 'right' },
      { kind: 'var_spec', target: 'name', value: 'value' },
    ],
  },
  java: {
    source:
      /\b(?:request|req|httpRequest|servletRequest)\.get(?:Parameter|ParameterValues|ParameterMap|Header|Headers|QueryString|InputStream|Reader|Cookies|PathInfo|RequestURI)\s*\(|\bargs\s*\[/,
    functions: ['method_declaration', 'constructor_declaration', 'lambda_expression'],
    assignments: [
      { kind: 'variable_declarator', target: 'name', value: 'value' },
      { kind: 'assignment_expression', target: 'left', value: 'right' },
    ],
    parameterSource: (fn, name) => {
      // Spring/JAX-RS handler parameters: `@RequestParam String name`, `@PathVariable("id") String id`.
      for (const p of fn.findAll({ rule: { kind: 'formal_parameter' } })) {
        if (p.field('name')?.text() !== name) continue;
        const m = /@(RequestParam|PathVariable|RequestBody|RequestHeader|CookieValue|QueryParam|PathParam|FormParam)\b/.exec(p.text());
        if (m) return `the @${m[1]} parameter \`${name}\``;
      }
      return null;
    },
  },
};

/** How many assignments deep to follow (`q = request.args["q"]; sql = "..." + q; cursor.execute(sql)` is two). */
const MAX_DEPTH = 4;

/**
 * Traces `value` to user input inside its enclosing function: a source expression in the value itself, in
 * the value assigned to a variable it reads (a few assignments deep), or a handler parameter bound to the
 * request. Anything else is `unknown`: not traced, which is not the same as safe.
 */
export function traceInput(language: LangId, value: SgNode): InputVerdict {
  const t = TRACE[language];
  const fn = value.ancestors().find((a) => t.functions.includes(String(a.kind()))) ?? null;
  const visited = new Set<string>();
  const source = sourceOf(t, fn, value, 0, visited);
  return source === null ? { kind: 'unknown' } : { kind: 'tainted', source };
}

function sourceOf(t: LangTrace, fn: SgNode | null, value: SgNode, depth: number, visited: Set<string>): string | null {
  const direct = t.source.exec(value.text());
  if (direct) return `\`${direct[0].replace(/\s*[([]$/, '')}\``;
  if (fn === null || depth >= MAX_DEPTH) return null;
  const names = value.kind() === 'identifier' ? [value] : value.findAll({ rule: { kind: 'identifier' } });
  for (const id of names.slice(0, 20)) {
    const name = id.text();
    if (visited.has(name)) continue;
    visited.add(name);
    const fromParameter = t.parameterSource?.(fn, name);
    if (fromParameter) return fromParameter;
    for (const a of t.assignments) {
      for (const node of fn.findAll({ rule: { kind: a.kind } })) {
        const target = node.field(a.target as never) as SgNode | null;
        const assigned = node.field(a.value as never) as SgNode | null;
        if (!target || !assigned || !assigns(target, name)) continue;
        const found = sourceOf(t, fn, assigned, depth + 1, visited);
        if (found) return found;
      }
    }
  }
  return null;
}

/** True when an assignment target is `name` or a list of targets that includes it (`rows, err := ...`). */
function assigns(target: SgNode, name: string): boolean {
  if (target.text() === name) return true;
  return target.children().some((c) => c.kind() === 'identifier' && c.text() === name);
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
