import { createRequire } from 'node:module';

/** Real payloads from @octokit/webhooks-examples, named `<event>.<action>` (or `<event>` when it has no action). */
export type WebhookExampleName = 'pull_request.opened' | 'pull_request.synchronize' | 'push';

interface Definition {
  name: string;
  examples: Array<Record<string, unknown> & { action?: string }>;
}

const definitions = createRequire(import.meta.url)('@octokit/webhooks-examples') as Definition[];

/** The first example payload of `name`, as a fresh copy that a test may change. */
export function webhookExample(name: WebhookExampleName): Record<string, unknown> {
  const [event, action] = name.split('.');
  const example = definitions.find((d) => d.name === event)?.examples.find((e) => e.action === action);
  if (example === undefined) throw new Error(`no example payload ${name} in @octokit/webhooks-examples`);
  return structuredClone(example);
}
