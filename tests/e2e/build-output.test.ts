/** Checks the built packages: permissions, fixed id, generated schema, content-script budget. */
import { readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentScriptMatches } from '../../src/policy/content-matches';
import { toManagedSchema } from '../../src/policy/managed-schema';
import { extensionId } from './harness';

const output = resolve(import.meta.dirname, '../../.output');
const manifestOf = (target: string) =>
  JSON.parse(readFileSync(join(output, target, 'manifest.json'), 'utf8'));

describe.each(['chrome-mv3', 'firefox-mv2'])('%s build', (target) => {
  const manifest = manifestOf(target);

  it('asks only for the permissions the features use', () => {
    const apiPermissions =
      target === 'chrome-mv3'
        ? manifest.permissions
        : manifest.permissions.filter((p: string) => !p.includes('://'));
    expect(apiPermissions).toEqual([
      'storage',
      'scripting',
      'declarativeNetRequestWithHostAccess',
      'alarms',
    ]);
    for (const forbidden of [
      'tabs',
      'webRequest',
      'webNavigation',
      'history',
      'cookies',
      '<all_urls>',
    ]) {
      expect(JSON.stringify(manifest)).not.toContain(`"${forbidden}"`);
    }
  });

  it('ships the managed_schema generated from the zod schema', () => {
    expect(manifest.storage.managed_schema).toBe('managed_schema.json');
    expect(JSON.parse(readFileSync(join(output, target, 'managed_schema.json'), 'utf8'))).toEqual(
      toManagedSchema(),
    );
  });

  it('lets extension pages show data: images (the logo) and no image from the network', () => {
    const csp =
      target === 'chrome-mv3'
        ? manifest.content_security_policy.extension_pages
        : manifest.content_security_policy;
    expect(csp).toBe("script-src 'self'; object-src 'self'; img-src 'self' data:");
  });

  it('runs its content script only on catalogue hosts, at document_start, within 19 KB', () => {
    expect(manifest.content_scripts).toEqual([
      {
        matches: contentScriptMatches(),
        js: ['signpost-content.js'],
        run_at: 'document_start',
        all_frames: false,
      },
    ]);
    // 18 KB since the compact snapshot (src/policy/compact.ts, +2.2 KB of reader): at 5,000 apps
    // an app page reads 0.6 MB from storage instead of 4 MB, and 50,000 apps fit at all. 19 KB
    // since the hostile-page guard (src/content/guard.ts, +1.6 KB: top layer, bounded repairs).
    expect(statSync(join(output, target, 'signpost-content.js')).size).toBeLessThanOrEqual(
      19 * 1024,
    );
    // The early-warning script is registered at runtime only, on pages whose warning is due.
    expect(statSync(join(output, target, 'signpost-early.js')).size).toBeLessThanOrEqual(4 * 1024);
  });
});

it('has the fixed Chromium extension id documented in the README', () => {
  expect(extensionId()).toBe('iibcgklibnmbknlhgijglbbcalghaboe');
  expect(readFileSync(resolve(import.meta.dirname, '../../README.md'), 'utf8')).toContain(
    extensionId(),
  );
});

it('has the documented Firefox add-on id', () => {
  expect(manifestOf('firefox-mv2').browser_specific_settings.gecko.id).toBe(
    'signpost@signpost.extension',
  );
});
