/**
 * 50,000 browsers that all start at 9:00 fetch the central policy (and send reports) spread over
 * the interval, not in the same minute: each browser runs at its own offset into the period.
 */
import { describe, expect, it } from 'vitest';
import { nextRun } from '../../../src/background/policy-fetch';

const BROWSERS = 50_000;

function spread(periodMinutes: number, random: () => number) {
  const start = Date.UTC(2026, 11, 2, 9, 0, 7);
  const perMinute = new Map<number, number>();
  for (let i = 0; i < BROWSERS; i++) {
    // Every browser starts within the same second, e.g. after a fleet-wide update.
    const at = nextRun(start + (i % 1000), periodMinutes, random());
    const minute = Math.floor((at - start) / 60_000);
    perMinute.set(minute, (perMinute.get(minute) ?? 0) + 1);
  }
  const counts = [...perMinute.values()];
  const mean = BROWSERS / periodMinutes;
  return { peak: Math.max(...counts), mean, minutes: perMinute.size };
}

describe('periodic work across a fleet', () => {
  it.each([60, 15, 1440])('spreads 50,000 browsers over a %i-minute period', (period) => {
    const { peak, mean, minutes } = spread(period, Math.random);
    console.log(
      `${String(BROWSERS)} browsers, every ${String(period)} min: busiest minute ${String(peak)} requests, mean ${mean.toFixed(1)}, peak/mean ${(peak / mean).toFixed(2)}, over ${String(minutes)} minutes`,
    );
    expect(minutes).toBeGreaterThanOrEqual(period);
    expect(peak / mean).toBeLessThan(period > 1000 ? 2.5 : 1.5);
  });

  it('would put everyone in one minute without the offset (the control)', () => {
    const { peak } = spread(60, () => 0);
    expect(peak).toBe(BROWSERS);
  });
});
