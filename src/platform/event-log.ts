/**
 * The local event log in IndexedDB: `{time, appId, action, outcome, reason?}` only — no URLs, no
 * page content, no identity. Bounded by the policy's retention and a hard cap; a failing database
 * never stops a warning.
 */
import { database, type EventRecord } from './database';

/** Oldest entries beyond this are dropped first. */
export const MAX_EVENTS = 5000;
const DAY = 86_400_000;

/**
 * Deletes the events older than `retentionDays` before `now`; with 0 (the contract: "keep no
 * events"), every event. Call it whenever the retention may have changed, so that lowering it
 * takes effect at once and not only when the next event is appended. Resolves to the number of
 * events deleted, or `available: false` when IndexedDB cannot be used. Never throws.
 */
export async function pruneEvents(
  retentionDays: number,
  now: number,
): Promise<{ available: boolean; deleted: number }> {
  try {
    const db = await database();
    const tx = db.transaction('events', 'readwrite');
    let deleted = 0;
    if (retentionDays <= 0) {
      deleted = await tx.store.count();
      await tx.store.clear();
    } else {
      const cutoff = now - retentionDays * DAY;
      let cursor = await tx.store.index('time').openCursor(IDBKeyRange.upperBound(cutoff, true));
      while (cursor) {
        await cursor.delete();
        deleted++;
        cursor = await cursor.continue();
      }
    }
    await tx.done;
    return { available: true, deleted };
  } catch (error) {
    console.warn('Signpost: event log unavailable', error);
    return { available: false, deleted: 0 };
  }
}

/**
 * Appends an event and prunes old ones; with `retentionDays` 0 nothing is kept, and the events
 * kept under an earlier retention are deleted. Resolves to whether the event was stored. Never throws.
 */
export async function appendEvent(
  event: EventRecord,
  retentionDays: number,
  cap = MAX_EVENTS,
): Promise<boolean> {
  if (retentionDays <= 0) {
    await pruneEvents(0, event.time);
    return false;
  }
  try {
    const db = await database();
    const tx = db.transaction('events', 'readwrite');
    await tx.store.add(event);
    const cutoff = event.time - retentionDays * DAY;
    let cursor = await tx.store.index('time').openCursor(IDBKeyRange.upperBound(cutoff, true));
    while (cursor) {
      await cursor.delete();
      cursor = await cursor.continue();
    }
    let excess = (await tx.store.count()) - cap;
    let oldest = excess > 0 ? await tx.store.openCursor() : null;
    while (oldest && excess > 0) {
      await oldest.delete();
      excess--;
      oldest = await oldest.continue();
    }
    await tx.done;
    return true;
  } catch (error) {
    console.warn('Signpost: event log unavailable', error);
    return false;
  }
}

/** The newest events first, or `available: false` when IndexedDB cannot be used. Never throws. */
export async function readEvents(
  limit = 500,
): Promise<{ available: boolean; events: EventRecord[] }> {
  try {
    const db = await database();
    const events: EventRecord[] = [];
    let cursor = await db.transaction('events').store.index('time').openCursor(null, 'prev');
    while (cursor && events.length < limit) {
      events.push(cursor.value);
      cursor = await cursor.continue();
    }
    return { available: true, events };
  } catch (error) {
    console.warn('Signpost: event log unavailable', error);
    return { available: false, events: [] };
  }
}
