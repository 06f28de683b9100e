/**
 * Engine throughput: URL decisions per second against the built-in default policy, with the WHATWG
 * URL parse alone as the baseline in the same run. Prints figures; asserts nothing.
 * Run: npm run bench
 */
import { Bench } from 'tinybench';
import { test } from 'vitest';
import { compilePolicy } from '../../src/policy/compile';
import { createMatcher, decide } from '../../src/policy/decide';
import { DEFAULT_POLICY } from '../../src/policy/effective';
import { parsePolicy } from '../../src/policy/parse';

const URLS = [
  'https://web.whatsapp.com/',
  'https://web.telegram.org/k/#@durov',
  'https://www.facebook.com/messages/t/1234567890',
  'https://www.facebook.com/groups/123/permalink/456',
  'https://docs.example.org/a/b/c?x=1#y',
  'https://x.com/home',
  'https://intranet.gemeente.example/nieuws/2026/11/23',
  'https://web.whatsapp.com.evil.test/',
];
const BATCH = 1000;

test('engine benchmark', async () => {
  const matcher = createMatcher(compilePolicy(DEFAULT_POLICY, { isBuiltInDefault: true }).apps);
  const raw = {
    rules: [{ app: 'telegram', action: 'block' }],
    customApps: Array.from({ length: 200 }, (_, i) => ({
      id: `app-${String(i)}`,
      name: `App ${String(i)}`,
      match: [`chat${String(i)}.example.com`],
    })),
  };
  let sink = 0;
  const bench = new Bench({ time: 1500 });
  bench
    .add(`baseline: new URL() × ${String(BATCH)}`, () => {
      for (let i = 0; i < BATCH; i++) sink += new URL(URLS[i % URLS.length] ?? '').host.length;
    })
    .add(`decide() × ${String(BATCH)}`, () => {
      for (let i = 0; i < BATCH; i++)
        sink += decide(matcher, URLS[i % URLS.length] ?? '').action.length;
    })
    .add('parse + compile + index a policy with 200 custom apps', () => {
      const policy = parsePolicy(raw).policy ?? DEFAULT_POLICY;
      sink += compilePolicy(policy, { isBuiltInDefault: false }).apps.length;
    });
  await bench.run();
  console.log(`\nSignpost engine benchmark (Node ${process.version})`);
  for (const task of bench.tasks) {
    const result = task.result as
      { throughput?: { mean: number }; latency?: { mean: number } } | undefined;
    const perSecond = result?.throughput?.mean ?? 0;
    const batched = task.name.includes(`× ${String(BATCH)}`);
    const figure = batched
      ? `${((perSecond * BATCH) / 1e6).toFixed(2)} M URLs/s`
      : `${(result?.latency?.mean ?? 0).toFixed(3)} ms each`;
    console.log(`  ${task.name.padEnd(56)} ${figure}`);
  }
  console.log(`  (sink ${String(sink > 0)})`);
});
