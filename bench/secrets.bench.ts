/*
 * `npm run bench:secrets`: the measurement behind the choice of secret patterns (see
 * src/static/secrets/secret-patterns.ts and docs/secrets.md).
 * 1. Accuracy on the labelled corpus of bench/secrets-corpus.ts: per format, how many credentials each scanner
 *    finds (recall); per look-alike kind, how many it flags (false positives); overall precision. A detection
 *    counts as found when its range overlaps the labelled credential.
 * 2. Speed: the whole corpus repeated to ~1 MB, scanned by each in the same run (median of 5; ratios only).
 * Scanners: ours (`scanSecrets`) and secretlint's recommended preset through `@secretlint/core`'s `lintSource`.
 * Not part of `npm test`: it prints figures and never asserts on time.
 */
import { performance } from 'node:perf_hooks';
import { lintSource } from '@secretlint/core';
import { creator as recommendedPreset } from '@secretlint/secretlint-rule-preset-recommend';
import type { SecretLintCoreConfig } from '@secretlint/types';
import { scanSecrets } from '../src/static/secrets/index.js';
import { buildSecretCorpus, type SecretSample } from './secrets-corpus.js';

type Range = readonly [start: number, end: number];
interface Scanner {
  name: string;
  scan(text: string): Promise<Range[]>;
}

const SECRETLINT_CONFIG: SecretLintCoreConfig = {
  rules: [{ id: '@secretlint/secretlint-rule-preset-recommend', rule: recommendedPreset }],
};

const ours: Scanner = {
  name: 'ours',
  scan: (text) => {
    const offsets = lineOffsets(text);
    return Promise.resolve(scanSecrets(text).map((m) => [offsets[m.line - 1]! + m.column, offsets[m.line - 1]! + m.column + m.value.length] as const));
  },
};

const secretlint: Scanner = {
  name: 'secretlint',
  scan: async (text) => {
    const result = await lintSource({
      source: { content: text, filePath: 'sample.txt', contentType: 'text' },
      options: { config: SECRETLINT_CONFIG, noPhysicFilePath: true },
    });
    return result.messages.map((m) => m.range);
  },
};

function lineOffsets(text: string): number[] {
  const offsets = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') offsets.push(i + 1);
  return offsets;
}

function overlaps(a: Range, b: Range): boolean {
  return a[0] < b[1] && b[0] < a[1];
}

interface Score {
  /** kind -> [found, total] for positives; kind -> [flagged samples, total] for negatives. */
  recall: Map<string, [number, number]>;
  falsePositives: Map<string, [number, number]>;
  truePositiveDetections: number;
  falsePositiveDetections: number;
}

async function score(scanner: Scanner, positives: SecretSample[], negatives: SecretSample[]): Promise<Score> {
  const s: Score = { recall: new Map(), falsePositives: new Map(), truePositiveDetections: 0, falsePositiveDetections: 0 };
  for (const sample of positives) {
    const detections = await scanner.scan(sample.text);
    const secretRanges = sample.secrets.map((v) => [sample.text.indexOf(v), sample.text.indexOf(v) + v.length] as const);
    const found = secretRanges.filter((r) => detections.some((d) => overlaps(d, r))).length;
    for (const d of detections) {
      if (secretRanges.some((r) => overlaps(d, r))) s.truePositiveDetections++;
      else s.falsePositiveDetections++;
    }
    const [f, t] = s.recall.get(sample.kind) ?? [0, 0];
    s.recall.set(sample.kind, [f + found, t + sample.secrets.length]);
  }
  for (const sample of negatives) {
    const detections = await scanner.scan(sample.text);
    s.falsePositiveDetections += detections.length;
    const [f, t] = s.falsePositives.get(sample.kind) ?? [0, 0];
    s.falsePositives.set(sample.kind, [f + (detections.length > 0 ? 1 : 0), t + 1]);
    if (detections.length > 0 && process.env.VERBOSE) console.log(`  ${scanner.name} flags look-alike: ${sample.text}`);
  }
  return s;
}

async function timeIt(scanner: Scanner, text: string, runs = 5): Promise<number> {
  await scanner.scan(text); // warm-up: JIT and lazy rule loading
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await scanner.scan(text);
    times.push(performance.now() - t0);
  }
  return times.sort((a, b) => a - b)[Math.floor(runs / 2)]!;
}

function pct(n: number, d: number): string {
  return d === 0 ? '-' : `${((100 * n) / d).toFixed(1)}%`;
}

async function main(): Promise<void> {
  const { positives, negatives } = buildSecretCorpus(8);
  const scanners = [ours, secretlint];
  const scores = new Map<string, Score>();
  for (const sc of scanners) scores.set(sc.name, await score(sc, positives, negatives));

  const names = scanners.map((s) => s.name);
  console.log(`corpus: ${positives.length} credentials in ${new Set(positives.map((p) => p.kind)).size} formats, ${negatives.length} look-alikes\n`);
  console.log(`| format | ${names.join(' | ')} |`);
  console.log(`| --- |${names.map(() => ' ---: |').join('')}`);
  for (const kind of new Set(positives.map((p) => p.kind))) {
    console.log(`| ${kind} | ${names.map((n) => scores.get(n)!.recall.get(kind)!.join('/')).join(' | ')} |`);
  }
  console.log(`\n| look-alike (samples flagged) | ${names.join(' | ')} |`);
  console.log(`| --- |${names.map(() => ' ---: |').join('')}`);
  for (const kind of new Set(negatives.map((p) => p.kind))) {
    console.log(`| ${kind} | ${names.map((n) => scores.get(n)!.falsePositives.get(kind)!.join('/')).join(' | ')} |`);
  }
  console.log(`\n| overall | ${names.join(' | ')} |`);
  console.log(`| --- |${names.map(() => ' ---: |').join('')}`);
  const total = (m: Map<string, [number, number]>): [number, number] =>
    [...m.values()].reduce<[number, number]>((a, [f, t]) => [a[0] + f, a[1] + t], [0, 0]);
  console.log(`| recall | ${names.map((n) => pct(...total(scores.get(n)!.recall))).join(' | ')} |`);
  console.log(`| look-alikes flagged | ${names.map((n) => total(scores.get(n)!.falsePositives).join('/')).join(' | ')} |`);
  console.log(
    `| precision (detections) | ${names.map((n) => {
      const s = scores.get(n)!;
      return pct(s.truePositiveDetections, s.truePositiveDetections + s.falsePositiveDetections);
    }).join(' | ')} |`,
  );

  const unit = [...positives, ...negatives].map((s) => s.text).join('\n') + '\n';
  const big = unit.repeat(Math.ceil(1_000_000 / unit.length));
  const times = new Map<string, number>();
  for (const sc of scanners) times.set(sc.name, await timeIt(sc, big));
  const base = times.get('ours')!;
  console.log(`\nspeed on ${(big.length / 1e6).toFixed(2)} MB (${big.split('\n').length} lines), median of 5:`);
  for (const [name, ms] of times) console.log(`  ${name}: ${ms.toFixed(1)} ms (${(big.length / 1e3 / ms).toFixed(1)} MB/s), ${(ms / base).toFixed(2)}x ours`);
}

await main();
