import type { RuleDoc } from '../findings/rule-doc.js';
import { loadLangRules, type LangId } from './lang/index.js';
import { HARDCODED_SECRET_RULE, RULE_DOCS } from './registry.js';

const LANGUAGE_NAMES: Record<LangId, string> = { python: 'Python', go: 'Go', java: 'Java' };
const NOTE = '<!-- Generated from the rule registry by `npm run gen:schema`; edit the rules, not this table. -->';

/** Which languages each rule id covers: JS/TS for AST rules, plus the YAML rules' languages. */
function languagesByRule(): Map<string, string[]> {
  const byRule = new Map<string, Set<string>>();
  for (const id of RULE_DOCS.keys()) byRule.set(id, new Set(id === HARDCODED_SECRET_RULE.id ? ['any text file'] : ['JS/TS']));
  for (const rule of loadLangRules().rules) {
    const set = byRule.get(rule.ruleId) ?? new Set<string>();
    set.add(LANGUAGE_NAMES[rule.language]);
    byRule.set(rule.ruleId, set);
  }
  return new Map([...byRule].map(([id, set]) => [id, [...set]]));
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n+/g, ' ');
}

/** The README's rules table: id, category, default severity, languages, title. */
export function renderRulesTable(): string {
  const languages = languagesByRule();
  const rows = [...RULE_DOCS.values()].map(
    (d: RuleDoc) => `| [\`${d.id}\`](docs/rules.md#${d.id}) | ${d.category} | ${d.severity} | ${cell(languages.get(d.id)!.join(', '))} | ${cell(d.title)} |`,
  );
  return `${NOTE}\n\n| rule | category | default severity | languages | finds |\n| --- | --- | --- | --- | --- |\n${rows.join('\n')}\n`;
}

/** docs/rules.md: every rule with its help text. */
export function renderRulesReference(): string {
  const languages = languagesByRule();
  const sections = [...RULE_DOCS.values()].map(
    (d) =>
      `## ${d.id}\n\n**${cell(d.title)}** · ${d.category} · default severity ${d.severity} · ${languages.get(d.id)!.join(', ')}\n\n${d.help}\n`,
  );
  return [
    '# Rules',
    '',
    '<!-- Generated from the rule registry by `npm run gen:schema`; edit the rules, not this file. -->',
    '',
    'Every rule can be switched off or re-graded in `.github/argus.yml` (`rules: { <id>: off | <severity> }`), and',
    'silenced on one line with a comment on the line before: `// argus-ignore-next-line <rule-id> -- reason`.',
    'Sinks fed by values traced to user input are reported at the rule\'s severity; values not traced to input',
    'are reported one grade lower with lower confidence; constants are not reported.',
    '',
    ...sections,
  ].join('\n');
}
