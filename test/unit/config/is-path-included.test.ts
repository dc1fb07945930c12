import { describe, expect, it } from 'vitest';
import { createPathFilter, DEFAULT_EXCLUDES, defaultConfig, isPathIncluded, parseConfig } from '../../../src/config/index.js';

const defaults = defaultConfig();
const included = (path: string): boolean => isPathIncluded(defaults, path);

describe('isPathIncluded with the defaults', () => {
  it.each([
    'src/index.ts',
    'README.md',
    'packages/api/src/server.go',
    '.github/workflows/ci.yml',
    '.eslintrc.cjs',
    'src/.hidden/config.ts',
    'src/build-tools/make.ts',
    'docs/vendor-notes.md',
    'src/lockfile.ts',
    'src/map.ts',
    'src/snapshot.ts',
  ])('reviews %s', (path) => {
    expect(included(path)).toBe(true);
  });

  it.each([
    // lock files, at the root and in any package
    'package-lock.json',
    'npm-shrinkwrap.json',
    'yarn.lock',
    'pnpm-lock.yaml',
    'bun.lockb',
    'Cargo.lock',
    'Gemfile.lock',
    'composer.lock',
    'poetry.lock',
    'go.sum',
    'flake.lock',
    'packages/web/package-lock.json',
    'services/api/go.sum',
    // minified files, bundles, source maps
    'public/jquery.min.js',
    'static/site.min.css',
    'dist-assets/app.js.map',
    'web/app.bundle.js',
    // vendored
    'vendor/github.com/pkg/errors/errors.go',
    'third_party/zlib/zlib.c',
    'node_modules/left-pad/index.js',
    'services/api/vendor/lib.go',
    'web/node_modules/x/y.js',
    // generated
    'dist/index.js',
    'build/output.js',
    'src/api.generated.ts',
    'src/__generated__/graphql.ts',
    'proto/user.pb.go',
    'proto/user_pb2.py',
    'proto/user_pb2_grpc.py',
    'test/__snapshots__/view.test.ts.snap',
    'test/view.snap',
  ])('skips %s', (path) => {
    expect(included(path)).toBe(false);
  });

  it('ignores a leading "./"', () => {
    expect(included('./src/index.ts')).toBe(true);
    expect(included('./yarn.lock')).toBe(false);
  });

  it('is case-sensitive, like git', () => {
    expect(included('DIST/index.js')).toBe(true);
  });
});

describe('isPathIncluded with a config', () => {
  it('reviews only files matching paths.include', () => {
    const config = parseConfig('paths:\n  include: ["src/**", "*.md"]\n', 'argus.yml');
    expect(isPathIncluded(config, 'src/a.ts')).toBe(true);
    expect(isPathIncluded(config, 'docs/guide/intro.md')).toBe(true);
    expect(isPathIncluded(config, 'lib/a.ts')).toBe(false);
    expect(isPathIncluded(config, 'src/yarn.lock')).toBe(false);
  });

  it('adds paths.exclude to the default excludes', () => {
    const config = parseConfig('paths:\n  exclude: ["docs/**", "**/*.test.ts"]\n', 'argus.yml');
    expect(isPathIncluded(config, 'docs/a.md')).toBe(false);
    expect(isPathIncluded(config, 'src/deep/a.test.ts')).toBe(false);
    expect(isPathIncluded(config, 'package-lock.json')).toBe(false);
    expect(isPathIncluded(config, 'src/a.ts')).toBe(true);
  });

  it('drops the default excludes with exclude_defaults: false', () => {
    const config = parseConfig('paths:\n  exclude_defaults: false\n  exclude: ["yarn.lock"]\n', 'argus.yml');
    expect(isPathIncluded(config, 'dist/index.js')).toBe(true);
    expect(isPathIncluded(config, 'vendor/a.go')).toBe(true);
    expect(isPathIncluded(config, 'package-lock.json')).toBe(true);
    expect(isPathIncluded(config, 'yarn.lock')).toBe(false);
  });

  it('matches dot files with user globs too', () => {
    const config = parseConfig('paths:\n  exclude: [".github/**", "*.env"]\n', 'argus.yml');
    expect(isPathIncluded(config, '.github/workflows/ci.yml')).toBe(false);
    expect(isPathIncluded(config, 'config/.env')).toBe(false);
    expect(isPathIncluded(config, 'config/app.ts')).toBe(true);
  });

  it('reviews nothing with an empty include list', () => {
    const config = parseConfig('paths:\n  include: []\n', 'argus.yml');
    expect(isPathIncluded(config, 'src/a.ts')).toBe(false);
  });

  it('follows a config changed in place', () => {
    const config = defaultConfig();
    expect(isPathIncluded(config, 'src/a.ts')).toBe(true);
    config.paths.exclude.push('src/**');
    expect(isPathIncluded(config, 'src/a.ts')).toBe(false);
  });

  it('gives the same answers as a compiled filter', () => {
    const filter = createPathFilter(defaults.paths);
    for (const path of ['src/a.ts', 'yarn.lock', 'dist/a.js', '.github/argus.yml']) {
      expect(filter(path)).toBe(included(path));
    }
  });
});

describe('DEFAULT_EXCLUDES', () => {
  it('has no duplicates', () => {
    expect(new Set(DEFAULT_EXCLUDES).size).toBe(DEFAULT_EXCLUDES.length);
  });
});
