/**
 * What "continue anyway" needs and what the log keeps of the employee's reason (policy contract,
 * `warnings.reasons[]`): a choice must be one of the app's own reasons, and the log keeps that
 * choice id and at most MAX_REASON_TEXT characters of typed text. Pure.
 */
import type { ProceedReason } from './schema';
import type { EventRecord } from '../status/event-record';

/** Typed text shorter than this is not a reason. */
export const MIN_REASON_TEXT = 5;
/** The contract: "the log keeps … at most 200 characters of free text". */
export const MAX_REASON_TEXT = 200;

/** The first `count` characters as a reader counts them (graphemes: never half an emoji or accent). */
function firstCharacters(text: string, count: number): string {
  let kept = '';
  let taken = 0;
  for (const { segment } of new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(
    text,
  )) {
    if (taken++ === count) break;
    kept += segment;
  }
  return kept;
}

/**
 * Checks the reason sent with "continue anyway" against the app's warnings.
 * @returns what the event log keeps
 * @throws when the choice is not offered for this app, or a required reason is missing
 */
export function acceptProceedReason(
  // `reasons` may be missing from a snapshot stored before an update, until the policy is reapplied.
  warnings: { requireReason: boolean; reasons?: readonly ProceedReason[] },
  given: { reasonId?: string | undefined; reason?: string | undefined },
): Pick<EventRecord, 'reasonId' | 'reason'> {
  const { reasonId } = given;
  if (reasonId !== undefined && !warnings.reasons?.some((reason) => reason.id === reasonId))
    throw new Error('this reason is not offered for this app');
  const text = given.reason?.trim() ?? '';
  if (warnings.requireReason && reasonId === undefined && text.length < MIN_REASON_TEXT)
    throw new Error('a reason is required');
  const kept = firstCharacters(text, MAX_REASON_TEXT).trimEnd();
  return { ...(reasonId === undefined ? {} : { reasonId }), ...(kept ? { reason: kept } : {}) };
}
