/**
 * Files skipped unless `paths.exclude_defaults: false`: nobody reviews them line by line, and comments on
 * them are noise. Grouped so the docs can explain each group; the order is the documented order.
 * Patterns without a slash match the file name in any directory (see create-path-filter.ts).
 */
export const DEFAULT_EXCLUDE_GROUPS = [
  {
    name: 'Lock files',
    patterns: [
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
      'packages.lock.json',
      'Package.resolved',
      '*.lock',
    ],
  },
  {
    name: 'Minified files, bundles and source maps',
    patterns: ['*.min.js', '*.min.css', '*.map', '*.bundle.js'],
  },
  {
    name: 'Vendored code',
    patterns: ['**/vendor/**', '**/third_party/**', '**/node_modules/**'],
  },
  {
    name: 'Generated code',
    patterns: [
      'dist/**',
      'build/**',
      '**/*.generated.*',
      '**/__generated__/**',
      '**/*.pb.go',
      '**/*_pb2.py',
      '**/*_pb2_grpc.py',
      '**/*.snap',
      '**/__snapshots__/**',
    ],
  },
] as const satisfies readonly { name: string; patterns: readonly string[] }[];

/** Every default exclude pattern, in documented order. */
export const DEFAULT_EXCLUDES: readonly string[] = DEFAULT_EXCLUDE_GROUPS.flatMap((group) => group.patterns);
