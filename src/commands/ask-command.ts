import { z } from 'zod';
import { countMessageTokens } from '../llm/budget/index.js';
import { createNonce, formatPullRequest, neutraliseDelimiter, redactText, renderTemplate } from '../llm/prompt/index.js';
import type { ChatMessage } from '../review/ports.js';
import { askModel } from './ask-model.js';
import { defineCommand } from './define-command.js';
import { formatDiffForQuestion } from './format-diff-for-question.js';
import { loadCommandConfig } from './load-command-config.js';
import { questionTemplates } from './question-templates.js';
import { resolveCommandModel } from './resolve-command-model.js';

/** Longest question accepted (characters). */
export const MAX_QUESTION_LENGTH = 2000;

/** Tokens kept free for the note listing files left out of the diff. */
const OMITTED_NOTE_TOKENS = 600;

/** `ask <question>`: answered by the model from the pull request's diff. */
export const askCommand = defineCommand({
  name: 'ask',
  summary: "Ask a question about this pull request; answered from its diff.",
  usage: '/argus ask <question>',
  where: 'both',
  needsWrite: true,
  costsTokens: true,
  args: z
    .string()
    .trim()
    .min(1, { error: 'ask needs a question: /argus ask <question>' })
    .max(MAX_QUESTION_LENGTH, { error: `the question is longer than ${MAX_QUESTION_LENGTH} characters: shorten it` }),
  async run(ctx, question) {
    const { pr, config } = await loadCommandConfig(ctx);
    const model = resolveCommandModel(ctx, config, '/argus ask');
    if ('reply' in model) return model.reply;
    const changed = await ctx.github.listPullRequestFiles(ctx.ref);
    const nonce = createNonce();
    const templates = questionTemplates('ask');
    const build = (diff: string): ChatMessage[] => [
      { role: 'system', content: renderTemplate(templates.system, { language: config.language }) },
      {
        role: 'user',
        content: renderTemplate(templates.user, {
          nonce,
          question: neutraliseDelimiter(redactText(question), nonce),
          pullRequest: neutraliseDelimiter(formatPullRequest({ title: pr.title, body: pr.body }), nonce),
          diff,
        }),
      },
    ];
    const budget = config.llm.max_request_tokens - countMessageTokens(build('')) - OMITTED_NOTE_TOKENS;
    const diff = formatDiffForQuestion(changed.files, Math.max(0, budget));
    return askModel({ port: model.port, config, messages: build(neutraliseDelimiter(diff.text, nonce)), daily: ctx.services.daily });
  },
});
