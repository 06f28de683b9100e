/**
 * Which app a URL belongs to when several apps' patterns match it (policy contract, "Decisions"):
 * an app with an explicit decision (a rule for it, or listed in `alternatives`) wins over an app
 * that only gets `defaultAction`; among apps of the same kind the most specific pattern wins
 * (longest host, then longest path); for the very same pattern the app listed first wins (custom
 * apps in policy order, then the catalogue). This file is the one place that rule lives: the
 * engine (`decide.ts`), the network-rule planner (`rule-plan.ts`), the content scripts and the
 * CLI's `explain` and overlap warnings all use it. Pure.
 */
import type { HostPattern } from './pattern';

/** One app's claim on the URLs of one of its patterns. */
export type Claim = {
  pattern: HostPattern;
  /** A rule names the app, or it is an approved alternative. */
  isExplicit: boolean;
  /** The app's place in the compiled list: earlier wins a tie on the very same pattern. */
  order: number;
};

/**
 * Compares two claims that both match a URL: negative when `a` wins, positive when `b` wins.
 * Never 0 for claims of different apps.
 */
export function comparePrecedence(a: Claim, b: Claim): number {
  if (a.isExplicit !== b.isExplicit) return a.isExplicit ? -1 : 1;
  const host = b.pattern.host.length - a.pattern.host.length;
  if (host !== 0) return host;
  const path = b.pattern.path.length - a.pattern.path.length;
  if (path !== 0) return path;
  return a.order - b.order;
}

/** Whether `a` wins over `b` where both match. */
export const outranks = (a: Claim, b: Claim): boolean => comparePrecedence(a, b) < 0;

/** Whether an app's decision is explicit: a rule for it, or it is approved. */
export const isExplicitReason = (reason: string): boolean =>
  reason === 'rule' || reason === 'approved';
