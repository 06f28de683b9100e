/** One entry of the local event log: no URLs, no page content, no identity. */
import { z } from 'zod';
import { ACTIONS, ID_PATTERN, MAX_ID_LENGTH } from '../policy/ids';

const Id = z.string().max(MAX_ID_LENGTH).regex(ID_PATTERN);

export const EventRecordSchema = z.object({
  time: z.number(),
  appId: Id,
  action: z.enum(ACTIONS),
  outcome: z.enum(['warned', 'blocked', 'acknowledged', 'used-alternative', 'proceeded']),
  /** The `warnings.reasons[].id` the employee chose to continue. */
  reasonId: Id.optional(),
  /** Text the employee typed to continue (trimmed, at most 200 characters). */
  reason: z.string().max(1000).optional(),
});

export type EventRecord = z.output<typeof EventRecordSchema>;
