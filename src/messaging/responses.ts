/** Response types of the message contract (no zod here, so the content script can import them). */
import type { Action } from '../policy/schema';
import type { CompiledPolicy } from '../policy/compile';
import type { Decision } from '../policy/decide';
import type { PolicySource } from '../policy/effective';
import type { PolicyIssue } from '../policy/issues';
import type { Installation } from '../status/diagnostics';
import type { EventRecord } from '../status/event-record';
import type { NetworkRuleState } from '../status/network-state';

/** What a tab shows, as the popup and the badge describe it. */
export type TabState =
  | { state: 'none' }
  | {
      state: 'approved' | 'allowed' | 'warned' | 'blocked' | 'proceeded';
      appId: string;
      isAcknowledged?: boolean;
    };

/** What the content script answers about its page. */
export type PageState = {
  appId: string | null;
  action: Action;
  isAcknowledged: boolean;
  isProceeded: boolean;
};

export type Responses = {
  getDecision: {
    decision: Decision;
    organization: CompiledPolicy['organization'];
    locale: CompiledPolicy['locale'];
  };
  acknowledgeWarning: { until: number };
  recordAlternativeUse: { recorded: boolean };
  reportPageState: { recorded: boolean };
  checkBlock: { isBlocked: boolean };
  proceedToApp: { url: string; until: number | null };
  openBlockedPage:
    | { verdict: 'blocked'; appId: string; wasRequested: boolean }
    | { verdict: 'open'; url: string }
    | { verdict: 'not-blocked' };
  getTabState: TabState;
  getStatus: {
    installation: Installation;
    eventLog: { available: boolean; events: EventRecord[] };
    networkRules: NetworkRuleState | null;
  };
  getPolicyStatus: {
    source: PolicySource;
    receivedAt?: number;
    hash?: string;
    fallbackReason?: string;
    issues: PolicyIssue[];
    organization: CompiledPolicy['organization'];
  };
};
