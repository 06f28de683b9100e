import { send } from '../../src/messaging/client';
import { createMatcher, decide } from '../../src/policy/decide';
import { renderBlockedPage } from '../../src/ui/blocked-page';
import { parseBlockedPageUrl } from '../../src/ui/blocked-url';
import { loadPageContext } from '../../src/ui/page-context';

const { appId, url } = parseBlockedPageUrl(location.href);
// The network rule inserts the raw URL; show the address bar in the documented encoded form.
history.replaceState(null, '', `?app=${encodeURIComponent(appId)}&url=${encodeURIComponent(url)}`);

void loadPageContext().then(({ snapshot, t, language }) => {
  document.title = t('pageTitleBlocked');
  const policy = snapshot?.compiled;
  const app =
    (policy && decide(createMatcher(policy.apps), url).app) ??
    policy?.apps.find((a) => a.id === appId);
  renderBlockedPage(document.getElementById('main') as HTMLElement, {
    app,
    policy,
    url,
    t,
    language,
    proceed: async (choice) =>
      (await send('proceedToApp', { appId: app?.id ?? appId, url, ...choice })).url,
  });
  if (app) void send('reportPageState', { appId: app.id, action: 'block', isAcknowledged: false });
});
