import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findEnvReads } from './find-env-reads.js';

const ROOT = join(import.meta.dirname, '..', '..', '..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.(?:ts|mts|cts)$/.test(e.name) && !e.name.endsWith('.d.ts'))
    .map((e) => join(e.parentPath, e.name));
}

/** Every variable read under src/, with the files that read it. */
function envReadsInSrc(): Map<string, string[]> {
  const reads = new Map<string, string[]>();
  for (const file of sourceFiles(join(ROOT, 'src'))) {
    for (const name of findEnvReads(readFileSync(file, 'utf8'), file)) {
      reads.set(name, [...(reads.get(name) ?? []), relative(ROOT, file)]);
    }
  }
  return reads;
}

/** Names assigned in a .env-style file, commented out (`# NAME=`) or not. */
function documentedNames(text: string): Set<string> {
  return new Set([...text.matchAll(/^#?\s*([A-Z][A-Z0-9_]*)=/gm)].map((m) => m[1] as string));
}

describe('findEnvReads', () => {
  it('finds reads through env holders, destructuring and env schemas', () => {
    const source = `
      const a = process.env.APP_ID;
      const b = io.env['NO_COLOR'];
      const c = services.env.ARGUS_MAX_QUEUE + appEnv.ARGUS_REVIEW_CONCURRENCY;
      const { WEBHOOK_SECRET, GHE_HOST: host } = process.env;
      const appEnvSchema = z.object({ ARGUS_DAILY_TOKEN_CAP: whole(), nested: z.object({ LOG_LEVEL: text }) });
    `;
    expect(findEnvReads(source)).toEqual([
      'APP_ID',
      'ARGUS_DAILY_TOKEN_CAP',
      'ARGUS_MAX_QUEUE',
      'ARGUS_REVIEW_CONCURRENCY',
      'GHE_HOST',
      'LOG_LEVEL',
      'NO_COLOR',
      'WEBHOOK_SECRET',
    ]);
  });

  it('ignores mentions in comments and strings, lower-case keys, and env objects being built', () => {
    const source = `
      // secure: process.env.NODE_ENV === 'production'
      const doc = 'use process.env.DB_PASSWORD';
      const x = process.env.lowercase;
      spawn('git', [], { env: { ...process.env, GIT_TERMINAL_PROMPT: '0' } });
      const limits = { MAX_DEPTH: 3 };
    `;
    expect(findEnvReads(source)).toEqual([]);
  });
});

describe('.env.example', () => {
  const reads = envReadsInSrc();
  const envExample = documentedNames(readFileSync(join(ROOT, '.env.example'), 'utf8'));
  const deployDoc = readFileSync(join(ROOT, 'docs', 'deploy.md'), 'utf8');

  it('sees the variables src/ is known to read (the scan is not vacuous)', () => {
    for (const name of ['OPENAI_API_KEY', 'AZURE_OPENAI_ENDPOINT', 'ARGUS_LLM_CONCURRENCY', 'NO_COLOR', 'GITHUB_EVENT_NAME']) {
      expect(reads.has(name), name).toBe(true);
    }
  });

  it('documents every variable the App and the CLI read', () => {
    // Variables read only by the Action (src/action/) are set by the runner or action.yml, not by a .env file.
    const undocumented = [...reads]
      .filter(([name, files]) => !files.every((f) => f.startsWith(join('src', 'action'))) && !envExample.has(name))
      .map(([name, files]) => `${name} (read in ${files.join(', ')})`);
    expect(undocumented, 'add each to .env.example with a comment saying what it does').toEqual([]);
  });

  it('documents the variables only the Action reads in docs/deploy.md', () => {
    const actionOnly = [...reads].filter(([, files]) => files.every((f) => f.startsWith(join('src', 'action')))).map(([name]) => name);
    expect(actionOnly.filter((name) => !deployDoc.includes(`\`${name}\``))).toEqual([]);
  });

  it('documents what the deployment needs besides the code: Probot server and setup variables and the App limits', () => {
    for (const name of [
      'APP_ID', 'PRIVATE_KEY', 'PRIVATE_KEY_PATH', 'WEBHOOK_SECRET', 'WEBHOOK_PROXY_URL', 'GHE_HOST', 'GHE_PROTOCOL',
      'LOG_LEVEL', 'PORT', 'HOST', 'OPENAI_API_KEY', 'OPENAI_BASE_URL', 'ARGUS_MODEL', 'AZURE_OPENAI_API_KEY',
      'AZURE_OPENAI_ENDPOINT', 'OPENAI_API_VERSION', 'AZURE_OPENAI_DEPLOYMENT', 'ARGUS_LLM_TIMEOUT_MS',
      'ARGUS_LLM_MAX_RETRIES', 'ARGUS_LLM_CONCURRENCY', 'ARGUS_DAILY_TOKEN_CAP', 'ARGUS_REVIEW_CONCURRENCY', 'ARGUS_MAX_QUEUE',
    ]) {
      expect(envExample.has(name), name).toBe(true);
    }
  });
});
