import { parse } from '@ast-grep/napi';
import { describe, expect, it } from 'vitest';
import { traceInput, type LangId } from '../../../../src/static/lang/index.js';
import { loadLangRules } from '../../../../src/static/lang/load-lang-rules.js';

loadLangRules(); // registers the grammars

/** Traces the first argument of the first call to `sink(...)` in `src`. */
function traceSink(language: LangId, src: string): ReturnType<typeof traceInput> {
  const call = parse(language, src)
    .root()
    .findAll({ rule: { regex: '^sink\\(' } })
    .find((n) => /call|invocation/.test(String(n.kind())));
  if (!call) throw new Error('no sink call');
  const args = call.field('arguments' as never) as unknown as { children(): Array<{ isNamed(): boolean }> };
  return traceInput(language, args.children().find((c) => c.isNamed()) as never);
}

describe('traceInput', () => {
  it('sees a source in the value itself', () => {
    expect(traceSink('python', 'def f():\n    sink(request.form["q"])\n')).toEqual({ kind: 'tainted', source: '`request.form`' });
  });

  it('follows assignments a few steps back, in the same function only', () => {
    const src = 'def f():\n    q = request.args.get("q")\n    sql = "SELECT " + q\n    sink(sql)\n\ndef g():\n    sink(sql)\n';
    expect(traceSink('python', src)).toEqual({ kind: 'tainted', source: '`request.args`' });
    expect(traceSink('python', 'def g(sql):\n    sink(sql)\n')).toEqual({ kind: 'unknown' });
  });

  it('treats Flask and FastAPI route placeholders as input, but not typed int ones', () => {
    expect(traceSink('python', '@app.route("/f/<path:name>")\ndef f(name):\n    sink(name)\n')).toMatchObject({ kind: 'tainted' });
    expect(traceSink('python', '@app.get("/items/{item}")\ndef f(item):\n    sink(item)\n')).toMatchObject({ kind: 'tainted' });
    expect(traceSink('python', '@app.route("/f/<int:n>")\ndef f(n):\n    sink(n)\n')).toEqual({ kind: 'unknown' });
  });

  it('treats Spring request parameters as input', () => {
    const src = 'class C {\n  String f(@RequestParam String q) {\n    return sink(q);\n  }\n  String g(String q) {\n    return sink(q);\n  }\n}\n';
    expect(traceSink('java', src)).toEqual({ kind: 'tainted', source: 'the @RequestParam parameter `q`' });
  });

  it('follows Go short variable declarations with several targets', () => {
    const src = 'package p\nfunc h(r *http.Request) {\n\tid, ok := r.URL.Query()["id"]\n\tsink(id, ok)\n}\n';
    expect(traceSink('go', src)).toEqual({ kind: 'tainted', source: '`r.URL.Query()`' });
  });
});
