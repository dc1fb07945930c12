#!/usr/bin/env node
// Thin launcher: the CLI is compiled to dist/ by `npm ci` (the `prepare` script).
let main;
try {
  // V8 flags for the static pass (dist/static/heap-tuning.js says why), set before the parser first runs.
  (await import('../dist/static/heap-tuning.js')).tuneHeap();
  ({ main } = await import('../dist/cli/main.js'));
} catch (err) {
  if (err && err.code === 'ERR_MODULE_NOT_FOUND' && String(err.message).includes('dist')) {
    process.stderr.write('argus: not built yet; run `npm ci` (or `npm run build`) in the argus folder first\n');
    process.exit(2);
  }
  throw err;
}

process.exitCode = await main(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  stdin: process.stdin,
  env: process.env,
  cwd: process.cwd(),
});
