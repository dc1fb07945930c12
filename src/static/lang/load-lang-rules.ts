import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseSource, type NapiConfig } from '@ast-grep/napi';
import { parseAllDocuments } from 'yaml';
import type { z } from 'zod';
import type { Category, Severity } from '../../findings/finding.js';
import { langRuleFileSchema, langUtilFileSchema } from './lang-rule-schema.js';
import { LANG_IDS, type LangId } from './languages.js';
import { registerLanguages } from './register-languages.js';

/** rules/ast-grep/ at the package root: three levels up from src/static/lang/ and from dist/static/lang/ alike. */
export const DEFAULT_LANG_RULES_DIR = fileURLToPath(new URL('../../../rules/ast-grep/', import.meta.url));

/** A YAML rule, validated, compiled and ready to run. */
export interface LangRule {
  /** The YAML rule's own id (unique across the rule files). */
  id: string;
  /** The Argus rule id its findings carry. */
  ruleId: string;
  language: LangId;
  title: string;
  category: Category;
  severity: Severity;
  message: string;
  sink: string;
  requireInput: boolean;
  matcher: NapiConfig;
  /** The file it came from, relative to the rules directory. */
  file: string;
}

/** The rules that loaded, and one line per file that did not (these become review notes). */
export interface LoadedLangRules {
  rules: LangRule[];
  errors: string[];
}

const cache = new Map<string, LoadedLangRules>();

/**
 * Loads every rule of `dir` (`<language>/*.yml`, one ast-grep rule per file, with the language's shared
 * utils from `<language>/utils/*.yml`), once per process and directory. A file that is not valid YAML, does
 * not match the schema, or does not compile is left out and reported in `errors`: one broken rule must not
 * stop the others.
 */
export function loadLangRules(dir: string = DEFAULT_LANG_RULES_DIR): LoadedLangRules {
  const cached = cache.get(dir);
  if (cached) return cached;
  const loaded: LoadedLangRules = { rules: [], errors: [] };
  const registration = registerLanguages();
  if (!registration.ok) {
    loaded.errors.push(`Python, Go and Java rules are off: the ast-grep grammars did not load (${registration.reason}).`);
  } else {
    const seen = new Set<string>();
    for (const language of LANG_IDS) {
      const utils = loadUtils(join(dir, language, 'utils'), language, loaded.errors);
      for (const file of yamlFiles(join(dir, language))) {
        const rel = `${language}/${file}`;
        const rule = loadRule(join(dir, language, file), rel, language, utils, loaded.errors);
        if (!rule) continue;
        if (seen.has(rule.id)) {
          loaded.errors.push(`${rel}: rule id "${rule.id}" is used by another rule file; give each rule its own id.`);
          continue;
        }
        seen.add(rule.id);
        loaded.rules.push(rule);
      }
    }
  }
  cache.set(dir, loaded);
  return loaded;
}

function yamlFiles(dir: string): string[] {
  try {
    return readdirSync(dir, { withFileTypes: true })
      .filter((e) => e.isFile() && /\.ya?ml$/.test(e.name))
      .map((e) => e.name)
      .sort();
  } catch {
    return []; // a language without rules
  }
}

function readSingleDocument(path: string, rel: string, errors: string[]): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    errors.push(`${rel}: cannot be read (${err instanceof Error ? err.message : String(err)}).`);
    return undefined;
  }
  const docs = parseAllDocuments(text);
  if (!Array.isArray(docs) || docs.length !== 1) {
    errors.push(`${rel}: expected exactly one YAML document (one rule per file).`);
    return undefined;
  }
  const [doc] = docs;
  if (doc!.errors.length > 0) {
    errors.push(`${rel}: invalid YAML: ${doc!.errors[0]!.message.split('\n')[0]}`);
    return undefined;
  }
  return doc!.toJS();
}

function issues(error: z.ZodError): string {
  return error.issues.map((i) => `${i.path.join('.') || '(top level)'}: ${i.message}`).join('; ');
}

function loadUtils(dir: string, language: LangId, errors: string[]): Record<string, Record<string, unknown>> {
  const utils: Record<string, Record<string, unknown>> = {};
  for (const file of yamlFiles(dir)) {
    const rel = `${language}/utils/${file}`;
    const raw = readSingleDocument(join(dir, file), rel, errors);
    if (raw === undefined) continue;
    const parsed = langUtilFileSchema.safeParse(raw);
    if (!parsed.success) errors.push(`${rel}: ${issues(parsed.error)}`);
    else if (parsed.data.language !== language) errors.push(`${rel}: language is ${parsed.data.language}, but the file is under ${language}/.`);
    else utils[parsed.data.id] = parsed.data.rule;
  }
  return utils;
}

function loadRule(
  path: string,
  rel: string,
  language: LangId,
  utils: Record<string, Record<string, unknown>>,
  errors: string[],
): LangRule | undefined {
  const raw = readSingleDocument(path, rel, errors);
  if (raw === undefined) return undefined;
  const parsed = langRuleFileSchema.safeParse(raw);
  if (!parsed.success) {
    errors.push(`${rel}: ${issues(parsed.error)}`);
    return undefined;
  }
  const r = parsed.data;
  if (r.language !== language) {
    errors.push(`${rel}: language is ${r.language}, but the file is under ${language}/.`);
    return undefined;
  }
  const matcher = { rule: r.rule, constraints: r.constraints, utils: { ...utils, ...r.utils } } as NapiConfig;
  try {
    // Compiles the rule (napi compiles on use): a bad pattern or kind fails here, not in the middle of a review.
    parseSource(language, '').root().findAll(matcher);
  } catch (err) {
    errors.push(`${rel}: the rule does not compile: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}`);
    return undefined;
  }
  const m = r.metadata;
  return {
    id: r.id,
    ruleId: m['argus-rule'],
    language,
    title: m.title,
    category: m.category,
    severity: m.severity,
    message: r.message.trim(),
    sink: m.sink,
    requireInput: m['require-input'] ?? false,
    matcher,
    file: rel,
  };
}
