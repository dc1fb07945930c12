import type { ArtifactLocation, Fix, Log, Notification, Result } from 'sarif';
import type { Finding } from '../findings/finding.js';
import type { ReviewResult } from '../review/result.js';
import { buildSarifRules } from './build-sarif-rules.js';
import type { RenderContext } from './context.js';
import { sarifLevel } from './sarif-level.js';
import { TOOL_INFORMATION_URI, TOOL_NAME } from './tool-info.js';

/** Key under which GitHub receives our fingerprint; the suffix lets the scheme change without collisions. */
export const FINGERPRINT_KEY = 'argusFingerprint/v1';

/**
 * `--format sarif`: one SARIF 2.1.0 run that GitHub code scanning accepts. Rules are the ids that occur,
 * results keep the pipeline's order, suggestions become `fixes`, and `notes` become tool execution
 * notifications (GitHub lists them on the tool status page). Pretty-printed, trailing newline.
 */
export function renderSarif(result: ReviewResult, ctx: RenderContext): string {
  const rules = buildSarifRules(result.findings, ctx.rules);
  const ruleIndex = new Map(rules.map((rule, index) => [rule.id, index]));
  const notifications: Notification[] = result.notes.map((text) => ({ level: 'note', message: { text } }));
  const log: Log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: { name: TOOL_NAME, informationUri: TOOL_INFORMATION_URI, semanticVersion: ctx.toolVersion, rules },
        },
        invocations: [
          { executionSuccessful: true, ...(notifications.length > 0 ? { toolExecutionNotifications: notifications } : {}) },
        ],
        results: result.findings.map((f) => toResult(f, ruleIndex.get(f.ruleId) ?? 0)),
        properties: {
          files: result.stats.files,
          changedLines: result.stats.changedLines,
          skippedFiles: result.stats.skippedFiles.map((s) => ({ path: s.path, reason: s.reason })),
          rejected: result.rejected.length,
          llm: result.stats.llm,
        },
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

function toResult(f: Finding, ruleIndex: number): Result {
  const artifactLocation = artifact(f.path);
  const region = { startLine: f.line, endLine: f.endLine };
  return {
    ruleId: f.ruleId,
    ruleIndex,
    level: sarifLevel(f.severity),
    message: { text: messageText(f) },
    locations: [{ physicalLocation: { artifactLocation, region } }],
    partialFingerprints: { [FINGERPRINT_KEY]: f.fingerprint },
    ...(f.suggestion !== undefined ? { fixes: [fix(f.suggestion, artifactLocation, region)] } : {}),
  };
}

/** GitHub shows the first sentence when space is short, so the title goes first as its own sentence. */
function messageText(f: Finding): string {
  const message = f.message.trim();
  if (message === '') return f.title;
  return /[.!?]$/.test(f.title) ? `${f.title} ${message}` : `${f.title}. ${message}`;
}

/** `uri` is a URI reference: each path segment is percent-encoded (spaces, `#`, `?`, `%`, a `:` that would read as a scheme). */
function artifact(path: string): ArtifactLocation {
  return { uri: path.split('/').map(encodeURIComponent).join('/'), uriBaseId: '%SRCROOT%' };
}

/**
 * A region with only start/end lines spans those lines' text without the final line break (SARIF 3.30),
 * so inserting the suggestion as-is (it has no trailing newline) replaces the lines exactly.
 */
function fix(suggestion: string, artifactLocation: ArtifactLocation, region: { startLine: number; endLine: number }): Fix {
  return {
    description: { text: 'Apply the suggested replacement.' },
    artifactChanges: [{ artifactLocation, replacements: [{ deletedRegion: region, insertedContent: { text: suggestion } }] }],
  };
}
