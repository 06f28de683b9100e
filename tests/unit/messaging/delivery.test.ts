/** Delivery across worker restarts: retried on transport failures, never on a refusal. */
import { describe, expect, it } from 'vitest';
import { deliver, newDeliveryId } from '../../../src/messaging/delivery';

const NO_WAIT = [0, 0, 0];

describe('deliver', () => {
  it('retries while the worker is gone and sends the same delivery id every time', async () => {
    const seen: unknown[] = [];
    const outcomes = [
      () => Promise.reject(new Error('The message port closed before a response was received.')),
      () => Promise.resolve(undefined), // a listener that answered nothing
      () => Promise.resolve({ ok: true, result: { recorded: true } }),
    ];
    const reply = await deliver(
      (message) => {
        seen.push(message);
        return (outcomes[seen.length - 1] ?? outcomes[2])!();
      },
      'reportPageState',
      { appId: 'whatsapp', action: 'warn', isAcknowledged: false },
      NO_WAIT,
    );
    expect(reply).toEqual({ ok: true, result: { recorded: true } });
    expect(seen).toHaveLength(3);
    const ids = new Set(seen.map((m) => (m as { delivery: string }).delivery));
    expect(ids.size).toBe(1);
    expect([...ids][0]).toMatch(/^[0-9a-f]{32}$/);
  });

  it('does not retry a refusal: the worker answered', async () => {
    let attempts = 0;
    const reply = await deliver(
      () => {
        attempts++;
        return Promise.resolve({ ok: false, error: 'this app is not warned about' });
      },
      'acknowledgeWarning',
      { appId: 'slack' },
      NO_WAIT,
    );
    expect(reply).toEqual({ ok: false, error: 'this app is not warned about' });
    expect(attempts).toBe(1);
  });

  it('rejects with the last transport error after the last attempt', async () => {
    let attempts = 0;
    await expect(
      deliver(
        () => {
          attempts++;
          return Promise.reject(new Error(`Receiving end does not exist (${String(attempts)})`));
        },
        'ensurePolicy',
        {},
        NO_WAIT,
      ),
    ).rejects.toThrow('Receiving end does not exist (4)');
    expect(attempts).toBe(4);
  });

  it('makes a new id per message', () => {
    const ids = new Set(Array.from({ length: 1000 }, newDeliveryId));
    expect(ids.size).toBe(1000);
  });
});
