import type { RuleDoc } from '../findings/rule-doc.js';

/** What every renderer needs besides the result itself. Built once by the caller (CLI or publisher). */
export interface RenderContext {
  /** Documentation of the known rules, by rule id. LLM rule ids (e.g. `llm/bug`) are usually absent. */
  rules: ReadonlyMap<string, RuleDoc>;
  /** Emit ANSI colours (text format only). The caller decides (TTY, NO_COLOR, --color); renderers never guess. */
  color: boolean;
  /** Argus's own version, e.g. "0.1.0"; reported as the SARIF driver's semanticVersion. */
  toolVersion: string;
}
