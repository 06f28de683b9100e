/**
 * IndexedDB (through idb): the last-known-good policy and the event log.
 * Records are re-checked when read back: a corrupt record is treated as absent, never trusted.
 *
 * Versions: 1 = stores `policy` and `events` (index `time`); 2 = index `appId` on `events`, for
 * the status page's filter. Every upgrade step keeps existing records (tested).
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import { PolicySchema } from '../policy/schema';
import type { StoredPolicy } from '../policy/effective';
import type { EventRecord } from '../status/event-record';

const DB_NAME = 'signpost';
const DB_VERSION = 2;
const LAST_KNOWN_GOOD = 'last-known-good';

/** The database layout; bump DB_VERSION and add an upgrade step for every change. */
export interface SignpostDb extends DBSchema {
  policy: { key: string; value: StoredPolicy };
  events: { key: number; value: EventRecord; indexes: { time: number; appId: string } };
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
