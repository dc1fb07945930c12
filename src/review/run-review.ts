import type { ArgusConfig } from '../config/index.js';
import { closestMatch, effectiveRuleSeverity, isPathIncluded, unknownRuleIds } from '../config/index.js';
import type { DiffFile } from '../diff/types.js';
import { dedupeFindings, fingerprintFindings, isAtLeast, rankFindings, type Finding, type Severity } from '../findings/index.js';
import { RULE_DOCS, runSemgrepPass, runStaticPass, type StaticInput } from '../static/index.js';
import type { ReviewCache } from '../llm/cache/index.js';
import type { UsageLedger } from '../llm/usage/index.js';
import { applyCommentLimit } from '../validate/index.js';
import { runLlmPass } from './llm-pass/run-llm-pass.js';
import type { ContentPort, LlmPort } from './ports.js';
import { summarize, type LlmStats, type Rejection, type ReviewResult, type SkippedFile } from './result.js';

/** The LLM pass of a review: the model, and what it may know and spend. */
export interface LlmReviewOptions {
  port: LlmPort;
  /** Answers of earlier reviews per hunk; null for none. */
  cache: ReviewCache | null;
  /** The repository (e.g. `owner/repo`): cached answers are never shared across repositories. */
  cacheScope?: string;
  /** Title and body of the pull request (untrusted: the prompt marks them as data); null outside a PR. */
  pullRequest: { title: string; body: string } | null;
  /** Fingerprints of comments Argus already posted on the pull request: never raised again. */
  postedFingerprints: ReadonlySet<string>;
  /** The per-installation daily token cap; null for none (the CLI). */
  daily: { ledger: UsageLedger; account: string; capTokens: number } | null;
  /**
   * Incremental review: the new-file lines changed since the last reviewed commit, by path. Only review
   * units containing one of them go to the model (the static pass still sees the whole change, so the
   * summary and the check describe the whole pull request). Absent: everything is sent.
   */
  focus?: ReadonlyMap<string, ReadonlySet<number>>;
}

/** Everything one review needs; entry points (CLI, GitHub handlers) build it from their inputs. */
export type ReviewRequest = ReviewRequestBase &
  (
    | { /** Why the LLM pass does not run (shown in every output format). */ llmSkipReason: string; llm?: undefined }
    | { llmSkipReason: null; /** The LLM pass. */ llm: LlmReviewOptions }
  );

interface ReviewRequestBase {
  files: readonly DiffFile[];
  contents: ContentPort;
  config: ArgusConfig;
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
  const reviewable: Array<{ diff: DiffFile; lines: string[] }> = [];

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
    const lines = content.text.split(/\r?\n/);
    texts.set(file.path, lines);
    reviewable.push({ diff: file, lines });
    inputs.push({ path: file.path, text: content.text, changedLines: file.addedLines });
  }

  const severityOf = (ruleId: string, fallback: Severity): Severity | 'off' => effectiveRuleSeverity(config, ruleId, fallback);
  const staticPass = runStaticPass(inputs, severityOf);
  // Semgrep is an external process, so its pass is the asynchronous one; it never throws (failures are notes).
  const semgrepPass = await runSemgrepPass(inputs, config.semgrep, severityOf);
  skippedFiles.push(...staticPass.skippedFiles);

  const raw = [...staticPass.findings, ...semgrepPass.findings].filter((f) => isAtLeast(f.severity, config.min_severity));
  const { kept } = dedupeFindings(fingerprintFindings(raw, (path) => texts.get(path)));
  const staticFindings = rankFindings(kept);

  const notes: string[] = [...staticPass.notes, ...semgrepPass.notes];
  const rejected: Rejection[] = [];
  let llmStats: LlmStats | null = null;
  let llmFindings: Finding[] = [];
  let stillOpen: Finding[] = [];
  const llmSkip = request.llmSkipReason ?? whyNoLlm(config);
  if (llmSkip !== null) {
    notes.push(`LLM pass skipped: ${llmSkip}`);
  } else {
    const llm = request.llm!; // llmSkipReason null: the type guarantees llm
    const at = new Date(now());
    const dailyLeft = llm.daily ? llm.daily.capTokens - (await llm.daily.ledger.spent(llm.daily.account, at)) : Infinity;
    if (dailyLeft <= 0) {
      notes.push(
        `LLM pass skipped: the daily token cap of this installation (${llm.daily!.capTokens.toLocaleString('en-US')} tokens) is used up; this review is static-only until 00:00 UTC`,
      );
    } else {
      const pass = await runLlmPass({
        llm: llm.port,
        files: reviewable,
        config,
        staticFindings,
        pullRequest: llm.pullRequest,
        postedFingerprints: llm.postedFingerprints,
        cache: llm.cache,
        cacheScope: llm.cacheScope ?? '',
        focus: llm.focus ?? null,
        tokenCap: Math.min(config.llm.max_review_tokens, dailyLeft),
      });
      if (llm.daily) await llm.daily.ledger.add(llm.daily.account, pass.stats.promptTokens + pass.stats.completionTokens, at);
      if (Number.isFinite(dailyLeft) && dailyLeft < config.llm.max_review_tokens) {
        notes.push(`LLM pass limited to the ${Math.round(dailyLeft).toLocaleString('en-US')} tokens left of this installation's daily cap`);
      }
      llmFindings = pass.findings;
      stillOpen = pass.stillOpen;
      rejected.push(...pass.rejected);
      skippedFiles.push(...pass.skipped);
      notes.push(...pass.notes);
      llmStats = pass.stats;
    }
  }
  for (const id of unknownRuleIds(config, RULE_DOCS.keys())) {
    const near = closestMatch(id, RULE_DOCS.keys());
    notes.push(`Config: rules.${id} matches no rule${near ? ` (did you mean "${near}"?)` : ''}; it has no effect`);
  }

  const all = rankFindings([...staticFindings, ...llmFindings]);
  const limited = applyCommentLimit(all, config.max_comments);
  rejected.push(...limited.rejected);
  if (limited.rejected.length > 0) {
    notes.push(
      `${limited.rejected.length} more finding(s) not shown: max_comments is ${config.max_comments} (the least severe were left out; they are counted in the summary)`,
    );
  }

  return {
    version: 1,
    findings: limited.kept,
    rejected,
    // Over-limit findings are real: they lacked room, not merit, so the counts include them.
    // and so are LLM findings already posted on the PR (refused as duplicates, still open): the verdict stays.
    summary: summarize([...all, ...stillOpen]),
    stats: {
      files: inputs.length,
      changedLines: inputs.reduce((n, i) => n + i.changedLines.size, 0),
      skippedFiles,
      llm: llmStats,
      durationMs: Math.max(0, Math.round(now() - started)),
    },
    notes,
  };
}

/** Why the repository's config keeps a review that has a model from using it; null when it runs. */
function whyNoLlm(config: ArgusConfig): string | null {
  if (!config.llm.enabled) return 'llm.enabled is false in the configuration';
  if (config.llm.max_review_tokens === 0) return 'llm.max_review_tokens is 0 in the configuration';
  return null;
}
