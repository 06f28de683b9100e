/**
 * Vitest global setup of the E2E project: one real-browser run per machine at a time. The runs
 * share the browsers' enterprise policy folders (/etc/chromium/policies/managed, Firefox's
 * distribution/policies.json), so a second run waits here until the first one is done. The lock is
 * a directory (mkdir is atomic) holding the owner's pid; a lock left by a dead process is taken over.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const LOCK = process.env.SIGNPOST_E2E_LOCK ?? '/tmp/signpost-e2e.lock';
const OWNER = join(LOCK, 'pid');

const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

function tryTake(): boolean {
  try {
    mkdirSync(LOCK);
  } catch {
    const owner = existsSync(OWNER) ? Number(readFileSync(OWNER, 'utf8')) : 0;
    if (owner > 0 && isAlive(owner)) return false;
    // Just created, its pid not written yet.
    if (
      owner === 0 &&
      Date.now() - (statSync(LOCK, { throwIfNoEntry: false })?.mtimeMs ?? 0) < 10_000
    )
      return false;
    // Left behind by a run that died (or is still writing its pid): take it over.
    rmSync(LOCK, { recursive: true, force: true });
    return tryTake();
  }
  writeFileSync(OWNER, String(process.pid));
  return true;
}

export default async function setup(): Promise<() => void> {
  let waited = 0;
  while (!tryTake()) {
    if (waited % 30 === 0) console.log(`e2e: another real-browser run holds ${LOCK}; waiting`);
    await new Promise((done) => setTimeout(done, 1000));
    waited++;
  }
  const release = () => rmSync(LOCK, { recursive: true, force: true });
  process.once('exit', release);
  return release;
}
