/** One entry of the local event log: no URLs, no page content, no identity. */
export type EventRecord = {
  time: number;
  appId: string;
  action: 'allow' | 'warn' | 'block';
  outcome: 'warned' | 'blocked' | 'acknowledged' | 'used-alternative' | 'proceeded';
  reason?: string;
};
