import type { ArgusConfig } from '../../config/index.js';
import type { DiffFile } from '../../diff/types.js';
import type { Finding } from '../../findings/index.js';
import { createHash } from 'node:crypto';
import { countMessageTokens, packUnits } from '../../llm/budget/index.js';
import { reviewCacheKey, type ReviewCache } from '../../llm/cache/index.js';
import { estimateCost, findPrice } from '../../llm/cost/index.js';
import { buildRepairMessages, buildReviewMessages, buildReviewUnits, fixedPromptTokens, PROMPT_VERSION, type ReviewUnit } from '../../llm/prompt/index.js';
import {
  LLM_FINDINGS_JSON_SCHEMA,
  validateLlmFindings,
  type ValidationFile,
  type ValidationRejection,
} from '../../validate/index.js';
import type { ChatMessage, LlmPort } from '../ports.js';
import type { LlmStats, SkippedFile } from '../result.js';
import { askForFindings, type AskOutcome } from './ask-for-findings.js';
import { lineOf, pathOf, toAbsoluteFindings, toRelativeFindings } from './relative-findings.js';
import { createTokenAllowance } from './token-allowance.js';

/** What the LLM pass reads. */
export interface LlmPassInput {
  llm: LlmPort;
  /** The reviewable text files: their diff and new lines (index 0 is line 1). */
  files: ReadonlyArray<{ diff: DiffFile; lines: readonly string[] }>;
  config: ArgusConfig;
  /** Findings of the static pass: context for the model, and duplicates of them are refused. */
  staticFindings: readonly Finding[];
  pullRequest: { title: string; body: string } | null;
  /** Fingerprints Argus already posted on the pull request. */
  postedFingerprints: ReadonlySet<string>;
  cache: ReviewCache | null;
  /** What the cache is shared across: answers are only reused within one scope (a repository). */
  cacheScope: string;
  /** Only units containing one of these new-file lines (by path) are reviewed; null: all units. */
  focus: ReadonlyMap<string, ReadonlySet<number>> | null;
  /** Tokens this review may spend (the per-review cap, lowered by the daily cap). */
  tokenCap: number;
}

/** The pass's counters: exactly the `stats.llm` of the JSON contract (src/review/result.ts documents each). */
export type LlmPassStats = LlmStats;

/** What the LLM pass produced. */
export interface LlmPassResult {
  findings: Finding[];
  /** Findings already posted on the pull request: refused as `duplicate` (not commented again) but still open. */
  stillOpen: Finding[];
  rejected: ValidationRejection[];
  /** Files (or parts of files, `path:start-end`) the model did not read, with why. */
  skipped: SkippedFile[];
  notes: string[];
  stats: LlmPassStats;
}

/**
 * The LLM review: changed files -> review units (redacted) -> cache lookup -> packing under the token caps ->
 * requests (concurrency is the provider's) with one repair retry for invalid JSON -> validation of every
 * finding against the diff -> cache update. A failed request is counted and noted; the rest goes on.
 * Validation runs per request, in request order, so the outcome does not depend on which answer came first.
 */
export async function runLlmPass(input: LlmPassInput): Promise<LlmPassResult> {
  const { llm, config } = input;
  const skipped: SkippedFile[] = [];
  const notes: string[] = [];
  const context = {
    pullRequest: input.pullRequest,
    instructions: config.instructions,
    language: config.language,
    staticFindings: input.staticFindings.map((f) => ({ path: f.path, line: f.line, ruleId: f.ruleId, title: f.title })),
  };
  const fixedTokens = fixedPromptTokens(context);
  const byPath = new Map<string, ValidationFile>();
  const units: ReviewUnit[] = [];
  for (const file of input.files) {
    const built = buildReviewUnits(file, { maxUnitTokens: config.llm.max_request_tokens - fixedTokens });
    if (built.skipReason !== null) {
      skipped.push({ path: file.diff.path, reason: built.skipReason });
      continue;
    }
    byPath.set(file.diff.path, { diff: file.diff, lines: file.lines });
    units.push(...built.units);
  }
  // Incremental review: units without a new line are not sent, but their cached answers still count, so the
  // findings of earlier commits stay in the verdict (the summary and the check describe the whole PR).
  const inFocus = (unit: ReviewUnit): boolean => {
    if (!input.focus) return true;
    const lines = input.focus.get(unit.path);
    return lines !== undefined && hasLineIn(lines, unit.startLine, unit.endLine);
  };

  // Everything besides the unit that shapes the answer: the repository, its instructions and language, the PR
  // text and the static findings. A cached answer is only reused when all of it is the same.
  // The static findings count per file: a request lists only those on its own files.
  const { staticFindings, ...shared } = context;
  const scopes = new Map<string, string>();
  const scopeOf = (path: string): string => {
    let scope = scopes.get(path);
    if (scope === undefined) {
      const own = staticFindings.filter((f) => f.path === path);
      scope = createHash('sha256').update(JSON.stringify([input.cacheScope, shared, own])).digest('hex');
      scopes.set(path, scope);
    }
    return scope;
  };
  const keyOf = (unit: ReviewUnit): string =>
    reviewCacheKey({ model: llm.model, promptVersion: PROMPT_VERSION, path: unit.path, contentKey: `${scopeOf(unit.path)}:${unit.contentKey}` });
  const cachedRaw: unknown[] = [];
  const cachedPaths = new Set<string>();
  const misses: ReviewUnit[] = [];
  for (const unit of units) {
    const hit = input.cache ? await input.cache.get(keyOf(unit)) : undefined;
    if (hit === undefined) {
      if (inFocus(unit)) misses.push(unit);
      continue;
    }
    cachedRaw.push(...toAbsoluteFindings(hit, unit.startLine));
    cachedPaths.add(unit.path);
  }

  const maxOutput = config.llm.max_output_tokens;
  // Prompt tokens get the share of the cap that leaves room for a full answer to every request.
  const promptShare = config.llm.max_request_tokens / (config.llm.max_request_tokens + maxOutput);
  const packed = packUnits(misses, {
    requestBudget: config.llm.max_request_tokens,
    fixedTokens,
    reviewBudget: Math.floor(input.tokenCap * promptShare),
  });
  const capSkipped = [...packed.skipped];

  const allowance = createTokenAllowance(input.tokenCap);
  const shape = { responseSchema: { name: 'argus_findings', schema: LLM_FINDINGS_JSON_SCHEMA }, maxOutputTokens: maxOutput };
  const outcomes = await Promise.all(
    packed.requests.map(async (request): Promise<AskOutcome | null> => {
      const messages = buildReviewMessages({ ...context, units: request });
      const estimate = fixedTokens + request.reduce((n, u) => n + u.tokens, 0) + maxOutput;
      if (!allowance.reserve(estimate)) return null;
      let reserved = estimate;
      // A repair repeats the prompt with the bad answer: it must fit the request cap and the review's tokens too.
      const mayRepair = (repairMessages: readonly ChatMessage[]): boolean => {
        const tokens = countMessageTokens(repairMessages);
        if (tokens > config.llm.max_request_tokens || !allowance.reserve(tokens + maxOutput)) return false;
        reserved += tokens + maxOutput;
        return true;
      };
      const outcome = await askForFindings(llm, messages, shape, buildRepairMessages, mayRepair);
      allowance.settle(reserved, outcome.promptTokens + outcome.completionTokens);
      return outcome;
    }),
  );

  const stats: LlmPassStats = {
    model: llm.model,
    requests: packed.requests.length,
    failedRequests: 0,
    calls: 0,
    promptTokens: 0,
    completionTokens: 0,
    costUsd: 0,
    priced: false,
    cachedUnits: units.length - misses.length,
    sentUnits: 0,
    responseFormat: null,
    moved: 0,
    suggestionsDropped: 0,
  };
  const findings: Finding[] = [];
  const rejected: ValidationRejection[] = [];
  // Dedupe within this run only: a finding already posted on the PR is still open, so it must stay in the
  // verdict; it is refused as `duplicate` below (never commented twice) but counted in `stillOpen`.
  const seen = new Set<string>();
  const validate = (raw: readonly unknown[], paths: Iterable<string>): void => {
    const files = new Map<string, ValidationFile>();
    for (const path of paths) files.set(path, byPath.get(path)!);
    const outcome = validateLlmFindings(raw, {
      files,
      staticFindings: input.staticFindings,
      postedFingerprints: seen,
      confidenceFloor: config.llm.confidence_floor,
      minSeverity: config.min_severity,
    });
    for (const f of outcome.accepted) seen.add(f.fingerprint);
    findings.push(...outcome.accepted);
    rejected.push(...outcome.rejected);
    stats.moved += outcome.moved.length;
    stats.suggestionsDropped += outcome.suggestionsDropped;
  };

  if (cachedRaw.length > 0 || cachedPaths.size > 0) validate(cachedRaw, cachedPaths);
  const failures: string[] = [];
  for (const [i, request] of packed.requests.entries()) {
    const outcome = outcomes[i];
    if (outcome === null || outcome === undefined) {
      for (const u of request) capSkipped.push({ path: u.path, reason: 'token-cap', startLine: u.startLine, endLine: u.endLine });
      continue;
    }
    stats.calls += outcome.calls;
    stats.promptTokens += outcome.promptTokens;
    stats.completionTokens += outcome.completionTokens;
    stats.responseFormat = outcome.responseFormat ?? stats.responseFormat;
    if (!outcome.result.ok) {
      stats.failedRequests += 1;
      failures.push(outcome.result.error);
      continue;
    }
    stats.sentUnits += request.length;
    validate(outcome.result.findings, new Set(request.map((u) => u.path)));
    if (input.cache) await storeInCache(input.cache, request, outcome.result.findings, keyOf);
  }

  for (const s of capSkipped) skipped.push({ path: `${s.path}:${s.startLine}-${s.endLine}`, reason: 'token-cap' });
  if (capSkipped.length > 0) {
    notes.push(
      `LLM pass: ${capSkipped.length} part(s) of the change were not sent to the model because of the token cap (${input.tokenCap.toLocaleString('en-US')} tokens); raise llm.max_review_tokens to review them`,
    );
  }
  if (failures.length > 0) {
    notes.push(`LLM pass: ${failures.length} of ${packed.requests.length} request(s) failed; their code got no model review (first: ${failures[0]})`);
  }
  const price = findPrice(llm.model, config.llm.prices);
  if (price) {
    stats.priced = true;
    stats.costUsd = estimateCost(price, stats.promptTokens, stats.completionTokens);
  } else if (stats.calls > 0) {
    notes.push(`LLM cost unknown: no price for model "${llm.model}"; add it under llm.prices to see the estimate`);
  }
  const stillOpen = findings.filter((f) => input.postedFingerprints.has(f.fingerprint));
  for (const f of stillOpen) rejected.push({ source: 'llm', reason: 'duplicate', path: f.path, line: f.line, title: f.title });
  return { findings: findings.filter((f) => !input.postedFingerprints.has(f.fingerprint)), stillOpen, rejected, skipped, notes, stats };
}

/** Stores each unit's share of the answer (lines relative to the unit), so an unchanged hunk costs nothing next time. */
async function storeInCache(
  cache: ReviewCache,
  request: readonly ReviewUnit[],
  raw: readonly unknown[],
  keyOf: (unit: ReviewUnit) => string,
): Promise<void> {
  for (const unit of request) {
    const mine = raw.filter((f) => {
      const line = lineOf(f);
      return pathOf(f) === unit.path && line !== null && line >= unit.startLine && line <= unit.endLine;
    });
    await cache.set(keyOf(unit), toRelativeFindings(mine, unit.startLine));
  }
}

function hasLineIn(lines: ReadonlySet<number>, start: number, end: number): boolean {
  for (const line of lines) if (line >= start && line <= end) return true;
  return false;
}
