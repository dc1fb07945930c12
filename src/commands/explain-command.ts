import { z } from 'zod';
import type { ArgusConfig } from '../config/index.js';
import { countMessageTokens } from '../llm/budget/index.js';
import { createNonce, formatPullRequest, neutraliseDelimiter, redactLines, redactText, renderTemplate } from '../llm/prompt/index.js';
import type { PullRequestInfo, ReviewCommentInfo } from '../review/github-port.js';
import type { ChatMessage } from '../review/ports.js';
import { askModel } from './ask-model.js';
import type { CommandContext } from './command-context.js';
import { defineCommand } from './define-command.js';
import { loadCommandConfig } from './load-command-config.js';
import { questionTemplates } from './question-templates.js';
import { resolveCommandModel } from './resolve-command-model.js';
import { readThreadFinding } from './read-thread-finding.js';

/** Lines of code shown on each side of the commented line, at most (fewer when the request would be too big). */
export const EXPLAIN_CONTEXT_LINES = 40;
/** Longest finding text sent (a suggestion block can be long). */
const MAX_FINDING_LENGTH = 6000;
const HIDDEN_MARKER = /^<!-- argus:[^\n]*-->$/gm;

/** `explain [question]`, in the thread of an Argus finding: the model expands on it, with the code around it. */
export const explainCommand = defineCommand({
  name: 'explain',
  summary: 'Explain this finding in more depth (optionally: what you want to know).',
  usage: '/argus explain [question]',
  where: 'thread',
  needsWrite: true,
  costsTokens: true,
  args: z.string().trim().max(2000, { error: 'the question is longer than 2000 characters: shorten it' }),
  async run(ctx, question) {
    const { comment } = await readThreadFinding(ctx, '/argus explain');
    const { pr, config } = await loadCommandConfig(ctx);
    const model = resolveCommandModel(ctx, config, '/argus explain');
    if ('reply' in model) return model.reply;
    const lines = await codeLines(ctx, pr, comment);
    const nonce = createNonce();
    const finding = comment.body.replace(HIDDEN_MARKER, '').trim().slice(0, MAX_FINDING_LENGTH);
    const build = (code: string): ChatMessage[] => messages(config, nonce, { finding, question, pr, code });
    // Halve the window until the request fits; the finding text alone always fits the smallest cap.
    for (let radius = EXPLAIN_CONTEXT_LINES; ; radius = Math.floor(radius / 2)) {
      const built = build(window(lines, comment.line, radius));
      if (countMessageTokens(built) <= config.llm.max_request_tokens || radius === 0) {
        return askModel({ port: model.port, config, messages: built, daily: ctx.services.daily });
      }
    }
  },
});

async function codeLines(ctx: CommandContext, pr: PullRequestInfo, comment: ReviewCommentInfo): Promise<string[] | string> {
  if (comment.line === null) return '(the comment is outdated: its line is not in the current diff)';
  const content = await ctx.github.contentsAt(ctx.ref, pr.headSha).readNewFile(comment.path);
  if (content.kind !== 'text') return `(the file's content is not available: ${content.kind})`;
  // Redacted as a whole, so a private key block is recognised from its BEGIN line even when cut by the window.
  return redactLines(content.text.split(/\r?\n/));
}

function window(lines: string[] | string, line: number | null, radius: number): string {
  if (typeof lines === 'string' || line === null) return typeof lines === 'string' ? lines : '(no code)';
  const from = Math.max(1, line - radius);
  const to = Math.min(lines.length, line + radius);
  const rows: string[] = [];
  for (let n = from; n <= to; n++) rows.push(`${n}${n === line ? ' >' : '  '} ${lines[n - 1]}`);
  return rows.length > 0 ? rows.join('\n') : '(the line is past the end of the file)';
}

function messages(config: ArgusConfig, nonce: string, parts: { finding: string; question: string; pr: PullRequestInfo; code: string }): ChatMessage[] {
  const templates = questionTemplates('explain');
  const data = (text: string) => neutraliseDelimiter(text, nonce);
  return [
    { role: 'system', content: renderTemplate(templates.system, { language: config.language }) },
    {
      role: 'user',
      content: renderTemplate(templates.user, {
        nonce,
        finding: data(redactText(parts.finding)),
        question: data(parts.question === '' ? '(nothing more)' : redactText(parts.question)),
        pullRequest: data(formatPullRequest({ title: parts.pr.title, body: parts.pr.body })),
        code: data(parts.code),
      }),
    },
  ];
}
