import { parseDiff } from './src/diff/index.js';
import { readFileSync } from 'node:fs';
for (const f of process.argv.slice(2)) {
  for (const d of parseDiff(readFileSync(f, 'utf8'))) {
    console.log(JSON.stringify({ ...d, hunks: d.hunks.map(h => ({ ...h, lines: h.lines.map(l => `${l.kind} ${l.oldLine}/${l.newLine} ${JSON.stringify(l.content)}`) })), addedLines: [...d.addedLines], commentableLines: [...d.commentableLines] }));
  }
}
