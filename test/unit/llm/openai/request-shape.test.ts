import { BadRequestError, InternalServerError } from 'openai';
import { describe, expect, it } from 'vitest';
import { adaptRequestShape, hasFixedTemperature, mergeRequestShape, type RequestShape } from '../../../../src/llm/openai/index.js';

const strict: RequestShape = { mode: 'json_schema', temperature: true, tokenParam: 'max_tokens' };

function rejection(message: string, param: string | null = null, status: 400 | 422 = 400) {
  return new BadRequestError(status as 400, { message, type: 'invalid_request_error', param, code: null }, undefined, new Headers());
}

describe('hasFixedTemperature', () => {
  it.each([
    ['o1', true],
    ['o3-mini', true],
    ['o4-mini-2025-04-16', true],
    ['gpt-5', true],
    ['openai/gpt-5-mini', true],
    ['gpt-5-chat-latest', false],
    ['gpt-4.1-mini', false],
    ['gpt-4o', false],
    ['qwen2.5-coder:7b', false],
    ['llama3.1', false],
  ])('%s -> %s', (model, fixed) => expect(hasFixedTemperature(model)).toBe(fixed));
});

describe('adaptRequestShape', () => {
  it('steps the format down when the server names response_format', () => {
    expect(adaptRequestShape(rejection('not supported', 'response_format'), strict, strict)).toEqual({ ...strict, mode: 'json_object' });
    expect(adaptRequestShape(rejection('not supported', 'response_format.type'), { ...strict, mode: 'json_object' }, strict)).toEqual({ ...strict, mode: 'text' });
  });

  it('trusts param over the message: a messages error that quotes response_format is not a format rejection', () => {
    expect(adaptRequestShape(rejection("'messages' must contain the word 'json' to use 'response_format'", 'messages'), strict, strict)).toBeNull();
  });

  it('reads the message when there is no param', () => {
    expect(adaptRequestShape(rejection('Structured Outputs are not supported'), strict, strict)).toEqual({ ...strict, mode: 'json_object' });
    expect(adaptRequestShape(rejection('JSON mode is unavailable', null, 422), { ...strict, mode: 'json_object' }, strict)).toEqual({ ...strict, mode: 'text' });
  });

  it('does not treat a json_schema complaint as a rejection of a json_object request', () => {
    expect(adaptRequestShape(rejection('json_schema is not supported'), { ...strict, mode: 'json_object' }, strict)).toBeNull();
  });

  it('never steps below text, and ignores other statuses and other 400s', () => {
    expect(adaptRequestShape(rejection('response_format unknown', 'response_format', 400), { ...strict, mode: 'text', temperature: false, tokenParam: 'max_completion_tokens' }, strict)).toBeNull();
    expect(adaptRequestShape(new InternalServerError(500, { message: 'response_format crashed' }, undefined, new Headers()), strict, strict)).toBeNull();
    expect(adaptRequestShape(rejection('prompt too long', 'messages'), strict, strict)).toBeNull();
    expect(adaptRequestShape(new Error('response_format'), strict, strict)).toBeNull();
  });

  it('switches the token parameter only away from the initial one', () => {
    const switched = adaptRequestShape(rejection('unsupported', 'max_tokens'), strict, strict);
    expect(switched).toEqual({ ...strict, tokenParam: 'max_completion_tokens' });
    expect(adaptRequestShape(rejection('unsupported', 'max_completion_tokens'), switched!, strict)).toBeNull();
  });
});

describe('mergeRequestShape', () => {
  it('keeps what other calls learnt and never steps the format back up', () => {
    const current: RequestShape = { mode: 'text', temperature: true, tokenParam: 'max_tokens' };
    expect(mergeRequestShape(current, strict, { ...strict, mode: 'json_object' })).toEqual(current);
    expect(mergeRequestShape(current, strict, { ...strict, temperature: false })).toEqual({ ...current, temperature: false });
  });
});
