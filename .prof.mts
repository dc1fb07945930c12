import { parseDiff } from './src/diff/index.js';
import { parsePatch } from 'diff';
// same generator as the bench, imported indirectly by running a tiny copy
const text = (await import('node:fs')).readFileSync('/tmp/argus-scratch/corpus.diff', 'utf8');
const t = (f: () => unknown) => { const xs: number[] = []; for (let i = 0; i < 25; i++) { const s = performance.now(); f(); xs.push(performance.now() - s); } xs.sort((a, b) => a - b); return xs[12]!.toFixed(1); };
console.log('split only', t(() => text.split('\n')));
console.log('argus', t(() => parseDiff(text)));
console.log('jsdiff', t(() => parsePatch(text)));
