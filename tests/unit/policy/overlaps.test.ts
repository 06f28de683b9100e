import { describe, expect, it } from 'vitest';
import { parsePolicy } from '../../../src/policy/parse';

const overlaps = (raw: unknown) =>
  parsePolicy(raw).issues.filter((issue) => issue.code === 'overlap');

describe('validate warns when a custom app overlaps another app', () => {
  it('names the catalogue app and says the custom app with a rule wins (policy contract)', () => {
    const [issue, ...rest] = overlaps({
      customApps: [{ id: 'wa-all', name: 'All of WhatsApp', match: ['whatsapp.com'] }],
      rules: [{ app: 'wa-all', action: 'block' }],
    });
    expect(rest).toEqual([]);
    expect(issue).toMatchObject({
      path: 'customApps[0].match[0]',
      severity: 'warning',
      value: 'whatsapp.com',
      effect: '"wa-all" (block) decides there',
    });
    expect(issue?.message).toBe(
      'overlaps WhatsApp Web (web.whatsapp.com): on web.whatsapp.com "wa-all" applies, because it has a rule and WhatsApp Web only the default',
    );
  });

  it('says the more specific catalogue app wins when neither has a rule', () => {
    const [issue] = overlaps({
      customApps: [{ id: 'wa-all', name: 'All of WhatsApp', match: ['whatsapp.com'] }],
    });
    expect(issue?.message).toContain('"whatsapp" applies, because its pattern is more specific');
  });

  it('says which app wins the very same pattern', () => {
    const [issue] = overlaps({
      customApps: [{ id: 'fb-chat', name: 'FB chat', match: ['facebook.com/messages'] }],
    });
    expect(issue?.message).toContain(
      'on facebook.com/messages "fb-chat" applies, because both list this very pattern and it comes first',
    );
  });

  it('warns once per overlapping pair of custom apps, at the deeper pattern, and never else', () => {
    const issues = overlaps({
      customApps: [
        { id: 'a', name: 'A', match: ['chat.example.com', 'elsewhere.example.org'] },
        { id: 'b', name: 'B', match: ['eu.chat.example.com/app'] },
        { id: 'c', name: 'C', match: ['chat.example.com.evil.test', 'example.com/other'] },
      ],
    });
    expect(issues.map((i) => [i.path, i.message])).toEqual([
      [
        'customApps[0].match[0]',
        'overlaps C (example.com/other): on chat.example.com/other "a" applies, because its pattern is more specific',
      ],
      [
        'customApps[1].match[0]',
        'overlaps A (chat.example.com): on eu.chat.example.com/app "b" applies, because its pattern is more specific',
      ],
    ]);
  });
});
