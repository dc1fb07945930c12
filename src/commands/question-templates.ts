import { readTemplateFile, type PromptTemplate } from '../llm/prompt/index.js';

/** The placeholders of the `ask` and `explain` templates (checked at load, like the review's). */
export const QUESTION_PLACEHOLDERS = {
  ask: { system: ['language'], user: ['nonce', 'question', 'pullRequest', 'diff'] },
  explain: { system: ['language'], user: ['nonce', 'finding', 'question', 'pullRequest', 'code'] },
} as const satisfies Record<string, { system: readonly string[]; user: readonly string[] }>;

/** A question prompt: `ask` (about the whole pull request) or `explain` (one of Argus's comments). */
export type QuestionKind = keyof typeof QUESTION_PLACEHOLDERS;

/** Versions of the question prompts; bump and add prompts/<kind>/v<N>/ when a template changes. */
export const QUESTION_PROMPT_VERSION = { ask: 'ask-v1', explain: 'explain-v1' } as const satisfies Record<QuestionKind, string>;

/** Two levels up is the package root both from src/commands/ and dist/commands/. */
const ROOT = new URL('../../', import.meta.url);

const loaded = new Map<QuestionKind, { system: PromptTemplate; user: PromptTemplate }>();

/** The checked `system.md` and `user.md` of prompts/<kind>/v1/, read on first use. */
export function questionTemplates(kind: QuestionKind): { system: PromptTemplate; user: PromptTemplate } {
  let templates = loaded.get(kind);
  if (templates === undefined) {
    const load = (name: 'system' | 'user'): PromptTemplate =>
      readTemplateFile(new URL(`prompts/${kind}/v1/${name}.md`, ROOT), `${kind}/${name}`, QUESTION_PLACEHOLDERS[kind][name]);
    templates = { system: load('system'), user: load('user') };
    loaded.set(kind, templates);
  }
  return templates;
}
