/**
 * "Continue anyway": lets one blocked app through for one tab until the browser closes, with a
 * session-scoped declarativeNetRequest allow rule. Kept in `storage.session`, which the browser
 * clears with the session, so a new session blocks again.
 */
import { browser } from 'wxt/browser';
import type { CompiledApp } from '../policy/compile';
import { toAllowRules } from '../policy/block-rules';
import { forThisBrowser } from './rule-quirks';

const KEY = 'tabAllowances';
type Allowances = Record<string, string[]>;

async function read(): Promise<Allowances> {
  const items = await browser.storage.session.get(KEY);
  const value = items[KEY];
  return typeof value === 'object' && value !== null ? (value as Allowances) : {};
}

/** Whether `appId` was let through in `tabId` this session. */
export async function isAllowedInTab(tabId: number, appId: string): Promise<boolean> {
  return (await read())[String(tabId)]?.includes(appId) ?? false;
}

/** Lets `app` through in `tabId` for the rest of the session. */
export async function allowInTab(tabId: number, app: CompiledApp): Promise<void> {
  const allowances = await read();
  const existing = await browser.declarativeNetRequest.getSessionRules();
  const nextId = Math.max(0, ...existing.map((rule) => rule.id)) + 1;
  const rules = forThisBrowser(toAllowRules(app, tabId, nextId));
  await browser.declarativeNetRequest.updateSessionRules({ addRules: rules as never });
  allowances[String(tabId)] = [...new Set([...(allowances[String(tabId)] ?? []), app.id])];
  await browser.storage.session.set({ [KEY]: allowances });
}

/** Forgets a closed tab's allowances and their rules. */
export async function forgetTab(tabId: number): Promise<void> {
  const allowances = await read();
  if (!(String(tabId) in allowances)) return;
  const existing = await browser.declarativeNetRequest.getSessionRules();
  const ids = existing
    .filter((rule) => rule.condition.tabIds?.includes(tabId))
    .map((rule) => rule.id);
  await browser.declarativeNetRequest.updateSessionRules({ removeRuleIds: ids });
  const rest = Object.fromEntries(
    Object.entries(allowances).filter(([tab]) => tab !== String(tabId)),
  );
  await browser.storage.session.set({ [KEY]: rest });
}
