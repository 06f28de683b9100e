/** The words of a reason an employee chose, for the status page and the CSV export. Pure. */
import type { CompiledPolicy } from '../policy/compile';
import type { ProceedReason } from '../policy/schema';
import { pickLocalized } from '../shared/text';
import type { EventRecord } from './event-record';

/** Event → the text of its chosen reason ("" when none was chosen). */
export type ChosenReasonText = (event: Pick<EventRecord, 'appId' | 'reasonId'>) => string;

/**
 * Words each chosen reason id as the policy in force words it for that app, in `language`. The
 * log keeps only the id: a reason the policy no longer lists is shown as its bare id.
 */
export function describeChosenReason(
  policy: CompiledPolicy | undefined,
  language: string,
): ChosenReasonText {
  return ({ appId, reasonId }) => {
    if (reasonId === undefined) return '';
    const app = policy?.apps.find((a) => a.id === appId);
    // A snapshot stored before an update has no reasons until the worker applies the policy again.
    const reasons = (app?.warnings.reasons as readonly ProceedReason[] | undefined) ?? [];
    const reason = reasons.find((r) => r.id === reasonId);
    return (reason && pickLocalized(reason.text, language)) ?? reasonId;
  };
}
