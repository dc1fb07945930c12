import type { Category, Severity } from './finding.js';

/** What a reader needs to know about a rule: shown in SARIF `rules`, the CLI's help and the docs. */
export interface RuleDoc {
  id: string;
  /** Short name, e.g. "Code injection". */
  title: string;
  /** Why it matters and how to fix it (Markdown allowed). */
  help: string;
  severity: Severity;
  category: Category;
}
