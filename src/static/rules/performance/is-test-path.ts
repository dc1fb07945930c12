const TEST_PATH = /(?:^|\/)(?:__tests__|__mocks__|tests?|spec|e2e|fixtures)\/|\.(?:test|spec|e2e|bench)\.[cm]?[jt]sx?$/;

/**
 * True for test, spec, fixture and benchmark files (`*.test.ts`, `__tests__/`, `test/`, `spec/`). Performance rules
 * skip them: a test awaits one case after another for readable failures, and its speed is not the product's.
 */
export function isTestPath(path: string): boolean {
  return TEST_PATH.test(path);
}
