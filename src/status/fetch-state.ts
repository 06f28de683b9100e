/**
 * What the worker last did with the central policy document (`policyUrl`), for the status page and
 * diagnostics: the source, the last success (time, ETag, hash) and the last failure (time, reason).
 * Pure.
 */
import { z } from 'zod';

export const FetchStateSchema = z.object({
  url: z.string().nullable(),
  requireSignature: z.boolean(),
  keys: z.int().min(0),
  lastCheck: z.number().optional(),
  lastSuccess: z
    .object({
      at: z.number(),
      status: z.union([z.literal(200), z.literal(304)]),
      etag: z.string().optional(),
      hash: z.string(),
    })
    .optional(),
  lastFailure: z.object({ at: z.number(), reason: z.string() }).optional(),
});
export type FetchState = z.output<typeof FetchStateSchema>;

/** Storage key in `storage.local`. */
export const FETCH_STATE_KEY = 'policyFetch';

/** The stored state if it has this build's shape; null otherwise. */
export function readFetchState(value: unknown): FetchState | null {
  const parsed = FetchStateSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}
