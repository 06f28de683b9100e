/**
 * When the browser fails the worker (IndexedDB, a full storage.local, refused network rules), the
 * next steps still run, blocked apps keep their rules, and the status page hears of it.
 */
import { describe, expect, it } from 'vitest';
import { createPolicyService } from '../../src/background/policy-service';
import { contentScript, extensionPage, startWorker } from './worker';

const STATUS = extensionPage(undefined, '/status.html');
const blockTelegram = { rules: [{ app: 'telegram', action: 'block' }] };

describe('a worker whose browser fails it', () => {
  it('without IndexedDB: applies the policy, blocks, and reports the log and last-known-good', async () => {
    const { fake, send, policy } = await startWorker(blockTelegram);
    fake.db.failWith = 'UnknownError: Internal error opening backing store';
    await policy.apply();
    expect(fake.dynamic.rules.length).toBeGreaterThan(0);
    await send('recordAlternativeUse', { appId: 'whatsapp' }, contentScript(1));
    const { health, eventLog } = await send('getStatus', {}, STATUS);
    expect(eventLog.available).toBe(false);
    expect(health['event-log']).toMatchObject({ ok: false });
    expect(health['last-known-good']).toMatchObject({
      ok: false,
      error: 'UnknownError: Internal error opening backing store',
    });
  });

  it('with a full storage.local: still installs the rules and answers from this worker', async () => {
    const { fake, send } = await startWorker({});
    fake.setManaged(blockTelegram);
    fake.local.failWith = 'QuotaExceededError: storage.local quota exceeded';
    // A new worker (after a restart) on the same storage, which now refuses every write.
    const service = createPolicyService(fake.ports);
    const snapshot = await service.apply();
    expect(snapshot.compiled.apps.find((a) => a.id === 'telegram')?.action).toBe('block');
    expect(
      fake.dynamic.rules.some((r) => r.condition.requestDomains?.includes('web.telegram.org')),
    ).toBe(true);
    expect((await service.health()).snapshot).toEqual({
      ok: false,
      error: 'QuotaExceededError: storage.local quota exceeded',
      at: fake.ports.now(),
    });
    // Readers still get the policy in force from this worker instead of applying it again.
    expect((await service.current()).appliedAt).toBe(snapshot.appliedAt);
    expect((await send('ensurePolicy', {}, contentScript(1))).appliedAt).toBeGreaterThan(0);
  });

  it('when the browser refuses the rules: removes the old ones, adds what fits, says degraded', async () => {
    const { fake, policy, send } = await startWorker(blockTelegram);
    const before = fake.dynamic.rules.map((r) => r.id);
    expect(before.length).toBeGreaterThan(0);
    // Other session rules hold almost the whole regex budget (1,000 for dynamic and session).
    await fake.ports.network.session.updateRules({
      addRules: Array.from({ length: 999 }, (_, i) => ({
        id: 10_000 + i,
        priority: 1,
        action: { type: 'allow' as const },
        condition: {
          regexFilter: `^https://filler${String(i)}\\.test/`,
          isUrlFilterCaseSensitive: false,
          resourceTypes: ['image'],
        },
      })),
    });
    fake.setManaged({
      rules: [
        { app: 'telegram', action: 'block' },
        { app: 'discord', action: 'block' },
        { app: 'totp-generators', action: 'block' },
      ],
    });
    await policy.apply();
    const { networkRules } = await send('getStatus', {}, STATUS);
    expect(networkRules?.status).toBe('degraded');
    expect(networkRules?.errors.join(' ')).toContain('regex rules exceeded');
    expect(networkRules?.installedRules).toBeGreaterThan(0);
    expect(networkRules?.refusedRules).toBeGreaterThan(0);
    // The regex rule that fitted is in force; rules without a regex all are.
    expect(fake.dynamic.rules.filter((r) => r.condition.regexFilter).length).toBe(1);
    expect(fake.dynamic.rules.some((r) => !r.condition.regexFilter)).toBe(true);
  });
});
