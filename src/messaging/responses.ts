/** Response types of the message contract (no zod here, so the content script can import them). */
import type { Decision } from '../policy/decide';
import type { CompiledPolicy } from '../policy/compile';
import type { PolicySource } from '../policy/effective';
import type { PolicyIssue } from '../policy/issues';

export type Responses = {
  getDecision: {
    decision: Decision;
    organization: CompiledPolicy['organization'];
    locale: CompiledPolicy['locale'];
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
