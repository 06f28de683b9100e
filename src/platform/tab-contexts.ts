/**
 * Finds which extension page (if any) a tab shows, without the `tabs` permission.
 * Chromium: `runtime.getContexts`; Firefox: `extension.getViews` (no getContexts there).
 */
import { browser } from 'wxt/browser';

type ContextsApi = {
  getContexts?: (filter: {
    contextTypes: string[];
    tabIds: number[];
  }) => Promise<{ documentUrl?: string }[]>;
};
type ViewsApi = {
  getViews?: (filter: { type: string; tabId: number }) => { location: { href: string } }[];
};

/** The URL of Signpost's own page in `tabId`, or undefined. */
export async function extensionPageInTab(tabId: number): Promise<string | undefined> {
  const runtime = browser.runtime as unknown as ContextsApi;
  if (runtime.getContexts) {
    const contexts = await runtime.getContexts({ contextTypes: ['TAB'], tabIds: [tabId] });
    return contexts[0]?.documentUrl;
  }
  const views = (browser.extension as unknown as ViewsApi).getViews?.({ type: 'tab', tabId }) ?? [];
  return views[0]?.location.href;
}
