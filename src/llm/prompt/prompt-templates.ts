import { readTemplateFile } from './read-template-file.js';
import type { PromptTemplate } from './render-template.js';

/**
 * The prompt's version: part of the review cache key, so findings cached under one wording of the prompt
 * are not served for another. Bump it (and add prompts/review/v<N>/) whenever a template changes.
 */
export const PROMPT_VERSION = 'review-v1';

/**
 * Where the templates live. Three levels up is the package root both from src/llm/prompt/ (tests, tsx)
 * and from dist/llm/prompt/ (the build), so one URL serves both.
 */
export const PROMPT_DIR = new URL('../../../prompts/review/v1/', import.meta.url);

/** The placeholders each template must use, and no others. */
export const TEMPLATE_PLACEHOLDERS = {
  system: ['language', 'severities', 'categories'],
  user: ['nonce', 'instructions', 'staticFindings', 'pullRequest', 'units'],
  repair: ['problem'],
} as const satisfies Record<string, readonly string[]>;

/** The checked templates of one prompt version. */
export type PromptTemplates = Record<keyof typeof TEMPLATE_PLACEHOLDERS, PromptTemplate>;

/** Reads and checks `system.md`, `user.md` and `repair.md` from `dir` (see `parseTemplate`). */
export function loadPromptTemplates(dir: URL = PROMPT_DIR): PromptTemplates {
  const load = (name: keyof typeof TEMPLATE_PLACEHOLDERS): PromptTemplate =>
    readTemplateFile(new URL(`${name}.md`, dir), name, TEMPLATE_PLACEHOLDERS[name]);
  return { system: load('system'), user: load('user'), repair: load('repair') };
}

let loaded: PromptTemplates | undefined;

/** The templates of {@link PROMPT_VERSION}, loaded on first use. */
export function promptTemplates(): PromptTemplates {
  return (loaded ??= loadPromptTemplates());
}
