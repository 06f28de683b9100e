import { describe, expect, it } from 'vitest';
import {
  CHROMIUM_ONLY_RESOURCE_TYPES,
  toAllowRules,
  toBlockRules,
  withoutResourceTypes,
} from '../../../src/policy/block-rules';
import { compilePolicy } from '../../../src/policy/compile';
import { parsePolicy } from '../../../src/policy/parse';

const PAGE = 'chrome-extension://iibcgklibnmbknlhgijglbbcalghaboe/blocked.html';
const rulesFor = (raw: unknown) =>
  toBlockRules(compilePolicy(parsePolicy(raw).policy!, { isBuiltInDefault: false }), PAGE);

/** Applies rules the way DNR does for a main-frame URL, with JS RegExp standing in for RE2. */
function outcome(rules: ReturnType<typeof rulesFor>, url: string): string {
  const host = new URL(url).hostname.replace(/\.$/, '');
  const hits = rules.filter(
    (rule) =>
      rule.condition.resourceTypes.includes('main_frame') &&
      rule.condition.requestDomains.some((d) => host === d || host.endsWith(`.${d}`)) &&
      new RegExp(rule.condition.regexFilter, 'i').test(url),
  );
  const top = hits.sort((a, b) => b.priority - a.priority)[0];
  if (!top) return 'none';
  if (top.action.type !== 'redirect') return top.action.type;
  return url.replace(
    new RegExp(top.condition.regexFilter, 'i'),
    top.action.redirect.regexSubstitution.replace('\\0', () => '$&'),
  );
}

describe('block rules', () => {
  it('writes no rules when nothing is blocked', () => {
    expect(rulesFor({})).toEqual([]);
  });

  it('redirects pages of a blocked app to the block page with the raw URL', () => {
    const rules = rulesFor({ rules: [{ app: 'telegram', action: 'block' }] });
    expect(outcome(rules, 'https://web.telegram.org/k/#@x')).toBe(
      `${PAGE}?app=telegram&url=https://web.telegram.org/k/#@x`,
    );
    expect(outcome(rules, 'https://web.telegram.org./a/')).toBe(
      `${PAGE}?app=telegram&url=https://web.telegram.org./a/`,
    );
    expect(outcome(rules, 'https://telegram.org/')).toBe('none');
  });

  it('blocks only the path of a multi-purpose site, including encoded and upper-case forms', () => {
    const rules = rulesFor({ rules: [{ app: 'discord', action: 'block' }] });
    expect(outcome(rules, 'https://discord.com/channels/1')).toContain('blocked.html?app=discord');
    expect(outcome(rules, 'https://discord.com/%63hannels/1')).toContain(
      'blocked.html?app=discord',
    );
    expect(outcome(rules, 'https://discord.com/CHANNELS/1')).toContain('blocked.html?app=discord');
    expect(outcome(rules, 'https://discord.com/')).toBe('none');
    expect(outcome(rules, 'https://evil.test/discord.com/channels')).toBe('none');
  });

  it('lets a more specific allowed app through inside a blocked one', () => {
    const rules = rulesFor({
      defaultAction: 'allow',
      customApps: [
        { id: 'fb', name: 'Facebook', match: ['facebook.com'] },
        { id: 'fb-work', name: 'Work', match: ['work.facebook.com'] },
      ],
      rules: [{ app: 'fb', action: 'block' }],
    });
    expect(outcome(rules, 'https://www.facebook.com/')).toContain('app=fb&');
    expect(outcome(rules, 'https://work.facebook.com/')).toBe('allow');
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
        { app: 'e', action: 'block' },
      ],
    });
    expect(outcome(rules, 'https://example.com/x')).toContain('app=c&');
    expect(outcome(rules, 'https://example.com/a/x')).toBe('allow');
    expect(outcome(rules, 'https://example.com/a/b/x')).toContain('app=e&');
  });

  it('blocks WebSocket connections to a blocked app', () => {
    const rules = rulesFor({ rules: [{ app: 'whatsapp', action: 'block' }] });
    const websocket = rules.filter((r) => r.condition.resourceTypes.includes('websocket'));
    expect(
      websocket.some(
        (r) =>
          new RegExp(r.condition.regexFilter, 'i').test('wss://web.whatsapp.com/ws/chat') &&
          r.action.type === 'block',
      ),
    ).toBe(true);
  });

  it('gives every rule a unique id and RE2-safe syntax', () => {
    const rules = rulesFor({ defaultAction: 'block' });
    expect(new Set(rules.map((r) => r.id)).size).toBe(rules.length);
    for (const rule of rules) expect(rule.condition.regexFilter).not.toMatch(/\(\?[=!<]|\\[1-9]/);
  });
});

describe('resource types a browser does not know', () => {
  const rules = rulesFor({ schemaVersion: 1, rules: [{ app: 'discord', action: 'block' }] });
  const app = compilePolicy(
    parsePolicy({ schemaVersion: 1, rules: [{ app: 'discord', action: 'block' }] }).policy!,
    { isBuiltInDefault: false },
  ).apps.find((a) => a.id === 'discord')!;

  it('are dropped from every rule, block and allow alike, and nothing else changes', () => {
    const all = [...rules, ...toAllowRules(app, 7, 100)];
    expect(all.some((r) => r.condition.resourceTypes.includes('webtransport'))).toBe(true);
    const adapted = withoutResourceTypes(all, CHROMIUM_ONLY_RESOURCE_TYPES);
    for (const [index, rule] of adapted.entries()) {
      const original = all[index]!;
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
