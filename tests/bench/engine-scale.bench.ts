/**
 * The engine at fleet sizes (issue 14, group 5): decisions per second and parse + compile time
 * for 0, 100, 1,000 and 10,000 custom apps, beside `new URL()` alone in the same run, with the
 * goal and "within"/"over" printed beside each figure. Prints figures; asserts nothing.
 * Run: npm run bench
 */
import { Bench } from 'tinybench';
import { test } from 'vitest';
import { compilePolicy } from '../../src/policy/compile';
import { createMatcher, decide } from '../../src/policy/decide';
import { DEFAULT_POLICY } from '../../src/policy/effective';
import { parsePolicy } from '../../src/policy/parse';

const SIZES = [0, 100, 1000, 10_000];
const BATCH = 1000;

/** A policy as an admin with `n` custom apps writes it: hosts, wildcards and path patterns. */
const policyWith = (n: number) => ({
  defaultAction: 'warn',
  rules: [
    { app: 'telegram', action: 'block' },
    ...Array.from({ length: Math.min(n, 50) }, (_, i) => ({
      app: `c${String(i)}`,
      action: 'block',
    })),
  ],
  customApps: Array.from({ length: n }, (_, i) => ({
    id: `c${String(i)}`,
    name: `Chat ${String(i)}`,
    match: [
      i % 3 === 0 ? `*.chat${String(i)}.example.com` : `chat${String(i)}.example.com`,
      ...(i % 5 === 0 ? [`portal${String(i)}.example.net/messages/inbox`] : []),
    ],
  })),
});

/** URLs that hit catalogue apps, custom apps (some through a wildcard or a path) and nothing. */
const urlsFor = (n: number) => [
  'https://web.whatsapp.com/',
  'https://web.telegram.org/k/#@durov',
  'https://www.facebook.com/messages/t/1234567890',
  'https://intranet.gemeente.example/nieuws/2026/11/23',
  'https://web.whatsapp.com.evil.test/',
  ...(n > 0
    ? [
        `https://chat${String(n - 1)}.example.com/room/1`,
        `https://eu.chat${String(Math.floor((n - 1) / 3) * 3)}.example.com/`,
        `https://portal${String(Math.floor((n - 1) / 5) * 5)}.example.net/messages/inbox/42`,
        `https://chat${String(n)}.example.com/`,
      ]
    : []),
];

/** Batches per second of a finished task (0 when it did not run). */
const throughputOf = (bench: Bench) =>
  ((bench.tasks[0]?.result as { throughput?: { mean: number } } | undefined)?.throughput?.mean ??
    0) * BATCH;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1] ?? 0;

test('engine at fleet sizes', async () => {
  let sink = 0;
  const rows: string[] = [];
  const baseline = new Bench({ time: 800 });
  const sample = urlsFor(100);
  baseline.add('url', () => {
    for (let i = 0; i < BATCH; i++) sink += new URL(sample[i % sample.length] ?? '').host.length;
  });
  await baseline.run();
  const urlPerSecond = throughputOf(baseline);
  for (const n of SIZES) {
    const raw = policyWith(n);
    const parseTimes: number[] = [];
    let compiled = compilePolicy(DEFAULT_POLICY, { isBuiltInDefault: true });
    for (let run = 0; run < 21; run++) {
      const started = performance.now();
      const policy = parsePolicy(raw).policy ?? DEFAULT_POLICY;
      compiled = compilePolicy(policy, { isBuiltInDefault: false });
      parseTimes.push(performance.now() - started);
    }
    const indexStarted = performance.now();
    const matcher = createMatcher(compiled.apps);
    const indexMs = performance.now() - indexStarted;
    const urls = urlsFor(n);
    const bench = new Bench({ time: 800 });
    bench.add('decide', () => {
      for (let i = 0; i < BATCH; i++)
        sink += decide(matcher, urls[i % urls.length] ?? '').action.length;
    });
    await bench.run();
    const perSecond = throughputOf(bench);
    const parseMs = median(parseTimes);
    const decideGoal =
      n === 10_000 ? (perSecond >= 1e6 ? 'within (≥ 1 M/s)' : 'over (≥ 1 M/s)') : '';
    const parseGoal = n === 1000 ? (parseMs <= 5 ? 'within (≤ 5 ms)' : 'over (≤ 5 ms)') : '';
    rows.push(
      `  ${String(n).padStart(6)} apps  ${(perSecond / 1e6).toFixed(2).padStart(5)} M decisions/s ${decideGoal.padEnd(17)}` +
        `  parse+compile ${parseMs.toFixed(2).padStart(7)} ms (min ${Math.min(...parseTimes).toFixed(2)}, max ${Math.max(...parseTimes).toFixed(2)}, 21 runs) ${parseGoal.padEnd(16)}` +
        `  index ${indexMs.toFixed(2)} ms  compiled ${(JSON.stringify(compiled).length / 1024).toFixed(0)} KB`,
    );
  }
  console.log(`\nSignpost engine at fleet sizes (Node ${process.version}, one core)`);
  console.log(`  baseline: new URL() alone ${(urlPerSecond / 1e6).toFixed(2)} M/s`);
  for (const row of rows) console.log(row);
  console.log(`  (sink ${String(sink > 0)})`);
}, 120_000);
