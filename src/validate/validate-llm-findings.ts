import type { DiffFile } from '../diff/types.js';
import { isAtLeast, type Finding, type Severity } from '../findings/finding.js';
import { computeFingerprint } from '../findings/fingerprint.js';
import { anchorFinding } from './anchor-finding.js';
import { codeOccurrence } from './code-occurrence.js';
import { createSuggestionChecker } from './create-suggestion-checker.js';
import { llmFindingSchema, type LlmFinding } from './llm-output-schema.js';
import { readableFields } from './readable-fields.js';
import { countRejections, type RejectionReason, type ValidationRejection } from './rejection-reasons.js';

/** A file of the request the model answered: its diff and the new file's lines (index 0 is line 1). */
export interface ValidationFile {
  diff: DiffFile;
  lines: readonly string[];
}

/** What the model's findings are checked against. */
export interface ValidationContext {
  /** The files of THIS request to the model, by path; a finding on any other path is `unknown-path`. */
  files: ReadonlyMap<string, ValidationFile>;
  /** Findings of the static pass (and Semgrep): an LLM finding repeating one of them is a `duplicate`. */
  staticFindings: readonly Finding[];
  /** Fingerprints of the comments Argus already posted on the pull request. */
  postedFingerprints: ReadonlySet<string>;
  /** Findings with a lower confidence are `low-confidence`. */
  confidenceFloor: number;
  /** Findings less severe than this are `below-threshold`. */
  minSeverity: Severity;
}

/** A finding that now points at a different line than the model named (its quote was found there). */
export interface MovedFinding {
  path: string;
  from: number;
  to: number;
}

/** What validation made of the model's findings. */
export interface ValidationOutcome {
  /** Findings that passed every check, in the model's order. */
  accepted: Finding[];
  /** One entry per refused candidate, in the model's order. */
  rejected: ValidationRejection[];
  /** The accepted findings that were moved to where their quote is. */
  moved: MovedFinding[];
  /** Suggestions removed from accepted findings: no-ops, or ones that would break the file's syntax. */
  suggestionsDropped: number;
  /** `rejected` counted per reason (every reason present; `over-limit` is always 0 here). */
  counts: Record<RejectionReason, number>;
}

/**
 * Turns the model's raw findings into `Finding`s, refusing each bad one with exactly one reason, checked in
 * this order: `schema`, `unknown-path`, `outside-diff` / `quote-mismatch` (anchoring, see `anchorFinding`),
 * `low-confidence`, `below-threshold`, `duplicate`. A duplicate has the fingerprint of a finding accepted
 * earlier in this run or of a comment already posted, or has the category of a static finding whose lines
 * overlap. The fingerprint hashes the code at the final `line..endLine` (not the title), so a re-run that
 * words the concern differently still matches. Suggestions are kept only when applying them changes the
 * code and, for JS/TS, leaves the file parsable (see `createSuggestionChecker`); dropping one keeps the finding.
 * See docs/validation.md.
 */
export function validateLlmFindings(raw: readonly unknown[], ctx: ValidationContext): ValidationOutcome {
  const accepted: Finding[] = [];
  const rejected: ValidationRejection[] = [];
  const moved: MovedFinding[] = [];
  const acceptedFingerprints = new Set<string>();
  // Only asked about findings whose path was found in ctx.files.
  const checkSuggestion = createSuggestionChecker((path) => ctx.files.get(path)!.lines);
  let suggestionsDropped = 0;

  for (const item of raw) {
    const parsed = llmFindingSchema.safeParse(item);
    if (!parsed.success) {
      rejected.push({ source: 'llm', reason: 'schema', ...readableFields(item) });
      continue;
    }
    const f = parsed.data;
    const reject = (reason: RejectionReason): void => {
      rejected.push({ source: 'llm', reason, path: f.path, line: f.line, title: f.title });
    };
    const file = ctx.files.get(f.path);
    if (!file) {
      reject('unknown-path');
      continue;
    }
    const anchor = anchorFinding(f, file);
    if (!anchor.ok) {
      reject(anchor.reason);
      continue;
    }
    if (f.confidence < ctx.confidenceFloor) {
      reject('low-confidence');
      continue;
    }
    if (!isAtLeast(f.severity, ctx.minSeverity)) {
      reject('below-threshold');
      continue;
    }
    const ruleId = `llm/${f.category}`;
    const code = file.lines.slice(anchor.line - 1, anchor.endLine).join('\n');
    const fingerprint = computeFingerprint(f.path, ruleId, code, codeOccurrence(file.lines, anchor.line, anchor.endLine));
    if (
      acceptedFingerprints.has(fingerprint) ||
      ctx.postedFingerprints.has(fingerprint) ||
      overlapsStaticFinding(f, anchor.line, anchor.endLine, ctx.staticFindings)
    ) {
      reject('duplicate');
      continue;
    }

    let suggestion: string | undefined;
    if (f.suggestion !== null) {
      if (checkSuggestion(f.path, anchor.line, anchor.endLine, f.suggestion) === 'keep') suggestion = f.suggestion;
      else suggestionsDropped += 1;
    }
    acceptedFingerprints.add(fingerprint);
    accepted.push(toFinding(f, anchor.line, anchor.endLine, ruleId, suggestion, fingerprint));
    if (anchor.moved) moved.push({ path: f.path, from: f.line, to: anchor.line });
  }

  return { accepted, rejected, moved, suggestionsDropped, counts: countRejections(rejected) };
}

function overlapsStaticFinding(f: LlmFinding, line: number, endLine: number, statics: readonly Finding[]): boolean {
  return statics.some((s) => s.path === f.path && s.category === f.category && s.line <= endLine && line <= s.endLine);
}

function toFinding(
  f: LlmFinding,
  line: number,
  endLine: number,
  ruleId: string,
  suggestion: string | undefined,
  fingerprint: string,
): Finding {
  return {
    path: f.path,
    line,
    endLine,
    severity: f.severity,
    category: f.category,
    source: 'llm',
    ruleId,
    title: f.title,
    message: f.body,
    ...(suggestion === undefined ? {} : { suggestion }),
    confidence: f.confidence,
    fingerprint,
  };
}
