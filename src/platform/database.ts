/**
 * IndexedDB (through idb): the last-known-good policy and the event log.
 * Records are re-checked when read back: a corrupt record is treated as absent, never trusted.
 *
 * Versions: 1 = stores `policy` and `events` (index `time`); 2 = index `appId` on `events`, for
 * the status page's filter; 3 = stores `fetched` (the last good `policyUrl` document) and
 * `reporting` (counts and events not yet delivered to the organisation's collector); 4 = store
 * `deliveries` (the delivery ids of messages whose event is logged, kept a while, so that a
 * message retried across a worker restart is logged once). Every upgrade step keeps existing
 * records (tested).
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import { PolicySchema } from '../policy/schema';
import type { StoredPolicy } from '../policy/effective';
import type { EventRecord } from '../status/event-record';

const DB_NAME = 'signpost';
const DB_VERSION = 4;
const LAST_KNOWN_GOOD = 'last-known-good';

/** The database layout; bump DB_VERSION and add an upgrade step for every change. */
export interface SignpostDb extends DBSchema {
  policy: { key: string; value: StoredPolicy };
  events: { key: number; value: EventRecord; indexes: { time: number; appId: string } };
  /** JSON-able records, re-checked by their readers. */
  fetched: { key: string; value: unknown };
  reporting: { key: string; value: unknown };
  deliveries: { key: string; value: { time: number }; indexes: { time: number } };
}

export type { EventRecord } from '../status/event-record';

let opening: Promise<IDBPDatabase<SignpostDb>> | undefined;

/** The opened database (shared within the worker). */
export function database(): Promise<IDBPDatabase<SignpostDb>> {
  opening ??= openDB<SignpostDb>(DB_NAME, DB_VERSION, {
    upgrade(db, oldVersion, _newVersion, transaction) {
      if (oldVersion < 1) {
        db.createObjectStore('policy');
        db.createObjectStore('events', { autoIncrement: true }).createIndex('time', 'time');
      }
      if (oldVersion < 2) transaction.objectStore('events').createIndex('appId', 'appId');
      if (oldVersion < 3) {
        db.createObjectStore('fetched');
        db.createObjectStore('reporting');
      }
      if (oldVersion < 4) db.createObjectStore('deliveries').createIndex('time', 'time');
    },
  }).catch((error: unknown) => {
    opening = undefined;
    throw error;
  });
  return opening;
}

/** Closes the shared connection (tests, and before deleting the database). */
export async function closeDatabase(): Promise<void> {
  const current = opening;
  opening = undefined;
  if (current) (await current.catch(() => undefined))?.close();
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * The last-known-good policy (null when none is stored or the record is unreadable), and whether
 * IndexedDB could be read at all. Never throws.
 */
export async function readLastKnownGood(): Promise<
  { ok: true; stored: StoredPolicy | null } | { ok: false; error: string; stored: null }
> {
  try {
    const record = await (await database()).get('policy', LAST_KNOWN_GOOD);
    if (!record || typeof record.hash !== 'string' || typeof record.receivedAt !== 'number')
      return { ok: true, stored: null };
    const policy = PolicySchema.safeParse(record.policy);
    return {
      ok: true,
      stored: policy.success
        ? { policy: policy.data, receivedAt: record.receivedAt, hash: record.hash }
        : null,
    };
  } catch (error) {
    return { ok: false, error: messageOf(error), stored: null };
  }
}

/** The last-known-good policy, or null when none is stored, it is unreadable or IndexedDB fails. */
export async function loadLastKnownGood(): Promise<StoredPolicy | null> {
  return (await readLastKnownGood()).stored;
}

/** Stores a valid policy as last-known-good. A failure is reported; the policy still applies. */
export async function saveLastKnownGood(
  stored: StoredPolicy,
): Promise<{ ok: true } | { ok: false; error: string }> {
  try {
    await (await database()).put('policy', stored, LAST_KNOWN_GOOD);
    return { ok: true };
  } catch (error) {
    return { ok: false, error: messageOf(error) };
  }
}

/** One record of the `fetched` or `reporting` store (null when absent). Never throws. */
export async function readRecord(
  store: 'fetched' | 'reporting',
  key: string,
): Promise<{ ok: true; value: unknown } | { ok: false; error: string }> {
  try {
    return { ok: true, value: (await (await database()).get(store, key)) ?? null };
  } catch (error) {
    return { ok: false, error: messageOf(error) };
  }
}

/** Writes (or with null deletes) one record of the `fetched` or `reporting` store. Never throws. */
export async function writeRecord(
  store: 'fetched' | 'reporting',
  key: string,
  value: unknown,
): Promise<{ ok: true } | { ok: false; error: string }> {
  try {
    const db = await database();
    if (value === null) await db.delete(store, key);
    else await db.put(store, value, key);
    return { ok: true };
  } catch (error) {
    return { ok: false, error: messageOf(error) };
  }
}
