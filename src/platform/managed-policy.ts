/** Reads the admin's policy from `storage.managed` and tells when it changes. */
import { browser } from 'wxt/browser';

/**
 * The raw managed policy; `{}` when none is deployed. Firefox rejects the call when no policy
 * exists for the add-on ("Managed storage manifest not found"): that is "none", not an error.
 */
export async function readManagedPolicy(): Promise<Record<string, unknown>> {
  try {
    return await browser.storage.managed.get(null);
  } catch {
    return {};
  }
}

/** Calls `onChange` when the admin's policy changes (no browser restart needed). */
export function watchManagedPolicy(onChange: () => void): void {
  browser.storage.onChanged.addListener((_changes, area) => {
    if (area === 'managed') onChange();
  });
}
