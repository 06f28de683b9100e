import { defineConfig } from 'wxt';
import { contentScriptMatches } from './src/policy/content-matches';
import { GECKO_ID, MANIFEST_KEY } from './src/policy/extension-ids';
import { toManagedSchema } from './src/policy/managed-schema';

export default defineConfig({
  imports: false,
  // npm run package builds its release apart from the development build.
  ...(process.env.SIGNPOST_OUT_DIR ? { outDir: process.env.SIGNPOST_OUT_DIR } : {}),
  modules: ['@wxt-dev/webextension-polyfill', '@wxt-dev/auto-icons'],
  autoIcons: { baseIconPath: 'assets/icon.svg', grayscaleOnDevelopment: false },
  manifest: ({ browser }) => ({
    name: '__MSG_extensionName__',
    description: '__MSG_extensionDescription__',
    default_locale: 'en',
    ...(browser === 'firefox'
      ? { browser_specific_settings: { gecko: { id: GECKO_ID, strict_min_version: '128.0' } } }
      : // A self-hosted release signed with the organisation's own key carries that key instead
        // (npm run package sets it; README "Extension id").
        { key: process.env.SIGNPOST_MANIFEST_KEY || MANIFEST_KEY }),
    // No tabs, webRequest, webNavigation, history or cookies: see the privacy page.
    // alarms: ends a time-limited "continue anyway" (warnings.proceedForMinutes).
    permissions: ['storage', 'scripting', 'declarativeNetRequestWithHostAccess', 'alarms'],
    // ws/wss too: WebSocket requests to a blocked app are blocked only with host access to them.
    host_permissions: ['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*'],
    storage: { managed_schema: 'managed_schema.json' },
    // Written out so images are explicit: extension pages show the organisation's logo as a data:
    // image and load no image from the network. Scripts and objects stay 'self' only (WXT's default
    // minus 'wasm-unsafe-eval', which nothing here needs). Firefox gets the same as an MV2 string.
    content_security_policy: {
      extension_pages: "script-src 'self'; object-src 'self'; img-src 'self' data:",
    },
    options_ui: { page: 'status.html', open_in_tab: true },
    web_accessible_resources: [
      { resources: ['blocked.html'], matches: ['http://*/*', 'https://*/*'] },
    ],
  }),
  hooks: {
    'build:manifestGenerated': (_wxt, manifest) => {
      // Static matches come from the catalogue; custom apps are registered at runtime.
      manifest.content_scripts = [
        {
          matches: contentScriptMatches(),
          js: ['signpost-content.js'],
          run_at: 'document_start',
          all_frames: false,
        },
      ];
    },
    'build:publicAssets': (_wxt, files) => {
      files.push({
        relativeDest: 'managed_schema.json',
        contents: `${JSON.stringify(toManagedSchema(), null, 2)}\n`,
      });
    },
  },
});
