import type { ReportingDescriptor } from 'sarif';
import { severityRank, type Category, type Finding, type Severity, type Source } from '../findings/finding.js';
import type { RuleDoc } from '../findings/rule-doc.js';
import { SECURITY_SEVERITY, sarifLevel } from './sarif-level.js';

const SOURCE_LABEL: Readonly<Record<Source, string>> = { static: 'static', llm: 'LLM', semgrep: 'Semgrep' };

/**
 * One SARIF rule per rule id that appears in `findings`, sorted by id. Known ids are described from their
 * RuleDoc; unknown ones (LLM ids such as `llm/bug`) get a generic description built from the category, and the
 * level of their most severe finding. Each result's own message carries the specifics.
 */
export function buildSarifRules(findings: readonly Finding[], docs: ReadonlyMap<string, RuleDoc>): ReportingDescriptor[] {
  const firstById = new Map<string, { finding: Finding; severity: Severity }>();
  for (const f of findings) {
    const seen = firstById.get(f.ruleId);
    if (seen === undefined) firstById.set(f.ruleId, { finding: f, severity: f.severity });
    else if (severityRank(f.severity) < severityRank(seen.severity)) seen.severity = f.severity;
  }
  // Code-unit order, not localeCompare: the output must not depend on the machine's locale.
  const ids = [...firstById.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return ids.map((id) => {
    const doc = docs.get(id);
    if (doc !== undefined) return knownRule(doc);
    const { finding, severity } = firstById.get(id)!;
    return unknownRule(id, finding.category, finding.source, severity);
  });
}

function knownRule(doc: RuleDoc): ReportingDescriptor {
  const help = doc.help.trim();
  const firstParagraph = help.split(/\n\s*\n/)[0]?.trim() || doc.title;
  return describe(doc.id, doc.title, firstParagraph, help || doc.title, doc.category, doc.severity);
}

function unknownRule(id: string, category: Category, source: Source, severity: Severity): ReportingDescriptor {
  const title = `${category.charAt(0).toUpperCase()}${category.slice(1)} finding`;
  const full = `${title} reported by Argus's ${SOURCE_LABEL[source]} pass under ${id}; each alert's message explains the specific problem.`;
  return describe(id, title, full, full, category, severity);
}

function describe(
  id: string,
  title: string,
  fullDescription: string,
  help: string,
  category: Category,
  severity: Severity,
): ReportingDescriptor {
  return {
    id,
    shortDescription: { text: title },
    fullDescription: { text: fullDescription },
    help: { text: help, markdown: help },
    defaultConfiguration: { level: sarifLevel(severity) },
    properties: {
      tags: [category],
      ...(category === 'security' ? { 'security-severity': SECURITY_SEVERITY[severity] } : {}),
    },
  };
}
