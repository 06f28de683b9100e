import { describe, expect, it } from 'vitest';
import { compilePolicy } from '../../../src/policy/compile';
import { customAppMatches, earlyWarningMatches } from '../../../src/policy/content-matches';
import { parsePolicy } from '../../../src/policy/parse';

const apps = (raw: unknown) =>
  compilePolicy(parsePolicy(raw).policy!, { isBuiltInDefault: false }).apps;

describe('runtime content-script matches', () => {
  it('registers custom app hosts whole, and nothing else', () => {
    expect(
      customAppMatches(
        apps({
          customApps: [{ id: 'c', name: 'C', match: ['chat.acme.test/app', 'Chat.Acme.test'] }],
        }),
      ),
    ).toEqual(['*://*.chat.acme.test/*']);
    expect(customAppMatches(apps({}))).toEqual([]);
  });

  it('registers the early warning exactly on warned, unacknowledged pages, paths included', () => {
    const matches = earlyWarningMatches(
      apps({
        defaultAction: 'allow',
        rules: [
          { app: 'whatsapp', action: 'warn' },
          { app: 'messenger', action: 'warn' },
          { app: 'telegram', action: 'block' },
          { app: 'x', action: 'warn' },
        ],
      }),
      (id) => id === 'x',
    );
    expect(matches).toEqual([
      '*://*.facebook.com/messages*',
      '*://*.messenger.com/*',
      '*://*.web.whatsapp.com/*',
    ]);
  });
});
