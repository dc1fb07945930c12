import { describe, expect, it } from 'vitest';
import { linesOf, runRule } from './run-rule.js';

const rule = 'assignment-in-condition';

describe('assignment-in-condition', () => {
  it('offers `===` when a constant is assigned: the condition could never vary', () => {
    const [f] = runRule(rule, 'if (user.role = "admin") {\n  grant();\n}');
    expect(f).toMatchObject({ line: 1, endLine: 1, severity: 'medium', confidence: 0.95, suggestion: 'if (user.role === "admin") {' });
    expect(f!.message).toContain('always true');
    expect(runRule(rule, 'while (retries = 0) tick();')[0]).toMatchObject({ suggestion: 'while (retries === 0) tick();' });
    expect(runRule(rule, 'const v = (mode = `dark`) ? 1 : 2;')[0]).toMatchObject({ suggestion: 'const v = (mode === `dark`) ? 1 : 2;' });
  });

  it('reports an assigned reference one severity lower and without a fix', () => {
    const [f] = runRule(rule, 'if (current = next) go();');
    expect(f).toMatchObject({ severity: 'low', confidence: 0.6 });
    expect(f!.suggestion).toBeUndefined();
    expect(f!.message).toContain('((current = next))');
    // null could mean === null or == null: no single fix.
    expect(runRule(rule, 'if (x = null) go();')[0]!.suggestion).toBeUndefined();
  });

  it('checks if, while, do-while, for and ternary tests', () => {
    const code = ['if (a = 1) {}', 'while (a = 1) {}', 'do {} while (a = 1);', 'for (; a = 1; ) {}', 'const t = (a = 1) ? 1 : 0;'].join('\n');
    expect(linesOf(rule, code)).toEqual([1, 2, 3, 4, 5]);
  });

  it('accepts the parenthesised idiom, compared results, calls and chain walks', () => {
    const code = [
      'while ((m = re.exec(s)) !== null) {}',
      'while ((m = re.exec(s))) {}',
      'if ((a = b)) {}',
      'for (; (a = b); ) {}',
      'const t = ((a = b)) ? 1 : 0;',
      'while (m = re.exec(s)) {}',
      'if (user = await findUser(id)) {}',
      'while (node = node.parent) {}',
      'if (a === 1) {}',
      'if (a += 1) {}',
      'if (!(a = b)) {}',
    ].join('\n');
    expect(linesOf(rule, code)).toEqual([]);
  });
});
