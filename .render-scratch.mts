import { render, FORMATS } from './src/render/index.js';
import { FULL, STATIC_ONLY, CLEAN, CTX } from './test/unit/render/fixtures.js';
const which = process.argv[2] ?? 'text';
const r = ({ FULL, STATIC_ONLY, CLEAN } as any)[process.argv[3] ?? 'FULL'];
process.stdout.write(render(which as any, r, { ...CTX, color: process.argv[4] === 'color' }));
void FORMATS;
