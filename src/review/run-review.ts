import type { ArgusConfig } from '../config/index.js';
import { closestMatch, effectiveRuleSeverity, isPathIncluded, unknownRuleIds } from '../config/index.js';
import type { DiffFile } from '../diff/types.js';
import { dedupeFindings, fingerprintFindings, isAtLeast, rankFindings, type Severity } from '../findings/index.js';
import { RULE_DOCS, runSemgrepPass, runStaticPass, type StaticInput } from '../static/index.js';
import type { ContentPort } from './ports.js';
import { summarize, type ReviewResult, type SkippedFile } from './result.js';

/** Everything one review needs; entry points (CLI, GitHub handlers) build it from their inputs. */
export interface ReviewRequest {
  files: readonly DiffFile[];
  contents: ContentPort;
  config: ArgusConfig;
  /** Why the LLM pass does not run in this review (shown in every output format); null when it runs. */
  llmSkipReason: string | null;
  /** Milliseconds clock, injectable for tests. */
  now?: () => number;
}

/**
 * The review pipeline: select reviewable files -> read new contents -> static pass -> (LLM pass) ->
 * threshold, fingerprint, dedupe, rank -> the JSON contract. Pure apart from the ports it is given.
 */
export async function runReview(request: ReviewRequest): Promise<ReviewResult> {
  const now = request.now ?? Date.now;
  const started = now();
  const { config } = request;
  const skippedFiles: SkippedFile[] = [];
  const inputs: StaticInput[] = [];
  const texts = new Map<string, string[]>();

  for (const file of request.files) {
    if (file.status === 'deleted' || file.addedLines.size === 0) {
      if (file.noPatch === 'binary' || file.noPatch === 'patch-missing') skippedFiles.push({ path: file.path, reason: file.noPatch });
      continue;
    }
    if (!isPathIncluded(config, file.path)) {
      skippedFiles.push({ path: file.path, reason: 'excluded' });
      continue;
    }
    const content = await request.contents.readNewFile(file.path);
    if (content.kind !== 'text') {
      skippedFiles.push({ path: file.path, reason: content.kind === 'missing' ? 'no-content' : content.kind });
      continue;
    }
    texts.set(file.path, content.text.split(/\r?\n/));
    inputs.push({ path: file.path, text: content.text, changedLines: file.addedLines });
  }

  const severityOf = (ruleId: string, fallback: Severity): Severity | 'off' => effectiveRuleSeverity(config, ruleId, fallback);
  const staticPass = runStaticPass(inputs, severityOf);
  // Semgrep is an external process, so its pass is the asynchronous one; it never throws (failures are notes).
  const semgrepPass = await runSemgrepPass(inputs, config.semgrep, severityOf);
  skippedFiles.push(...staticPass.skippedFiles);

  const raw = [...staticPass.findings, ...semgrepPass.findings].filter((f) => isAtLeast(f.severity, config.min_severity));
  const { kept } = dedupeFindings(fingerprintFindings(raw, (path) => texts.get(path)));
  const findings = rankFindings(kept);

  const notes: string[] = [...staticPass.notes, ...semgrepPass.notes];
  if (request.llmSkipReason !== null) notes.push(`LLM pass skipped: ${request.llmSkipReason}`);
  for (const id of unknownRuleIds(config, RULE_DOCS.keys())) {
    const near = closestMatch(id, RULE_DOCS.keys());
    notes.push(`Config: rules.${id} matches no rule${near ? ` (did you mean "${near}"?)` : ''}; it has no effect`);
  }

  return {
    version: 1,
    findings,
    rejected: [],
    summary: summarize(findings),
    stats: {
      files: inputs.length,
      changedLines: inputs.reduce((n, i) => n + i.changedLines.size, 0),
      skippedFiles,
      llm: null,
      durationMs: Math.max(0, Math.round(now() - started)),
    },
    notes,
  };
}
