import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CATALOGUE } from '../../../src/catalogue';
import { compilePolicy } from '../../../src/policy/compile';
import { createMatcher, decide } from '../../../src/policy/decide';
import { DEFAULT_POLICY } from '../../../src/policy/effective';
import { parsePolicy } from '../../../src/policy/parse';
import { parsePattern } from '../../../src/policy/pattern';

const builtIn = compilePolicy(DEFAULT_POLICY, { isBuiltInDefault: true });
const builtInMatcher = createMatcher(builtIn.apps);
const appOf = (url: string) => decide(builtInMatcher, url).appId;

const compiled = (raw: unknown) => {
  const { policy } = parsePolicy(raw);
  if (!policy) throw new Error('fixture policy is unusable');
  return compilePolicy(policy, { isBuiltInDefault: false });
};

describe('matching a URL to an app', () => {
  it.each([
    ['https://web.whatsapp.com/', 'whatsapp'],
    ['http://web.whatsapp.com/', 'whatsapp'],
    ['https://WEB.WhatsApp.COM/', 'whatsapp'],
    ['https://web.whatsapp.com./', 'whatsapp'],
    ['https://web.whatsapp.com:8443/', 'whatsapp'],
    ['https://user:pw@web.whatsapp.com/', 'whatsapp'],
    ['https://web.whatsapp.com/?q=web.telegram.org#x', 'whatsapp'],
    ['https://sub.web.whatsapp.com/', 'whatsapp'],
    ['https://web.telegram.org/k/', 'telegram'],
    ['https://web.telegram.org/a/#-100', 'telegram'],
    ['https://webk.telegram.org/', 'telegram'],
    ['https://www.facebook.com/messages/t/123', 'messenger'],
    ['https://www.messenger.com/', 'messenger'],
    ['https://www.instagram.com/direct/inbox/', 'instagram'],
    ['https://discord.com/channels/@me', 'discord'],
    ['https://discord.com/%63hannels/@me', 'discord'],
    ['https://discord.com/Channels/@me', 'discord'],
    ['https://x.com/messages', 'x'],
    ['https://x.com/i/chat/123', 'x'],
    ['https://www.linkedin.com/messaging/thread/1/', 'linkedin'],
    ['https://messages.google.com/web/conversations', 'google-messages'],
    ['https://teams.microsoft.com/v2/', 'teams'],
    ['https://acme.slack.com/', 'slack'],
    ['https://totp.danhersam.com/#/KEY', 'totp-generators'],
    ['https://piellardj.github.io/totp-generator/', 'totp-generators'],
  ])('%s → %s', (url, app) => {
    expect(appOf(url)).toBe(app);
  });

  it.each([
    ['lookalike suffix', 'https://web.whatsapp.com.evil.test/'],
    ['host in the path', 'https://evil.test/web.whatsapp.com'],
    ['host as user info', 'https://web.whatsapp.com@evil.test/'],
    ['host in the query', 'https://evil.test/?u=https://web.whatsapp.com/'],
    ['label prefix', 'https://notweb.whatsapp.com/'],
    ['joined label', 'https://evilweb.whatsapp.com.test/'],
    ['other path of a multi-purpose site', 'https://www.facebook.com/groups/1'],
    ['other path of x.com', 'https://x.com/home'],
    ['github pages outside the path', 'https://piellardj.github.io/other/'],
    ['not http(s)', 'ftp://web.whatsapp.com/'],
    ['not a URL', 'web.whatsapp.com'],
    ['empty', ''],
  ])('%s does not match', (_, url) => {
    expect(appOf(url)).toBeNull();
  });

  it('prefers the most specific pattern', () => {
    const policy = compiled({
      customApps: [{ id: 'fb', name: 'Facebook', match: ['facebook.com'] }],
    });
    const matcher = createMatcher(policy.apps);
    expect(decide(matcher, 'https://www.facebook.com/messages/').appId).toBe('messenger');
    expect(decide(matcher, 'https://www.facebook.com/groups/').appId).toBe('fb');
  });

  it('matches an internationalised custom host by its punycode form', () => {
    const policy = compiled({
      customApps: [{ id: 'idn', name: 'IDN chat', match: ['bücher.example'] }],
    });
    expect(decide(createMatcher(policy.apps), 'https://xn--bcher-kva.example/x').appId).toBe('idn');
    expect(decide(createMatcher(policy.apps), 'https://BÜCHER.example/').appId).toBe('idn');
  });
});

describe('decisions', () => {
  it('built-in default: messaging and authenticator warn, collaboration allowed, no alternative', () => {
    for (const app of builtIn.apps) {
      expect(app.action).toBe(app.category === 'collaboration' ? 'allow' : 'warn');
      expect(app.reason).toBe('default');
      expect(app.alternative).toBeUndefined();
    }
  });

  it.each([
    [
      'no rule → defaultAction',
      { defaultAction: 'block' },
      'https://web.whatsapp.com/',
      'block',
      'default',
    ],
    [
      'rule wins over defaultAction',
      { defaultAction: 'block', rules: [{ app: 'whatsapp', action: 'warn' }] },
      'https://web.whatsapp.com/',
      'warn',
      'rule',
    ],
    [
      'org policy: collaboration follows defaultAction',
      {},
      'https://app.slack.com/',
      'warn',
      'default',
    ],
    [
      'approved beats a rule',
      {
        rules: [{ app: 'teams', action: 'block' }],
        alternatives: [{ id: 'teams', url: 'https://teams.microsoft.com/' }],
      },
      'https://teams.microsoft.com/',
      'allow',
      'approved',
    ],
    [
      'custom app follows defaultAction',
      { defaultAction: 'block', customApps: [{ id: 'c', name: 'C', match: ['chat.example'] }] },
      'https://a.chat.example/',
      'block',
      'default',
    ],
    ['no match', { defaultAction: 'block' }, 'https://example.org/', 'allow', 'no-match'],
  ])('%s', (_, raw, url, action, reason) => {
    const decision = decide(createMatcher(compiled(raw).apps), url);
    expect([decision.action, decision.reason]).toEqual([action, reason]);
  });

  it('points to the rule alternative, else the first alternative of the same category', () => {
    const policy = compiled({
      rules: [{ app: 'telegram', action: 'block', alternative: 'signal-work' }],
      alternatives: [
        {
          id: 'yubikey',
          name: 'YubiKey',
          category: 'authenticator',
          url: 'https://it.example/2fa',
        },
        { id: 'teams', url: 'https://teams.microsoft.com/' },
        { id: 'signal-work', name: 'Signal', url: 'https://signal.org/' },
      ],
    });
    const matcher = createMatcher(policy.apps);
    expect(decide(matcher, 'https://web.telegram.org/').alternative?.id).toBe('signal-work');
    expect(decide(matcher, 'https://web.whatsapp.com/').alternative?.id).toBe('signal-work');
    expect(decide(matcher, 'https://2fa.live/').alternative?.id).toBe('yubikey');
  });

  it('falls back from a chat app to a collaboration alternative, never from a 2FA site', () => {
    const policy = compiled({
      alternatives: [{ id: 'teams', url: 'https://teams.microsoft.com/' }],
    });
    const matcher = createMatcher(policy.apps);
    expect(decide(matcher, 'https://web.whatsapp.com/').alternative).toEqual({
      id: 'teams',
      name: 'Microsoft Teams',
      url: 'https://teams.microsoft.com/',
    });
    expect(decide(matcher, 'https://2fa.live/').alternative).toBeUndefined();
  });

  it('names the required measures an app does not offer for certain', () => {
    const policy = compiled({
      requirements: ['e2ee', 'no-server-retention', 'internal-directory'],
    });
    const decision = decide(createMatcher(policy.apps), 'https://web.telegram.org/');
    expect(decision.failedRequirements).toEqual([
      { measure: 'e2ee', value: false },
      { measure: 'no-server-retention', value: false },
      { measure: 'internal-directory', value: 'unknown' },
    ]);
  });
});

describe('properties', () => {
  it('decide never throws, whatever the URL', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string(), fc.webUrl({ withQueryParameters: true, withFragments: true })),
        (url) => {
          const decision = decide(builtInMatcher, url);
          expect(['allow', 'warn', 'block']).toContain(decision.action);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('every catalogue pattern decides to its app, on any subdomain, path suffix, port or case', () => {
    const patterns = CATALOGUE.flatMap((app) =>
      app.match.map((pattern) => ({ app: app.id, pattern })),
    );
    fc.assert(
      fc.property(
        fc.constantFrom(...patterns),
        fc.option(
          fc.domain().map((d) => d.split('.')[0] ?? 'a'),
          { nil: undefined },
        ),
        fc.webPath(),
        fc.option(fc.integer({ min: 1, max: 65535 }), { nil: undefined }),
        fc.boolean(),
        ({ app, pattern }, sub, suffix, port, upper) => {
          const parsed = parsePattern(pattern);
          if (typeof parsed === 'string') throw new Error(pattern);
          const host = `${sub ? `${sub}.` : ''}${parsed.host}${port ? `:${port}` : ''}`;
          const url = `https://${upper ? host.toUpperCase() : host}${parsed.path}${suffix}`;
          expect(decide(builtInMatcher, url).appId).toBe(app);
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('random hosts never match', () => {
    const hosts = new Set(
      CATALOGUE.flatMap((app) => app.match.map((p) => (parsePattern(p) as { host: string }).host)),
    );
    fc.assert(
      fc.property(fc.domain(), fc.webPath(), (domain, path) => {
        const isAppHost = [...hosts].some((h) => domain === h || domain.endsWith(`.${h}`));
        fc.pre(!isAppHost);
        expect(decide(builtInMatcher, `https://${domain}${path}`).appId).toBeNull();
      }),
      { numRuns: 3000 },
    );
  });
});
