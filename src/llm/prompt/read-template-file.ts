import { readFileSync } from 'node:fs';
import { parseTemplate, type PromptTemplate } from './render-template.js';

/**
 * Reads and checks one prompt template file (see `parseTemplate`). A missing file is an error that says how a
 * broken install happens: the package must ship prompts/ next to dist/.
 */
export function readTemplateFile(url: URL, name: string, placeholders: readonly string[]): PromptTemplate {
  let text: string;
  try {
    text = readFileSync(url, 'utf8');
  } catch (err) {
    throw new Error(
      `Cannot read the prompt template ${url.pathname} (${err instanceof Error ? err.message : String(err)}): the package must ship its prompts/ folder next to dist/ (package.json "files").`,
      { cause: err },
    );
  }
  return parseTemplate(name, text, placeholders);
}
