/**
 * Whether each step of applying a policy worked, for the status page and diagnostics: a failure
 * the browser reports reaches the helpdesk, never only the console. The network rules have their
 * own, richer record (network-state.ts). Pure.
 */
import { z } from 'zod';

/** The steps, in the order the worker runs them. */
export const HEALTH_STEPS = [
  'last-known-good',
  'snapshot',
  'event-log',
  'custom-app-scripts',
  'early-warnings',
  /** Not a step: the worker's last uncaught error or unhandled rejection. */
  'unexpected',
] as const;
export type HealthStep = (typeof HEALTH_STEPS)[number];

const StepHealthSchema = z.object({
  ok: z.boolean(),
  error: z.string().optional(),
  at: z.number(),
});
export type StepHealth = z.output<typeof StepHealthSchema>;

/** Each step's last outcome (a step that never ran is absent). */
export const HealthSchema = z.partialRecord(z.enum(HEALTH_STEPS), StepHealthSchema);
export type Health = z.output<typeof HealthSchema>;

/** Storage key in `storage.local`. */
export const HEALTH_KEY = 'health';

/** The stored record, keeping only well-formed steps. */
export function readHealth(value: unknown): Health {
  if (typeof value !== 'object' || value === null) return {};
  const health: Health = {};
  for (const step of HEALTH_STEPS) {
    const entry = StepHealthSchema.safeParse((value as Record<string, unknown>)[step]);
    if (entry.success) health[step] = entry.data;
  }
  return health;
}

/** The steps that failed, with the browser's words. */
export const failedSteps = (health: Health): [HealthStep, StepHealth][] =>
  HEALTH_STEPS.flatMap((step) => {
    const entry = health[step];
    return entry && !entry.ok ? [[step, entry] as [HealthStep, StepHealth]] : [];
  });
