/** One entry of the local event log: no URLs, no page content, no identity. */
export type EventRecord = {
  time: number;
  appId: string;
  action: 'allow' | 'warn' | 'block';
  outcome: 'warned' | 'blocked' | 'acknowledged' | 'used-alternative' | 'proceeded';
  /** The `warnings.reasons[].id` the employee chose to continue. */
  reasonId?: string;
  /** Text the employee typed to continue (trimmed, at most 200 characters). */
  reason?: string;
};
