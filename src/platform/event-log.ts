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

/** What became of an event: logged, logged already (the same delivery), or not logged. */
export type EventWrite = 'stored' | 'duplicate' | 'not-stored';

/** How long a delivery id is remembered: far longer than a message is retried. */
export const DELIVERY_MEMORY_MS = 10 * 60_000;

/**
 * Appends an event and prunes old ones; with `retentionDays` 0 nothing is kept, and the events
 * kept under an earlier retention are deleted. With a `deliveryId`, an event whose delivery was
 * already logged is not logged again (`duplicate`): the id and the event are written in one
 * transaction, so a worker stopped in between leaves neither. Never throws.
 */
export async function appendEvent(
  event: EventRecord,
  retentionDays: number,
  deliveryId?: string,
  cap = MAX_EVENTS,
): Promise<EventWrite> {
  if (retentionDays <= 0) await pruneEvents(0, event.time);
  try {
    const db = await database();
    const tx = db.transaction(['events', 'deliveries'], 'readwrite');
    if (deliveryId !== undefined) {
      const deliveries = tx.objectStore('deliveries');
      if (await deliveries.get(deliveryId)) {
        await tx.done;
        return 'duplicate';
      }
      await deliveries.put({ time: event.time }, deliveryId);
      const forgotten = IDBKeyRange.upperBound(event.time - DELIVERY_MEMORY_MS, true);
      let old = await deliveries.index('time').openCursor(forgotten);
      while (old) {
        await old.delete();
        old = await old.continue();
      }
    }
    if (retentionDays <= 0) {
      await tx.done;
      return 'not-stored';
    }
    const events = tx.objectStore('events');
    await events.add(event);
    const cutoff = event.time - retentionDays * DAY;
    let cursor = await events.index('time').openCursor(IDBKeyRange.upperBound(cutoff, true));
    while (cursor) {
      await cursor.delete();
      cursor = await cursor.continue();
    }
    let excess = (await events.count()) - cap;
    let oldest = excess > 0 ? await events.openCursor() : null;
    while (oldest && excess > 0) {
      await oldest.delete();
      excess--;
      oldest = await oldest.continue();
    }
    await tx.done;
    return 'stored';
  } catch (error) {
    console.warn('Signpost: event log unavailable', error);
    return 'not-stored';
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
