import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CHROMIUM_ONLY_RESOURCE_TYPES, withoutResourceTypes } from '../../../src/policy/dnr-rules';
import { decide } from '../../../src/policy/decide';
import { CHROMIUM_BUDGET, FIREFOX_BUDGET, type RuleBudget } from '../../../src/policy/rule-plan';
import { BLOCKED_PAGE, compare, hasUnreservedEscape, planFor } from '../../support/agreement';
import { frameOutcome, winningRule } from '../../../src/policy/dnr-match';
import { policyArbitrary, urlArbitrary } from '../../support/random-policies';

const rulesFor = (raw: unknown, budget: RuleBudget = CHROMIUM_BUDGET) =>
  planFor(raw, budget).plan.rules;

/** Where a page load ends under the rules: its server, or the block page URL the rule writes. */
function landing(rules: ReturnType<typeof rulesFor>, url: string): string {
  const rule = winningRule(rules, { url, type: 'main_frame', tabId: 1 });
  if (!rule || rule.action.type === 'allow') return 'loads';
  if (rule.action.type !== 'redirect' || rule.condition.regexFilter === undefined) return 'fails';
  const canonical = new URL(url).href;
  return canonical.replace(
    new RegExp(rule.condition.regexFilter, 'i'),
    rule.action.redirect.regexSubstitution.replace('\\0', () => '$&'),
  );
}

describe('network rules for a policy', () => {
  it('writes no rules when nothing is blocked', () => {
    expect(rulesFor({})).toEqual([]);
  });

  it('sends pages of a blocked app to the block page with the raw URL and the app', () => {
    const rules = rulesFor({ rules: [{ app: 'telegram', action: 'block' }] });
    expect(landing(rules, 'https://web.telegram.org/k/#@x')).toBe(
      `${BLOCKED_PAGE}?app=telegram&url=https://web.telegram.org/k/#@x`,
    );
    expect(landing(rules, 'https://web.telegram.org./a/')).toBe(
      `${BLOCKED_PAGE}?app=telegram&url=https://web.telegram.org./a/`,
    );
    expect(landing(rules, 'https://telegram.org/')).toBe('loads');
  });

  it('blocks only the path of a multi-purpose site, in every form its server reads alike', () => {
    const rules = rulesFor({ rules: [{ app: 'discord', action: 'block' }] });
    for (const url of [
      'https://discord.com/channels/1',
      'https://discord.com/CHANNELS/1',
      'https://discord.com//channels/1',
      'https://discord.com.:8443/channels',
      'https://user@discord.com/channels',
      'https://discord.com/%63hannels/1',
      'https://discord.com/%43HANNELS',
    ])
      expect(landing(rules, url), url).toContain('blocked.html?');
    for (const url of [
      'https://discord.com/',
      'https://discord.com/other/channels',
      'https://discord.com/?u=/channels',
      'https://evil.test/discord.com/channels',
      'https://discord.com@evil.test/channels',
    ])
      expect(landing(rules, url), url).toBe('loads');
  });

  it('lets a more specific allowed app through inside a blocked one', () => {
    const raw = {
      defaultAction: 'allow',
      customApps: [
        { id: 'fb', name: 'Facebook', match: ['facebook.com'] },
        { id: 'fb-work', name: 'Work', match: ['work.facebook.com'] },
      ],
      rules: [
        { app: 'fb', action: 'block' },
        { app: 'fb-work', action: 'allow' },
      ],
    };
    const rules = rulesFor(raw);
    expect(landing(rules, 'https://www.facebook.com/')).toContain('app=fb&');
    expect(landing(rules, 'https://work.facebook.com/')).toBe('loads');
    // Without its own rule the inner app only has the default: the explicit block wins there too.
    const implicit = rulesFor({ ...raw, rules: [{ app: 'fb', action: 'block' }] });
    expect(landing(implicit, 'https://work.facebook.com/')).toContain('app=fb&');
  });

  it('follows decide() for a blocked app inside an allowed app inside a blocked app', () => {
    const rules = rulesFor({
      defaultAction: 'allow',
      customApps: [
        { id: 'c', name: 'C', match: ['example.com'] },
        { id: 'd', name: 'D', match: ['example.com/a'] },
        { id: 'e', name: 'E', match: ['example.com/a/b'] },
      ],
      rules: [
        { app: 'c', action: 'block' },
        { app: 'd', action: 'allow' },
        { app: 'e', action: 'block' },
      ],
    });
    expect(landing(rules, 'https://example.com/x')).toContain('app=c&');
    expect(landing(rules, 'https://example.com/a/x')).toBe('loads');
    expect(landing(rules, 'https://example.com/a/b/x')).toContain('app=e&');
  });

  it('an explicit rule wins over a more specific app that only has the default', () => {
    // Policy contract, "Decisions": a custom app whatsapp.com with a block rule blocks
    // web.whatsapp.com unless a rule names whatsapp itself.
    const raw = {
      customApps: [{ id: 'wa', name: 'WhatsApp (all)', match: ['whatsapp.com'] }],
      rules: [{ app: 'wa', action: 'block' }],
    };
    const { matcher, plan } = planFor(raw, CHROMIUM_BUDGET);
    expect(decide(matcher, 'https://web.whatsapp.com/').appId).toBe('wa');
    expect(landing(plan.rules, 'https://web.whatsapp.com/')).toContain('app=wa&');
    const named = planFor(
      { ...raw, rules: [...raw.rules, { app: 'whatsapp', action: 'warn' }] },
      CHROMIUM_BUDGET,
    );
    expect(decide(named.matcher, 'https://web.whatsapp.com/').action).toBe('warn');
    expect(landing(named.plan.rules, 'https://web.whatsapp.com/')).toBe('loads');
    expect(landing(named.plan.rules, 'https://www.whatsapp.com/')).toContain('app=wa&');
  });

  it('agrees with the engine where a warned custom app and a blocked catalogue app tie', () => {
    // Measured disagreement: the engine warned, Chromium redirected, proceeding was refused.
    const raw = {
      defaultAction: 'block',
      customApps: [{ id: 'c0', name: 'C0', match: ['business.facebook.com'] }],
      rules: [{ app: 'c0', action: 'warn' }],
    };
    const { matcher, plan } = planFor(raw, CHROMIUM_BUDGET);
    const url = 'https://business.facebook.com/messages/';
    expect(decide(matcher, url).action).toBe('warn');
    expect(landing(plan.rules, url)).toBe('loads');
    expect(landing(plan.rules, 'https://www.facebook.com/messages/')).toContain('app=messenger');
  });

  it('blocks sub-requests and WebSockets to a blocked app, not to its neighbours', () => {
    const rules = rulesFor({ rules: [{ app: 'whatsapp', action: 'block' }] });
    const request = (url: string, type: string) => winningRule(rules, { url, type })?.action.type;
    expect(request('wss://web.whatsapp.com/ws/chat', 'websocket')).toBe('block');
    expect(request('https://web.whatsapp.com/app.js', 'script')).toBe('block');
    expect(request('https://static.whatsapp.net/app.js', 'script')).toBeUndefined();
  });

  it('keeps every regex within what Chromium compiles (2 KB: ~100 path characters)', () => {
    const long = `/${'a'.repeat(300)}`;
    const { plan } = planFor(
      {
        defaultAction: 'block',
        customApps: [{ id: 'long', name: 'Long', match: [`long.test${long}`] }],
      },
      CHROMIUM_BUDGET,
    );
    const regexes = plan.rules.flatMap((r) => r.condition.regexFilter ?? []);
    expect(regexes.some((r) => r.includes('2fa-authenticator'))).toBe(true);
    for (const regex of regexes) expect(regex.length, regex).toBeLessThan(220);
    // The long path is checked by its prefix: still blocked, and said so.
    expect(frameOutcome(plan.rules, `https://long.test${long}/x`)).toBe('block-page');
    expect(plan.summary.shortenedPathPatterns).toBe(1);
    expect(plan.summary.isExact).toBe(false);
  });

  it('gives every rule a unique id and syntax RE2 accepts', () => {
    const rules = rulesFor({ defaultAction: 'block' });
    expect(new Set(rules.map((r) => r.id)).size).toBe(rules.length);
    for (const rule of rules)
      expect(rule.condition.regexFilter ?? '').not.toMatch(/\(\?[=!<]|\\[1-9]/);
  });
});

describe('large policies fit the browser', () => {
  const blockedApps = (count: number, withPath: (i: number) => string) => ({
    defaultAction: 'block',
    customApps: Array.from({ length: count }, (_, i) => ({
      id: `app-${String(i)}`,
      name: `App ${String(i)}`,
      match: [`chat${String(i)}.example${String(i % 7)}.com${withPath(i)}`],
    })),
  });

  it.each([
    ['host-only', () => ''],
    ['long paths', (i: number) => `/workspace/${String(i)}/conversations/inbox`],
    ['half and half', (i: number) => (i % 2 ? '' : `/app/${String(i)}`)],
  ])('5,000 blocked apps (%s) within the Chromium and Firefox budgets', (_, withPath) => {
    for (const budget of [CHROMIUM_BUDGET, FIREFOX_BUDGET]) {
      const { plan, matcher } = planFor(blockedApps(5000, withPath), budget);
      expect(plan.summary.layers).toBe(1);
      expect(plan.rules.length).toBeLessThanOrEqual(budget.maxRules);
      expect(plan.summary.regexRules).toBeLessThanOrEqual(budget.maxRegexRules);
      expect(plan.summary.redirectRules).toBeLessThanOrEqual(budget.maxUnsafeRules);
      for (const i of [0, 2500, 4999]) {
        const url = `https://chat${String(i)}.example${String(i % 7)}.com${withPath(i)}/x`;
        expect(decide(matcher, url).action).toBe('block');
        expect(frameOutcome(plan.rules, url), url).toBe('block-page');
      }
      expect(frameOutcome(plan.rules, 'https://tools-box.net/en/2fa-authenticator')).toBe(
        'block-page',
      );
    }
  });
});

describe('the engine and the rules agree', () => {
  const tight: RuleBudget = {
    maxRules: 40,
    maxUnsafeRules: 40,
    maxRegexRules: 6,
    maxRegexPathChars: 8,
  };

  it.each([
    ['Chromium', CHROMIUM_BUDGET],
    ['Firefox', FIREFOX_BUDGET],
    ['a tight budget', tight],
  ] as const)('on random policies and adversarial URLs (%s)', (name, budget) => {
    const counts = { policies: 0, urls: 0, released: 0, exactPolicies: 0 };
    fc.assert(
      fc.property(
        policyArbitrary.chain((raw) => {
          const planned = planFor(raw, budget);
          const patterns = planned.compiled.apps.flatMap((a) =>
            a.patterns.map((p) => `${p.host}${p.path}`),
          );
          return fc.tuple(
            fc.constant(planned),
            fc.array(urlArbitrary(patterns), { minLength: 20, maxLength: 20 }),
          );
        }),
        ([planned, urls]) => {
          counts.policies++;
          if (planned.plan.summary.isExact) counts.exactPolicies++;
          for (const url of urls) {
            counts.urls++;
            const verdict = compare(planned, url);
            if (verdict === 'released') {
              counts.released++;
              // An exact plan sends a canonical URL to the block page only when it is blocked.
              if (planned.plan.summary.isExact && !hasUnreservedEscape(url))
                throw new Error(`exact plan released ${url}`);
            } else if (verdict !== 'agree') throw new Error(`${verdict}: ${url}`);
          }
        },
      ),
      { numRuns: 400 },
    );
    console.log(
      `rules vs engine (${name}): ${String(counts.policies)} policies × 20 URLs = ${String(counts.urls)} URLs, 0 disagreements, ${String(counts.released)} released by the block page, ${String(counts.exactPolicies)} exact plans`,
    );
    expect(counts.urls).toBe(counts.policies * 20);
  });
});

describe('resource types a browser does not know', () => {
  const rules = rulesFor({ rules: [{ app: 'discord', action: 'block' }] });

  it('are dropped from every rule and nothing else changes', () => {
    expect(rules.some((r) => r.condition.resourceTypes.includes('webtransport'))).toBe(true);
    const adapted = withoutResourceTypes(rules, CHROMIUM_ONLY_RESOURCE_TYPES);
    for (const [index, rule] of adapted.entries()) {
      const original = rules[index]!;
      expect(rule.condition.resourceTypes).toEqual(
        original.condition.resourceTypes.filter((t) => t !== 'webtransport' && t !== 'webbundle'),
      );
      expect({ ...rule, condition: { ...rule.condition, resourceTypes: [] } }).toEqual({
        ...original,
        condition: { ...original.condition, resourceTypes: [] },
      });
    }
  });

  it('leaves the rules as they are when the browser knows every type', () => {
    expect(withoutResourceTypes(rules, [])).toBe(rules);
  });
});
