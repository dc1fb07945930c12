import { severityRank, type Finding } from './finding.js';

export interface DedupeResult {
  kept: Finding[];
  /** Findings dropped because a stronger one with the same fingerprint was kept. */
  duplicates: Finding[];
}

/**
 * Keeps one finding per fingerprint: the most severe, then the most confident, then the first seen.
 * Order of the kept findings follows their first appearance.
 */
export function dedupeFindings(findings: readonly Finding[]): DedupeResult {
  const best = new Map<string, Finding>();
  const order: string[] = [];
  const duplicates: Finding[] = [];
  for (const f of findings) {
    const current = best.get(f.fingerprint);
    if (!current) {
      best.set(f.fingerprint, f);
      order.push(f.fingerprint);
    } else if (isStronger(f, current)) {
      best.set(f.fingerprint, f);
      duplicates.push(current);
    } else {
      duplicates.push(f);
    }
  }
  return { kept: order.map((fp) => best.get(fp)!), duplicates };
}

function isStronger(a: Finding, b: Finding): boolean {
  const bySeverity = severityRank(a.severity) - severityRank(b.severity);
  return bySeverity < 0 || (bySeverity === 0 && a.confidence > b.confidence);
}
