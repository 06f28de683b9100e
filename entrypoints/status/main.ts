import { send } from '../../src/messaging/client';
import { loadPageContext } from '../../src/messaging/page-context';
import { renderStatusPage } from '../../src/ui/status-page';

void Promise.all([loadPageContext(), send('getStatus', {})]).then(([context, status]) => {
  document.title = context.t('statusTitle');
  renderStatusPage(document.getElementById('main') as HTMLElement, context, status, (url) =>
    send('explainUrl', { url }),
  );
});
