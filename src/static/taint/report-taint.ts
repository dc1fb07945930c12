import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { SEVERITIES, type Severity } from '../../findings/finding.js';
import type { RuleContext } from '../rule.js';
import { isValidated } from './is-validated.js';
import type { SinkKind, TaintVerdict } from './types.js';

/** Confidence of a finding whose value is traced to user input. */
export const TAINTED_CONFIDENCE = 0.9;
/** Confidence of a finding whose value is not a constant but was not traced to user input. */
export const UNKNOWN_CONFIDENCE = 0.55;
/** Confidence of an ambient sink (see `SinkHit.unknown`) fed a value of unknown origin. */
export const AMBIENT_CONFIDENCE = 0.3;

/**
 * How a sink grades a value that is neither a constant nor traced to input: `lower` (classic injection sinks:
 * one grade lower, UNKNOWN_CONFIDENCE) or `ambient` (sinks found all over normal code, such as file paths,
 * URLs, redirects, bracket writes: `info` with AMBIENT_CONFIDENCE, below the default `min_severity: low`, so
 * reviews stay quiet while JSON and SARIF output with `min_severity: info` still list them).
 */
export type UnknownGrade = 'lower' | 'ambient';

/** A value reaching a sink, as a taint rule reports it. */
export interface SinkHit {
  /** Where the finding goes (its lines are what a suggestion replaces). */
  node: TSESTree.Node;
  /** The value that reaches the sink; its variables are looked for in validating `if`s. */
  value: TSESTree.Node;
  verdict: TaintVerdict;
  sink: SinkKind;
  /** What the value reaches, e.g. "`pool.query()` as SQL text". */
  reaches: string;
  /** What an attacker gains, e.g. "they can rewrite the query and read or change any row". */
  impact: string;
  /** How to fix it. */
  fix: string;
  /** How a value of unknown origin is graded (see UnknownGrade). */
  unknown: UnknownGrade;
  /** The grade a tainted value gets (default: the rule's severity in force); unknown ones get one lower or info. */
  severity?: Severity;
  /** Confidence for a tainted value (default TAINTED_CONFIDENCE). */
  confidence?: number;
  /** A committable fix, offered for tainted values only. */
  suggestion?: string;
}

/**
 * Reports a value reaching a sink by its taint verdict: `tainted` at the rule's severity with confidence
 * 0.9; `unknown` one severity lower with confidence 0.55, or `info` with 0.3 for ambient sinks, saying it was
 * not traced to input; `constant` never. Nothing is reported when the value was validated on the way (see
 * `isValidated`).
 * Returns true when it reported.
 */
export function reportTaint(ctx: RuleContext, hit: SinkHit): boolean {
  const { verdict } = hit;
  if (verdict.kind === 'constant') return false;
  if (isValidated(hit.node, hit.value, hit.sink, ctx.taint, ctx.parent)) return false;
  const severity = hit.severity ?? ctx.severity;
  if (verdict.kind === 'tainted') {
    ctx.report({
      node: hit.node,
      severity,
      confidence: hit.confidence ?? TAINTED_CONFIDENCE,
      message: `User input (\`${verdict.source ?? 'request data'}\`) reaches ${hit.reaches}: ${hit.impact}. ${hit.fix}`,
      ...(hit.suggestion === undefined ? {} : { suggestion: hit.suggestion }),
    });
  } else {
    ctx.report({
      node: hit.node,
      severity: hit.unknown === 'ambient' ? 'info' : lowerSeverity(severity),
      confidence: hit.unknown === 'ambient' ? AMBIENT_CONFIDENCE : UNKNOWN_CONFIDENCE,
      message: `A value that is not a constant reaches ${hit.reaches}: if it can hold user input, ${hit.impact}. It was not traced to user input here; check where it comes from. ${hit.fix}`,
    });
  }
  return true;
}

/** One grade lower (info stays info). */
export function lowerSeverity(s: Severity): Severity {
  return SEVERITIES[Math.min(SEVERITIES.indexOf(s) + 1, SEVERITIES.length - 1)]!;
}
