import { describe, expect, it } from 'vitest';
import {
  acceptProceedReason,
  MAX_REASON_TEXT,
  MIN_REASON_TEXT,
} from '../../../src/policy/proceed-reason';

const reasons = [
  { id: 'supplier', text: { en: 'Supplier' } },
  { id: 'incident', text: { en: 'Incident' } },
];
const required = { requireReason: true, reasons };
const optional = { requireReason: false, reasons };

describe('acceptProceedReason', () => {
  it('keeps a chosen reason id', () => {
    expect(acceptProceedReason(required, { reasonId: 'incident' })).toEqual({
      reasonId: 'incident',
    });
  });

  it.each([
    ['an id the app does not offer', { reasonId: 'made-up' }],
    ['an id with no reasons configured', { reasonId: 'supplier' }],
  ])('refuses %s', (_, given) => {
    const warnings = given.reasonId === 'made-up' ? required : { requireReason: true, reasons: [] };
    expect(() => acceptProceedReason(warnings, given)).toThrow(
      'this reason is not offered for this app',
    );
  });

  it('refuses an unknown id even when no reason is required', () => {
    expect(() => acceptProceedReason(optional, { reasonId: 'made-up' })).toThrow(/not offered/);
  });

  it('takes typed text (the "other" choice) instead of a choice', () => {
    expect(acceptProceedReason(required, { reason: '  A one-off call with a client  ' })).toEqual({
      reason: 'A one-off call with a client',
    });
  });

  it.each([undefined, '', '    ', 'abcd'])('requires a reason: refuses %j', (reason) => {
    expect(() => acceptProceedReason(required, { reason })).toThrow('a reason is required');
    expect(MIN_REASON_TEXT).toBe(5);
  });

  it('lets the employee continue without a reason when none is required', () => {
    expect(acceptProceedReason(optional, {})).toEqual({});
    expect(acceptProceedReason({ requireReason: false, reasons: [] }, { reason: ' ' })).toEqual({});
  });

  it('keeps at most 200 characters of typed text, cutting between characters', () => {
    const kept = acceptProceedReason(required, { reason: ` ${'x'.repeat(300)} ` }).reason;
    expect(kept).toHaveLength(MAX_REASON_TEXT);
    // A family emoji is one character of 11 UTF-16 units: it is kept whole or not at all.
    const family = '👨‍👩‍👧‍👦';
    const emoji = acceptProceedReason(required, { reason: family.repeat(250) }).reason ?? '';
    expect(emoji).toBe(family.repeat(200));
  });

  it('keeps both a choice and text when both are sent', () => {
    expect(acceptProceedReason(required, { reasonId: 'supplier', reason: 'Acme Ltd' })).toEqual({
      reasonId: 'supplier',
      reason: 'Acme Ltd',
    });
  });

  it('treats a snapshot without reasons (stored before an update) as offering none', () => {
    expect(acceptProceedReason({ requireReason: true }, { reason: 'Supplier call' })).toEqual({
      reason: 'Supplier call',
    });
    expect(() => acceptProceedReason({ requireReason: true }, { reasonId: 'a' })).toThrow();
  });
});
