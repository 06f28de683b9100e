import { browser } from 'wxt/browser';
import { send } from '../../src/messaging/client';
import { loadPageContext, pageErrorText } from '../../src/messaging/page-context';
import { renderPageError } from '../../src/ui/dom';
import { renderPrivacyPage } from '../../src/ui/privacy-page';

void Promise.all([loadPageContext(), send('getReporting', {}).catch(() => null)])
  .then(([context, reporting]) => {
    document.title = context.t('privacyTitle');
    const permissions = browser.runtime.getManifest().permissions ?? [];
    renderPrivacyPage(
      document.getElementById('main') as HTMLElement,
      context,
      permissions.map(String),
      reporting,
    );
  })
  .catch((error: unknown) => {
    // Never a blank page: say what went wrong.
    renderPageError(document.getElementById('main') as HTMLElement, pageErrorText(error));
  });
