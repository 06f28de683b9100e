/**
 * The event log and database upgrades against fake-indexeddb, a spec-complete IndexedDB for Node
 * (the real browser's IndexedDB is exercised by the E2E tests).
 */
import { IDBFactory } from 'fake-indexeddb';
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  closeDatabase,
  database,
  loadLastKnownGood,
  readRecord,
  writeRecord,
} from '../../../src/platform/database';
import {
  appendEvent,
  DELIVERY_MEMORY_MS,
  pruneEvents,
  readEvents,
} from '../../../src/platform/event-log';
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
    expect(await appendEvent(event(NOW), 0)).toBe('not-stored');
    expect((await readEvents()).events).toEqual([]);
  });

  it('deletes the events already kept when retentionDays becomes 0', async () => {
    await appendEvent(event(NOW - DAY, 'yesterday'), 30);
    await appendEvent(event(NOW, 'today'), 30);
    expect(await appendEvent(event(NOW + 1, 'after'), 0)).toBe('not-stored');
    expect((await readEvents()).events).toEqual([]);
  });

  it('pruneEvents with 0 deletes every event, however recent', async () => {
    for (const time of [NOW - 300 * DAY, NOW - DAY, NOW, NOW + DAY])
      await appendEvent(event(time), 365);
    expect(await pruneEvents(0, NOW)).toEqual({ available: true, deleted: 4 });
    expect((await readEvents()).events).toEqual([]);
    expect(await pruneEvents(0, NOW)).toEqual({ available: true, deleted: 0 });
  });

  it('pruneEvents deletes at once what a lowered retention no longer keeps', async () => {
    await appendEvent(event(NOW - 40 * DAY, 'old'), 365);
    await appendEvent(event(NOW - 7 * DAY - 1, 'just over a week'), 365);
    await appendEvent(event(NOW - 7 * DAY, 'a week'), 365);
    await appendEvent(event(NOW, 'now'), 365);
    expect(await pruneEvents(7, NOW)).toEqual({ available: true, deleted: 2 });
    expect((await readEvents()).events.map((e) => e.appId)).toEqual(['now', 'a week']);
  });

  it('drops events older than the retention, newest first when read', async () => {
    await appendEvent(event(NOW - 40 * DAY, 'old'), 365);
    await appendEvent(event(NOW - 20 * DAY, 'recent'), 365);
    await appendEvent(event(NOW, 'now'), 30);
    expect((await readEvents()).events.map((e) => e.appId)).toEqual(['now', 'recent']);
  });

  it('drops the oldest entries beyond the cap', async () => {
    for (let i = 0; i < 12; i++)
      await appendEvent(event(NOW + i, `app-${String(i)}`), 30, undefined, 10);
    const { events } = await readEvents();
    expect(events).toHaveLength(10);
    expect(events.at(-1)?.appId).toBe('app-2');
    expect(events[0]?.appId).toBe('app-11');
  });

  it('logs a delivery once, however often it is retried, and forgets it after a while', async () => {
    const id = 'a'.repeat(32);
    expect(await appendEvent(event(NOW, 'first'), 30, id)).toBe('stored');
    expect(await appendEvent(event(NOW + 1, 'retry'), 30, id)).toBe('duplicate');
    expect(await appendEvent(event(NOW + 2, 'other'), 30, 'b'.repeat(32))).toBe('stored');
    expect((await readEvents()).events.map((e) => e.appId)).toEqual(['other', 'first']);
    // With the log off, a retried delivery is still recognised (the fleet report counts it once).
    expect(await appendEvent(event(NOW + 3), 0, 'c'.repeat(32))).toBe('not-stored');
    expect(await appendEvent(event(NOW + 4), 0, 'c'.repeat(32))).toBe('duplicate');
    // Ids older than DELIVERY_MEMORY_MS are dropped as new ones arrive.
    const later = NOW + DELIVERY_MEMORY_MS + 10;
    await appendEvent(event(later, 'later'), 30, 'd'.repeat(32));
    expect((await (await database()).getAllKeys('deliveries')).sort()).toEqual(['d'.repeat(32)]);
  });

  it('reports an unavailable database instead of throwing', async () => {
    await closeDatabase();
    globalThis.indexedDB = {
      open: () => {
        throw new Error('private mode');
      },
    } as unknown as IDBFactory;
    expect(await readEvents()).toEqual({ available: false, events: [] });
    expect(await appendEvent(event(NOW), 30)).toBe('not-stored');
    expect(await appendEvent(event(NOW), 0)).toBe('not-stored');
    expect(await pruneEvents(7, NOW)).toEqual({ available: false, deleted: 0 });
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
    expect(db.version).toBe(4);
    expect([...db.objectStoreNames].sort()).toEqual([
      'deliveries',
      'events',
      'fetched',
      'policy',
      'reporting',
    ]);
    expect((await readEvents()).events.map((e) => e.appId)).toEqual(['whatsapp', 'telegram']);
    expect(await db.getAllFromIndex('events', 'appId', 'telegram')).toEqual([
      event(NOW - DAY, 'telegram'),
    ]);
    const lastKnownGood = await loadLastKnownGood();
    expect(lastKnownGood).toMatchObject({ hash: 'abc', receivedAt: 1 });
    expect(lastKnownGood?.policy.defaultAction).toBe('block');
  });

  it('keeps and deletes records of the version 3 stores', async () => {
    expect(await writeRecord('fetched', 'policy-url', { text: '{}' })).toEqual({ ok: true });
    expect(await readRecord('fetched', 'policy-url')).toEqual({ ok: true, value: { text: '{}' } });
    expect(await writeRecord('fetched', 'policy-url', null)).toEqual({ ok: true });
    expect(await readRecord('fetched', 'policy-url')).toEqual({ ok: true, value: null });
  });
});
