/**
 * `parsePolicy`: raw managed-storage value → effective policy + issues. Never throws.
 * Invalid parts are dropped one by one and the valid rest applies; a document that is not an
 * object, or has an unsupported `schemaVersion`, yields no policy (the caller keeps the
 * last-known-good one).
 */
import { APP_IDS, isCatalogueId } from '../catalogue';
import { compilePolicy } from './compile';
import { checkContractFields } from './contract-checks';
import { cutTooDeep } from './depth';
import { joinPath, showValue, type PolicyIssue } from './issues';
import { overlapIssues } from './overlaps';
import { parseLeniently } from './lenient';
import { parsePattern } from './pattern';
import { PolicySchema, SUPPORTED_SCHEMA_VERSION, type Policy } from './schema';
import { createSuggester, type Suggester } from './suggest';

/** The outcome of parsing one policy document. */
export type ParsedPolicy = { policy: Policy | null; issues: PolicyIssue[] };

const PATTERN_PROBLEMS: Record<string, string> = {
  empty: 'is empty',
  scheme: 'must not contain a scheme such as https:// (write chat.example.com)',
  wildcard: 'must not contain wildcards (chat.example.com already covers its subdomains)',
  userinfo: 'must not contain user info (@)',
  port: 'must not contain a port (ports never decide a match)',
  query: 'must not contain a query or fragment',
  host: 'is not a valid host name',
};

/** Parses and checks a policy document. See the module comment. */
export function parsePolicy(raw: unknown): ParsedPolicy {
  const issues: PolicyIssue[] = [];
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    issues.push({
      path: '(document)',
      code: 'not-an-object',
      severity: 'error',
      message: 'the policy must be a JSON object',
      effect: 'the whole document is ignored',
      value: showValue(raw),
    });
    return { policy: null, issues };
  }
  const version = Object.hasOwn(raw, 'schemaVersion')
    ? (raw as Record<string, unknown>).schemaVersion
    : undefined;
  if (typeof version === 'number' && version > SUPPORTED_SCHEMA_VERSION) {
    issues.push({
      path: 'schemaVersion',
      code: 'unsupported-version',
      severity: 'error',
      message: `this version of Signpost understands schemaVersion ${String(SUPPORTED_SCHEMA_VERSION)}; a newer format may mean things it cannot know`,
      effect: 'the whole document is ignored',
      value: showValue(version),
    });
    return { policy: null, issues };
  }
  const isWrongVersion = version !== undefined && version !== SUPPORTED_SCHEMA_VERSION;
  if (isWrongVersion) {
    // Not a newer format, just a wrong value ("1", 0): say so and read the document as version 1.
    issues.push({
      path: 'schemaVersion',
      code: 'invalid-value',
      severity: 'error',
      message: `must be the number ${String(SUPPORTED_SCHEMA_VERSION)}`,
      effect: `ignored; read as version ${String(SUPPORTED_SCHEMA_VERSION)}`,
      value: showValue(version),
    });
  }
  // Only now: a newer format's document is not read any further.
  const document = { ...(cutTooDeep(raw, issues) as Record<string, unknown>) };
  if (isWrongVersion) delete document.schemaVersion;
  // One budget for all "did you mean" searches of this document keeps parsing linear-time.
  const near = createSuggester();
  const result = parseLeniently(PolicySchema, document, '', issues, near);
  // Every field has a default and the document is an object, so the top level always parses.
  const policy = result.ok ? (result.value as Policy) : PolicySchema.parse({});
  checkContractFields(document, policy, issues);
  checkReferences(policy, issues, near);
  issues.push(...overlapIssues(compilePolicy(policy, { isBuiltInDefault: false })));
  return { policy, issues };
}

/** Cross-field checks zod cannot express per field: ids, references, patterns, duplicates. */
function checkReferences(policy: Policy, issues: PolicyIssue[], near: Suggester): void {
  const error = (
    path: string,
    code: PolicyIssue['code'],
    message: string,
    effect: string,
    extra: Partial<PolicyIssue> = {},
  ) => issues.push({ path, code, severity: 'error', message, effect, ...extra });

  const customIds = new Set<string>();
  policy.customApps = policy.customApps.filter((app, index) => {
    const at = joinPath('customApps', index);
    if (isCatalogueId(app.id)) {
      error(
        joinPath(at, 'id'),
        'duplicate',
        `${showValue(app.id)} is a built-in app; use a rule to change what happens on it`,
        'this custom app is ignored',
        { value: showValue(app.id) },
      );
      return false;
    }
    if (customIds.has(app.id)) {
      error(
        joinPath(at, 'id'),
        'duplicate',
        `another custom app already has the id ${showValue(app.id)}`,
        'this custom app is ignored',
        { value: showValue(app.id) },
      );
      return false;
    }
    app.match = app.match.filter((pattern, i) => {
      const parsed = parsePattern(pattern);
      if (typeof parsed !== 'string') return true;
      error(
        joinPath(joinPath(at, 'match'), i),
        'invalid-pattern',
        `the pattern ${PATTERN_PROBLEMS[parsed] ?? 'is invalid'}`,
        'this pattern is ignored',
        { value: showValue(pattern) },
      );
      return false;
    });
    if (app.match.length === 0) {
      error(
        joinPath(at, 'match'),
        'missing',
        'no valid pattern is left',
        'this custom app is ignored',
      );
      return false;
    }
    customIds.add(app.id);
    return true;
  });

  const alternativeIds = new Set<string>();
  policy.alternatives = policy.alternatives.filter((alternative, index) => {
    if (!alternativeIds.has(alternative.id)) return alternativeIds.add(alternative.id);
    error(
      joinPath(joinPath('alternatives', index), 'id'),
      'duplicate',
      `another alternative already has the id ${showValue(alternative.id)}`,
      'this alternative is ignored',
      { value: showValue(alternative.id) },
    );
    return false;
  });

  // Sets for the lookups, and the candidate lists built once: a rule costs the same however many
  // apps and alternatives there are.
  const knownApps = new Set<string>([...APP_IDS, ...customIds]);
  const appCandidates = [...knownApps];
  const alternativeCandidates = [...alternativeIds];
  const ruled = new Set<string>();
  policy.rules = policy.rules.filter((rule, index) => {
    const at = joinPath('rules', index);
    if (!knownApps.has(rule.app)) {
      const nearest = near(rule.app, appCandidates);
      error(
        joinPath(at, 'app'),
        'unknown-app',
        nearest
          ? `no app has this id; did you mean "${nearest}"?`
          : 'no catalogue app or custom app has this id',
        'this rule is ignored',
        { value: showValue(rule.app), ...(nearest ? { suggestion: nearest } : {}) },
      );
      return false;
    }
    if (ruled.has(rule.app)) {
      issues.push({
        path: at,
        code: 'duplicate',
        severity: 'warning',
        // showValue: the id as short JSON, however long the admin's text is.
        message: `an earlier rule already names ${showValue(rule.app)}; only the first rule for an app applies`,
        effect: 'this rule is ignored',
      });
      return false;
    }
    ruled.add(rule.app);
    if (rule.alternative !== undefined && !alternativeIds.has(rule.alternative)) {
      const nearest = near(rule.alternative, alternativeCandidates);
      error(
        joinPath(at, 'alternative'),
        'unknown-alternative',
        nearest
          ? `no alternative has this id; did you mean "${nearest}"?`
          : 'no entry in alternatives has this id',
        'ignored; the first alternative of the same category is shown',
        { value: showValue(rule.alternative), ...(nearest ? { suggestion: nearest } : {}) },
      );
      delete rule.alternative;
    }
    if (alternativeIds.has(rule.app) && rule.action !== 'allow') {
      issues.push({
        path: joinPath(at, 'action'),
        code: 'conflict',
        severity: 'warning',
        message: `${showValue(rule.app)} is listed in alternatives, so it is approved`,
        effect: `approved: the "${rule.action}" rule does not apply`,
        value: showValue(rule.action),
      });
    }
    return true;
  });

  policy.requirements = [...new Set(policy.requirements)];
}
