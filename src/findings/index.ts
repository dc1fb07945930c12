export * from './finding.js';
export * from './fingerprint.js';
export * from './rank-findings.js';
export * from './dedupe-findings.js';
export type { RuleDoc } from './rule-doc.js';
