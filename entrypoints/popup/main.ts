import { browser } from 'wxt/browser';
import { send } from '../../src/messaging/client';
import { loadPageContext, pageErrorText } from '../../src/messaging/page-context';
import { renderPageError } from '../../src/ui/dom';
import { renderPopup } from '../../src/ui/popup';

/** The tab to describe: the active tab, or `?tab=<id>` (helpdesk and tests open the popup as a page). */
async function targetTab(): Promise<number | undefined> {
  const given = Number(new URLSearchParams(location.search).get('tab'));
  if (Number.isInteger(given) && given > 0) return given;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

void Promise.all([loadPageContext(), targetTab()])
  .then(async ([context, tabId]) => {
    const state =
      tabId === undefined
        ? { state: 'none' as const }
        : await send('getTabState', { tabId }).catch(() => ({ state: 'none' as const }));
    renderPopup(document.getElementById('main') as HTMLElement, { ...context, state });
  })
  .catch((error: unknown) => {
    // Never a blank page: say what went wrong.
    renderPageError(document.getElementById('main') as HTMLElement, pageErrorText(error));
  });
