import { describe, expect, it } from 'vitest';
import { APP_IDS, CATALOGUE, MEASURE_IDS, RISK_IDS } from '../../../src/catalogue';
import { contentScriptMatches } from '../../../src/policy/content-matches';
import { SOURCES } from '../../../src/catalogue/sources';
import { parsePattern } from '../../../src/policy/pattern';

describe('catalogue', () => {
  it('has exactly the ids admins write', () => {
    expect(APP_IDS).toEqual([
      'whatsapp',
      'telegram',
      'messenger',
      'instagram',
      'discord',
      'wechat',
      'snapchat',
      'google-messages',
      'threema',
      'wire',
      'element',
      'teams',
      'slack',
      'zivver',
      'x',
      'linkedin',
      'totp-generators',
    ]);
  });

  it.each(CATALOGUE.map((app) => [app.id, app] as const))(
    '%s: valid patterns, every criterion, known sources',
    (_, app) => {
      for (const pattern of app.match) expect(typeof parsePattern(pattern)).toBe('object');
      expect(Object.keys(app.risks).sort()).toEqual([...RISK_IDS].sort());
      expect(Object.keys(app.measures).sort()).toEqual([...MEASURE_IDS].sort());
      expect(app.sources.length).toBeGreaterThan(0);
      for (const source of app.sources) expect(SOURCES[source], source).toBeDefined();
    },
  );

  it('puts the 2FA-code sites in the authenticator category and Teams/Slack/Zivver in collaboration', () => {
    const category = (id: string) => CATALOGUE.find((app) => app.id === id)?.category;
    expect(category('totp-generators')).toBe('authenticator');
    expect(['teams', 'slack', 'zivver'].map(category)).toEqual([
      'collaboration',
      'collaboration',
      'collaboration',
    ]);
  });

  it('derives host-wide content-script matches from the patterns, each host once', () => {
    const matches = contentScriptMatches();
    expect(matches).toContain('*://*.web.whatsapp.com/*');
    expect(matches).toContain('*://*.facebook.com/*');
    expect(new Set(matches).size).toBe(matches.length);
    for (const match of matches) expect(match).toMatch(/^\*:\/\/\*\.[a-z0-9.-]+\/\*$/);
  });
});
