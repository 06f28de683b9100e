import { send } from '../../src/messaging/client';
import { loadPageContext, pageErrorText } from '../../src/messaging/page-context';
import { renderPageError } from '../../src/ui/dom';
import { renderStatusPage } from '../../src/ui/status-page';

void Promise.all([loadPageContext(), send('getStatus', {}), send('getReporting', {})])
  .then(([context, status, reporting]) => {
    document.title = context.t('statusTitle');
    renderStatusPage(document.getElementById('main') as HTMLElement, context, status, {
      explain: (url) => send('explainUrl', { url }),
      refreshPolicy: () => send('refreshPolicy', {}),
      sendReport: () => send('sendReportNow', {}),
      reporting,
    });
  })
  .catch((error: unknown) => {
    // Never a blank page: say what went wrong.
    renderPageError(document.getElementById('main') as HTMLElement, pageErrorText(error));
  });
