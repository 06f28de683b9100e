import { send } from '../../src/messaging/client';
import { createMatcher, decide } from '../../src/policy/decide';
import { renderBlockedPage, renderNotBlocked } from '../../src/ui/blocked-page';
import { blockedPageQuery, parseBlockedPageUrl } from '../../src/shared/blocked-page-url';
import { loadPageContext, pageErrorText } from '../../src/messaging/page-context';
import { renderPageError } from '../../src/ui/dom';

const { appId: hinted, url } = parseBlockedPageUrl(location.href);
// The worker decides again (and logs the block, or lets an address through that is not blocked).
const verdict = send('openBlockedPage', { url }).catch(() => null);

void loadPageContext()
  .then(async ({ snapshot, t, language }) => {
    document.title = t('pageTitleBlocked');
    const policy = snapshot?.compiled;
    const local = policy && decide(createMatcher(policy.apps), url);
    const show = (appId: string) => {
      const app = policy?.apps.find((a) => a.id === appId);
      // The documented address form: blocked.html?app=<id>&url=<original, encoded>.
      history.replaceState(null, '', blockedPageQuery(app?.id ?? appId, url));
      return renderBlockedPage(document.getElementById('main') as HTMLElement, {
        app,
        policy,
        url,
        t,
        language,
        proceed: async (choice) => {
          const reply = await send('proceedToApp', { appId: app?.id ?? appId, url, ...choice });
          location.replace(reply.url);
        },
      });
    };
    // Render at once when this page's own copy of the policy says blocked; else wait for the worker.
    let shown = local?.action === 'block' && local.appId ? show(local.appId) : undefined;
    const answer = await verdict;
    if (answer?.verdict === 'open' && /^https?:\/\//i.test(answer.url)) {
      location.replace(answer.url);
      return;
    }
    if (answer?.verdict === 'not-blocked') {
      renderNotBlocked(document.getElementById('main') as HTMLElement, url, t);
      return;
    }
    const blocked = answer?.verdict === 'blocked' ? answer : null;
    const appId = blocked?.appId ?? local?.appId ?? hinted;
    if (!shown || (blocked && blocked.appId !== local?.appId)) shown = show(appId);
    // Only the worker knows whether the page got past the network rules first.
    if (blocked)
      shown.setSentNote(t(blocked.wasRequested ? 'blockedRequestedBefore' : 'blockedNothingSent'));
  })
  .catch((error: unknown) => {
    // Never a blank page: say what went wrong.
    renderPageError(document.getElementById('main') as HTMLElement, pageErrorText(error));
  });
