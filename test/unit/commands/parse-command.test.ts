import { describe, expect, it } from 'vitest';
import { parseCommand } from '../../../src/commands/parse-command.js';
import { COMMAND_NAMES } from '../../../src/commands/command-names.js';
import { COMMANDS, findCommand } from '../../../src/commands/registry.js';

const SLUG = 'argus-review';

describe('parseCommand', () => {
  it.each([
    ['/argus review', { name: 'review', args: '', form: 'long', known: true }],
    ['/argus review full', { name: 'review', args: 'full', form: 'long', known: true }],
    ['/ARGUS Review FULL', { name: 'review', args: 'FULL', form: 'long', known: true }],
    ['@argus-review ask  why  this? ', { name: 'ask', args: 'why  this?', form: 'long', known: true }],
    ['@Argus-Review[bot] help', { name: 'help', args: '', form: 'long', known: true }],
    ['/argus', { name: 'help', args: '', form: 'long', known: true }],
    ['/argus frobnicate now', { name: 'frobnicate', args: 'now', form: 'long', known: false }],
    ['/review', { name: 'review', args: '', form: 'short', known: true }],
    ['/Dismiss test code only', { name: 'dismiss', args: 'test code only', form: 'short', known: true }],
    ['Thanks!\r\n\r\n   /pause\r\n', { name: 'pause', args: '', form: 'short', known: true }],
  ])('%j', (body, expected) => {
    expect(parseCommand(body, SLUG)).toEqual(expected);
  });

  it.each([
    ['an unknown short form', '/cc @octocat'],
    ['a path', '/usr/bin/env node'],
    ['a command mid-line', 'please /argus review'],
    ['a quote', '> /argus review full'],
    ['an indented code block', '    /argus review'],
    ['a fenced code block', '```sh\n/argus review\n```'],
    ['a tilde fence', '~~~\n/review\n~~~'],
    ['another app', '@other-bot review'],
    ['a glued name', '/argusreview'],
    ['a short form glued to a path', '/review/full'],
  ])('ignores %s', (_name, body) => {
    expect(parseCommand(body, SLUG)).toBeNull();
  });

  it('finds a command after a fence closes, and takes the first command only', () => {
    expect(parseCommand('```\n/review\n````\nthen\n/ask a\n/pause', SLUG)).toEqual({ name: 'ask', args: 'a', form: 'short', known: true });
  });
});

describe('the registry', () => {
  it('has one entry per known name, under its own name, in help order', () => {
    expect(COMMANDS.map((c) => c.name)).toEqual([...COMMAND_NAMES]);
    for (const name of COMMAND_NAMES) expect(findCommand(name)?.name).toBe(name);
    expect(findCommand('constructor')).toBeUndefined();
  });

  it('requires write permission exactly for the commands that cost tokens or change state', () => {
    expect(COMMANDS.filter((c) => c.needsWrite).map((c) => c.name)).toEqual(['review', 'ask', 'explain', 'dismiss', 'pause', 'resume']);
    expect(COMMANDS.filter((c) => c.costsTokens).map((c) => c.name)).toEqual(['review', 'ask', 'explain']);
  });

  it('validates arguments with zod', () => {
    const bind = (name: string, raw: string) => findCommand(name)!.bind(raw);
    expect(bind('review', 'FULL').ok).toBe(true);
    expect(bind('review', 'everything')).toEqual({ ok: false, error: 'review takes nothing or `full`: /argus review [full]' });
    expect(bind('ask', '')).toEqual({ ok: false, error: 'ask needs a question: /argus ask <question>' });
    expect(bind('ask', 'x'.repeat(2000)).ok).toBe(true);
    expect(bind('ask', 'x'.repeat(2001))).toEqual({ ok: false, error: 'the question is longer than 2000 characters: shorten it' });
    expect(bind('pause', 'now')).toEqual({ ok: false, error: 'pause takes no arguments: /argus pause' });
  });
});
