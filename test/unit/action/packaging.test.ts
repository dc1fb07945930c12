import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');

interface CompositeAction {
  inputs: Record<string, { default: string }>;
  runs: { using: string; steps: Array<{ uses?: string; run?: string; env?: Record<string, string>; 'working-directory'?: string }> };
}

describe('action.yml', () => {
  const action = parse(read('action.yml')) as CompositeAction;

  it('takes the four documented inputs with their defaults', () => {
    expect(Object.fromEntries(Object.entries(action.inputs).map(([name, input]) => [name, input.default]))).toEqual({
      'github-token': '${{ github.token }}',
      'openai-api-key': '',
      model: '',
      'fail-on': '',
    });
  });

  it('sets up Node 20, installs and builds in the action folder, then runs the compiled entry point with the inputs', () => {
    const steps = action.runs.steps;
    expect(action.runs.using).toBe('composite');
    expect(steps.map((s) => s.uses ?? s.run)).toEqual([
      'actions/setup-node@v4',
      'npm ci --ignore-scripts --no-audit --no-fund',
      'npm run build',
      'node "$GITHUB_ACTION_PATH/dist/action/main.js"',
    ]);
    expect(steps[1]?.['working-directory']).toBe('${{ github.action_path }}');
    expect(steps[2]?.['working-directory']).toBe('${{ github.action_path }}');
    // The names src/action/read-action-context.ts and resolveLlmSettings read.
    expect(steps[3]?.env).toEqual({
      GITHUB_TOKEN: '${{ inputs.github-token }}',
      OPENAI_API_KEY: '${{ inputs.openai-api-key || env.OPENAI_API_KEY }}',
      ARGUS_MODEL: '${{ inputs.model || env.ARGUS_MODEL }}',
      ARGUS_FAIL_ON: '${{ inputs.fail-on }}',
    });
  });

  it('runs a file the build emits: tsconfig.build.json compiles src/action/main.ts to dist/action/main.js', () => {
    const build = JSON.parse(read('tsconfig.build.json')) as { compilerOptions: { rootDir: string; outDir: string } };
    const script = /"\$GITHUB_ACTION_PATH\/(.+)"/.exec(action.runs.steps[3]?.run ?? '')?.[1] ?? '';
    const source = script.replace(new RegExp(`^${build.compilerOptions.outDir}/`), `${build.compilerOptions.rootDir}/`).replace(/\.js$/, '.ts');
    expect(source).toBe('src/action/main.ts');
    expect(existsSync(join(ROOT, source))).toBe(true);
  });
});

describe('Dockerfile and .dockerignore', () => {
  const dockerfile = read('Dockerfile');
  const allowed = read('.dockerignore')
    .split('\n')
    .filter((line) => line.startsWith('!'))
    .map((line) => line.slice(1).replace(/\/$/, ''));
  const copies = [...dockerfile.matchAll(/^COPY (?!--from)(.+)$/gm)].flatMap((m) => (m[1] as string).trim().split(/\s+/).slice(0, -1));
  const runtime = dockerfile.slice(dockerfile.indexOf('AS runtime'));

  it('lets every file the Dockerfile copies through the allow-list', () => {
    expect(copies.length).toBeGreaterThan(0);
    expect(copies.filter((path) => !allowed.includes(path))).toEqual([]);
  });

  it('ships in the runtime image exactly what package.json publishes', () => {
    const files = (JSON.parse(read('package.json')) as { files: string[] }).files;
    const shipped = [...runtime.matchAll(/^COPY (?:--from=build \/app\/)?(\S+) /gm)]
      .map((m) => m[1] as string)
      .filter((path) => !path.startsWith('package'));
    expect(shipped.sort()).toEqual([...files].sort());
  });

  it('runs production-only, as a non-root user, with a health check on /ping and the server as the command', () => {
    expect(runtime).toContain('RUN npm ci --omit=dev --ignore-scripts');
    expect(runtime).toMatch(/ENV NODE_ENV=production/);
    expect(runtime).toMatch(/^USER node$/m);
    expect(runtime).toMatch(/^HEALTHCHECK .*\n\s+CMD \["node", "-e", ".*\/ping'/m);
    // The V8 flag of the static pass (src/static/heap-tuning.ts; test/unit/static/heap-tuning.test.ts checks which).
    expect(runtime).toMatch(/^CMD \["node", "--[a-z-]+", "node_modules\/probot\/bin\/probot\.js", "run", "\.\/dist\/index\.js"\]$/m);
    expect(runtime).toMatch(/^ARG SEMGREP_SPEC="semgrep==\d+\.\d+\.\d+"$/m);
  });
});
