/**
 * What the worker last did with fleet reports, for the status and privacy pages: the destination,
 * the exact last payload sent (the privacy page shows it), the last error and the next attempt.
 * Pure.
 */
import { z } from 'zod';

export const ReportingStateSchema = z.object({
  destination: z.string().nullable(),
  attempts: z.int().min(0),
  lastSentAt: z.number().optional(),
  lastPayload: z.object({ metrics: z.unknown(), logs: z.unknown() }).optional(),
  lastError: z.object({ at: z.number(), reason: z.string() }).optional(),
  nextAttemptAt: z.number().optional(),
});
export type ReportingState = z.output<typeof ReportingStateSchema>;

/** Storage key in `storage.local`. */
export const REPORTING_STATE_KEY = 'reporting';

/** The stored state, or "nothing sent yet". */
export function readReportingState(value: unknown): ReportingState {
  const parsed = ReportingStateSchema.safeParse(value);
  return parsed.success ? parsed.data : { destination: null, attempts: 0 };
}
