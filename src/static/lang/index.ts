export { analyzeLangFile, type EnabledLangRule, type AnalyzeLangFileResult } from './analyze-lang-file.js';
export { loadLangRules, DEFAULT_LANG_RULES_DIR, type LangRule, type LoadedLangRules } from './load-lang-rules.js';
export { languageOf, LANG_IDS, type LangId } from './languages.js';
export { lowerSeverity } from './lower-severity.js';
export { traceInput, type InputVerdict } from './trace-input.js';
