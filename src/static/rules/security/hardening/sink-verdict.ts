import type { TSESTree } from '@typescript-eslint/typescript-estree';
import type { Severity } from '../../../../findings/finding.js';
import type { RuleContext } from '../../../rule.js';
import { stepSeverity } from './step-severity.js';

/** How sure a sink rule is that a value is attacker-controlled, graded for the report. */
export interface SinkVerdict {
  traced: boolean;
  severity: Severity;
  confidence: number;
  /** A sentence for the message: where the value comes from, or what to check. */
  origin: string;
}

/**
 * Grades a sink by the taint of the value reaching it (call from `ctx.atEnd`): `tainted` is reported at
 * the rule's severity with confidence 0.9; `unknown` one grade lower (or at `unknownSeverity`) with 0.55,
 * asking the reader to check the origin; `constant` is not reported (null).
 */
export function sinkVerdict(ctx: RuleContext, value: TSESTree.Node, unknownSeverity?: Severity): SinkVerdict | null {
  const verdict = ctx.taint.of(value);
  if (verdict.kind === 'constant') return null;
  if (verdict.kind === 'tainted') {
    const from = verdict.source ? `\`${verdict.source}\`` : 'user input';
    return { traced: true, severity: ctx.severity, confidence: 0.9, origin: `The value comes from ${from}.` };
  }
  return {
    traced: false,
    severity: unknownSeverity ?? stepSeverity(ctx.severity, 'down'),
    confidence: 0.55,
    origin: 'The value is not traced to user input; check where it comes from.',
  };
}
