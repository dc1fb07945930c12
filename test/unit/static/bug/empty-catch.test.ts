import { describe, expect, it } from 'vitest';
import { linesOf, runRule } from './run-rule.js';
import { createRuleFilter } from '../../../../src/static/create-rule-filter.js';
import { AST_RULES } from '../../../../src/static/registry.js';

const rule = 'empty-catch';

describe('empty-catch', () => {
  it('flags empty catch blocks with or without a binding, on one line or several', () => {
    const code = ['try { a(); } catch (e) {}', 'try { a(); } catch {}', 'try {', '  a();', '} catch (err) {', '', '}'].join('\n');
    expect(linesOf(rule, code)).toEqual([1, 2, 5]);
    expect(runRule(rule, code)[0]).toMatchObject({ severity: 'low', category: 'bug' });
  });

  it('accepts a comment inside the braces (the parser keeps no comments), handled errors and `_`/`ignored` bindings', () => {
    const code = [
      'try { a(); } catch { /* optional file */ }',
      'try { a(); } catch (e) {',
      '  // the cache is best effort',
      '}',
      'try { a(); } catch (e) { log(e); }',
      'try { a(); } catch (_e) {}',
      'try { a(); } catch (ignored) {}',
      'try { a(); } finally {}',
    ].join('\n');
    expect(linesOf(rule, code)).toEqual([]);
  });

  it('is not created for a file without `catch` (the prefilter), and finds the issue once there is one', () => {
    const code = 'try { a(); } finally {}';
    expect(createRuleFilter(AST_RULES.filter((r) => r.doc.id === rule))(code)).toEqual([false]);
    expect(linesOf(rule, code)).toEqual([]);
    expect(linesOf(rule, 'try { a(); } catch {} finally {}')).toEqual([1]);
  });
});
