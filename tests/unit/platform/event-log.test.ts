/**
 * The event log and database upgrades against fake-indexeddb, a spec-complete IndexedDB for Node
 * (the real browser's IndexedDB is exercised by the E2E tests).
 */
import { IDBFactory } from 'fake-indexeddb';
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeDatabase, database, loadLastKnownGood } from '../../../src/platform/database';
import { appendEvent, readEvents } from '../../../src/platform/event-log';
import type { EventRecord } from '../../../src/status/event-record';

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 10, 23, 12);
const event = (time: number, appId = 'whatsapp'): EventRecord => ({
  time,
  appId,
  action: 'warn',
  outcome: 'warned',
});

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
});
afterEach(async () => {
  await closeDatabase();
});

describe('event log', () => {
  it('keeps nothing when retentionDays is 0', async () => {
    expect(await appendEvent(event(NOW), 0)).toBe(false);
    expect((await readEvents()).events).toEqual([]);
  });

  it('drops events older than the retention, newest first when read', async () => {
    await appendEvent(event(NOW - 40 * DAY, 'old'), 365);
    await appendEvent(event(NOW - 20 * DAY, 'recent'), 365);
    await appendEvent(event(NOW, 'now'), 30);
    expect((await readEvents()).events.map((e) => e.appId)).toEqual(['now', 'recent']);
  });

  it('drops the oldest entries beyond the cap', async () => {
    for (let i = 0; i < 12; i++) await appendEvent(event(NOW + i, `app-${String(i)}`), 30, 10);
    const { events } = await readEvents();
    expect(events).toHaveLength(10);
    expect(events.at(-1)?.appId).toBe('app-2');
    expect(events[0]?.appId).toBe('app-11');
  });

  it('reports an unavailable database instead of throwing', async () => {
    await closeDatabase();
    globalThis.indexedDB = {
      open: () => {
        throw new Error('private mode');
      },
    } as unknown as IDBFactory;
    expect(await readEvents()).toEqual({ available: false, events: [] });
    expect(await appendEvent(event(NOW), 30)).toBe(false);
    expect(await loadLastKnownGood()).toBeNull();
  });
});

describe('database upgrade', () => {
  it('opens a version 1 database, upgrades it and loses nothing', async () => {
    // A version 1 database as the first release wrote it, with the raw IndexedDB API.
    await new Promise<void>((resolve, reject) => {
      const request = indexedDB.open('signpost', 1);
      request.onupgradeneeded = () => {
        const db = request.result;
        db.createObjectStore('policy').put(
          { policy: { defaultAction: 'block' }, receivedAt: 1, hash: 'abc' },
          'last-known-good',
        );
        const events = db.createObjectStore('events', { autoIncrement: true });
        events.createIndex('time', 'time');
        events.add(event(NOW - DAY, 'telegram'));
        events.add(event(NOW, 'whatsapp'));
      };
      request.onsuccess = () => {
        request.result.close();
        resolve();
      };
      request.onerror = () => reject(request.error ?? new Error('open'));
    });

    const db = await database();
    expect(db.version).toBe(2);
    expect((await readEvents()).events.map((e) => e.appId)).toEqual(['whatsapp', 'telegram']);
    expect(await db.getAllFromIndex('events', 'appId', 'telegram')).toEqual([
      event(NOW - DAY, 'telegram'),
    ]);
    const lastKnownGood = await loadLastKnownGood();
    expect(lastKnownGood).toMatchObject({ hash: 'abc', receivedAt: 1 });
    expect(lastKnownGood?.policy.defaultAction).toBe('block');
  });
});
