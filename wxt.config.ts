import { defineConfig } from 'wxt';
import { contentScriptMatches } from './src/catalogue';
import { GECKO_ID } from './src/policy/extension-ids';
import { toManagedSchema } from './src/policy/managed-schema';

/**
 * Public half of Signpost's signing key: fixes the Chromium extension id to
 * iibcgklibnmbknlhgijglbbcalghaboe (README "Extension id"). The private key is never committed.
 */
const MANIFEST_KEY =
  'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA+fW6qk29TLtGspL+52R8y6RvwYN97u99WIww0SaNGxihD6fL1sls6DL8vrb4aQVoeno6ANSd9X4qJToPx2C1n+kvhjddJtyTr7TUGE1hcl1F4Fijw13Jf4ohQ4dqFLVIWfiF5wmlvT+zf+a+1ebYMA3IY9Z6j/91lxphc75g8/q6mHoR2/kjhRdNaQR2LzoQgRh9j1/0/sAA5wFkl5To+WH65xB7ACbCAwJDuqrZLSOwl9smsZMz6xbvZvpcu+/wSY71nHG8q6S9XofaP36JuJ2kAJL83v5n3wv3BGZj8PF+1gaXAVBG5H+I55v2bQN7vky9jYS+vDRjPEPcakenxwIDAQAB';

export default defineConfig({
  imports: false,
  modules: ['@wxt-dev/webextension-polyfill', '@wxt-dev/auto-icons'],
  autoIcons: { baseIconPath: 'assets/icon.svg', grayscaleOnDevelopment: false },
  manifest: ({ browser }) => ({
    name: '__MSG_extensionName__',
    description: '__MSG_extensionDescription__',
    default_locale: 'en',
    ...(browser === 'firefox'
      ? { browser_specific_settings: { gecko: { id: GECKO_ID, strict_min_version: '128.0' } } }
      : { key: MANIFEST_KEY }),
    // No tabs, webRequest, webNavigation, history or cookies: see the privacy page.
    permissions: ['storage', 'scripting', 'declarativeNetRequestWithHostAccess'],
    // ws/wss too: WebSocket requests to a blocked app are blocked only with host access to them.
    host_permissions: ['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*'],
    storage: { managed_schema: 'managed_schema.json' },
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
