import { isAtLeast, type Severity } from '../findings/finding.js';
import type { ReviewResult } from '../review/result.js';
import { render, type OutputFormat } from '../render/index.js';
import { RULE_DOCS } from '../static/index.js';
import type { CliIo } from './io.js';
import { VERSION } from './version.js';

export interface EmitOptions {
  format: OutputFormat;
  failOn: Severity | undefined;
  color: boolean;
}

/** Writes the report to stdout and returns the exit code: 1 when a finding meets --fail-on, else 0. */
export function emitResult(result: ReviewResult, options: EmitOptions, io: CliIo): number {
  io.stdout.write(render(options.format, result, { rules: RULE_DOCS, color: options.color, toolVersion: VERSION }));
  const failOn = options.failOn;
  return failOn !== undefined && result.findings.some((f) => isAtLeast(f.severity, failOn)) ? 1 : 0;
}
