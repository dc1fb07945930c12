import type { Finding } from '../findings/finding.js';
import { codeSpan } from './code-span.js';
import type { RenderContext } from './context.js';
import { escapeMarkdown } from './escape-markdown.js';
import { fenceCode } from './fence-code.js';
import { fingerprintMarker } from './markers.js';
import { SEVERITY_EMOJI } from './severity-emoji.js';

/**
 * The body of one review comment, as posted on the finding's lines: a severity/category/rule line, the
 * title in bold, the message, a ```suggestion block when the finding carries a replacement, and the hidden
 * fingerprint marker last. No trailing newline.
 */
export function renderLineComment(finding: Finding, _ctx: RenderContext): string {
  const blocks = [
    `${SEVERITY_EMOJI[finding.severity]} **${finding.severity}** · ${finding.category} · ${codeSpan(finding.ruleId)}`,
    `**${escapeMarkdown(finding.title, { inline: true })}**`,
  ];
  const message = escapeMarkdown(finding.message.trim());
  if (message !== '') blocks.push(message);
  if (finding.suggestion !== undefined) blocks.push(fenceCode(finding.suggestion, 'suggestion'));
  blocks.push(fingerprintMarker(finding.fingerprint));
  return blocks.join('\n\n');
}
