/** A prompt template, checked: it uses exactly its declared placeholders. */
export interface PromptTemplate {
  name: string;
  text: string;
  placeholders: readonly string[];
}

const PLACEHOLDER = /\{\{([^{}]*)\}\}/g;
const NAME = /^[A-Za-z][A-Za-z0-9_]*$/;

/**
 * Checks a template's `{{name}}` placeholders against the names it must use, so a typo in a template file
 * fails at load (and in tests) instead of sending a literal `{{unist}}` to the model. Throws when a
 * placeholder is unknown or malformed, when a declared one is missing, or when `{{`/`}}` is left unpaired.
 */
export function parseTemplate(name: string, text: string, placeholders: readonly string[]): PromptTemplate {
  const found = new Set<string>();
  for (const m of text.matchAll(PLACEHOLDER)) {
    const key = m[1]!.trim();
    if (!NAME.test(key) || !placeholders.includes(key)) {
      throw new Error(
        `Prompt template "${name}" has an unknown placeholder {{${m[1]}}}: the allowed ones are ${placeholders.map((p) => `{{${p}}}`).join(', ')}. Fix the template file (prompts/) or declare the name in prompt-templates.ts.`,
      );
    }
    found.add(key);
  }
  const rest = text.replace(PLACEHOLDER, '');
  if (rest.includes('{{') || rest.includes('}}')) {
    throw new Error(`Prompt template "${name}" has an unpaired "{{" or "}}": write placeholders as {{name}}.`);
  }
  const missing = placeholders.filter((p) => !found.has(p));
  if (missing.length > 0) {
    throw new Error(`Prompt template "${name}" does not use ${missing.map((p) => `{{${p}}}`).join(', ')}: without it that part of the prompt would be lost. Add it to the template.`);
  }
  return { name, text, placeholders };
}

/**
 * Fills a template in one pass: a value that itself contains `{{name}}` (code under review can) is inserted
 * as is, never expanded. Throws when a value is missing.
 */
export function renderTemplate(template: PromptTemplate, values: Readonly<Record<string, string>>): string {
  for (const p of template.placeholders) {
    if (typeof values[p] !== 'string') throw new Error(`Prompt template "${template.name}" needs a value for {{${p}}}.`);
  }
  return template.text.replace(PLACEHOLDER, (_, key: string) => values[key.trim()]!);
}
