import { parseDiff } from './src/diff/index.js';
const text = (await import('node:fs')).readFileSync('/tmp/argus-scratch/corpus.diff', 'utf8');
for (let i = 0; i < 200; i++) parseDiff(text);
