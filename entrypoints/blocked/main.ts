import { browser } from 'wxt/browser';
import { send } from '../../src/messaging/client';
import { parseBlockedPageUrl } from '../../src/ui/blocked-url';
import { renderBlockedPage } from '../../src/ui/blocked-page';

const { appId, url } = parseBlockedPageUrl(location.href);
// The network rule inserts the raw URL; show the address bar in the documented encoded form.
history.replaceState(null, '', `?app=${encodeURIComponent(appId)}&url=${encodeURIComponent(url)}`);
const t = (name: string, substitutions?: string[]) =>
  browser.i18n.getMessage(name as Parameters<typeof browser.i18n.getMessage>[0], substitutions);
document.documentElement.lang = browser.i18n.getUILanguage();
document.title = t('pageTitleBlocked');
void send('getDecision', { url, appId }).then(
  (answer) =>
    renderBlockedPage(document.getElementById('main') as HTMLElement, {
      ...answer,
      url,
      t,
      language: browser.i18n.getUILanguage(),
    }),
  () =>
    renderBlockedPage(document.getElementById('main') as HTMLElement, {
      url,
      t,
      language: browser.i18n.getUILanguage(),
    }),
);
