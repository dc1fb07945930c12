import { describe, expect, it } from 'vitest';
import { FORMATS, render } from '../../../src/render/index.js';
import { renderJson } from '../../../src/render/render-json.js';
import { renderMarkdown } from '../../../src/render/render-markdown.js';
import { renderSarif } from '../../../src/render/render-sarif.js';
import { renderText } from '../../../src/render/render-text.js';
import { CTX, FULL } from './fixtures.js';

describe('render', () => {
  it('offers the four formats', () => {
    expect(FORMATS).toEqual(['text', 'json', 'sarif', 'markdown']);
  });

  it('dispatches each format to its renderer', () => {
    expect(render('text', FULL, CTX)).toBe(renderText(FULL, CTX));
    expect(render('json', FULL, CTX)).toBe(renderJson(FULL, CTX));
    expect(render('sarif', FULL, CTX)).toBe(renderSarif(FULL, CTX));
    expect(render('markdown', FULL, CTX)).toBe(renderMarkdown(FULL, CTX));
  });

  it.each(FORMATS)('%s ends with exactly one newline', (format) => {
    expect(render(format, FULL, CTX)).toMatch(/[^\n]\n$/);
  });
});
