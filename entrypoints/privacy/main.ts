import { browser } from 'wxt/browser';
import { loadPageContext } from '../../src/messaging/page-context';
import { renderPrivacyPage } from '../../src/ui/privacy-page';

void loadPageContext().then((context) => {
  document.title = context.t('privacyTitle');
  const permissions = browser.runtime.getManifest().permissions ?? [];
  renderPrivacyPage(
    document.getElementById('main') as HTMLElement,
    context,
    permissions.map(String),
  );
});
