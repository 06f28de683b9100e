/**
 * The quick-start "main job": the built extension in real Chromium on its built-in default policy,
 * opening a local stand-in for WhatsApp Web and Telegram Web under their real host names.
 * Prints what the employee sees and saves screenshots. Run: npm run demo
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { launchBrowser, startFakeApps, waitForPolicy, waitForWarning } from './harness.ts';

const outDir = resolve(import.meta.dirname, '../../.output/demo');
mkdirSync(outDir, { recursive: true });
const apps = await startFakeApps();
const session = await launchBrowser(apps);
try {
  const snapshot = await waitForPolicy(session, () => true);
  console.log(`Signpost ${session.id} is running; policy source: ${snapshot.source}`);
  const page = await session.context.newPage();
  await page.setViewportSize({ width: 1100, height: 420 });
  for (const [name, url] of [
    ['whatsapp', 'https://web.whatsapp.com/'],
    ['telegram', 'https://web.telegram.org/k/'],
  ] as const) {
    await page.goto(url);
    const warning = await waitForWarning(page);
    const file = resolve(outDir, `${name}-warning.png`);
    await page.screenshot({ path: file });
    console.log(
      `\n${url}\n  <signpost-warning data-app="${warning.app}" data-action="${warning.action}">\n  "${warning.text}"\n  screenshot: ${file}`,
    );
  }
} finally {
  await session.close();
  await apps.close();
}
