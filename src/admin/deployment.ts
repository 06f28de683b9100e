/**
 * Deployment files for every management channel, generated from one validated policy (see
 * docs/admin.md and README "Deploying"). Pure: returns file names and contents.
 * Exports never carry the admin's raw document (issue 13: unknown `Payload*` keys replaced the
 * profile's own); strings are escaped per format, or refused where a format cannot hold them.
 *
 * Sources for the formats: Chromium `components/policy/core/common/registry_dict.cc` (Windows: the
 * schema decides the type; REG_DWORD for booleans and integers, REG_SZ for strings, and a REG_SZ
 * holding JSON is accepted for any object or array), `config_dir_policy_loader.cc` (Linux
 * `3rdparty.extensions.<id>`), `policy_loader_mac.mm` (macOS domain `<bundle>.extensions.<id>`,
 * native plist types), `policy_proto_decoders.cc` (Admin console `{"key": {"Value": …}}`), and
 * mozilla/policy-templates (Firefox `3rdparty.Extensions` and `ExtensionSettings`).
 */
import { CHROMIUM_EXTENSION_ID, GECKO_ID } from '../policy/extension-ids';
import { joinPath, showValue, type PolicyIssue } from '../policy/issues';
import type { Policy } from '../policy/schema';
import { filesFor } from './deployment-files';
import { unwritableReason, type StringFormat } from './export-strings';

export { toRegistryValue } from './deployment-files';

export const TARGETS = [
  'chrome-linux',
  'chromium-linux',
  'windows-reg',
  'windows-ps1',
  'macos-mobileconfig',
  'google-admin',
  'firefox-policies',
] as const;
export type Target = (typeof TARGETS)[number];

/**
 * Where browsers install Signpost from, and the Chromium id it has there (Signpost's own, or the
 * id of a self-hosted build signed with the organisation's key: README "Extension id").
 */
export type InstallSource = {
  chromiumUpdateUrl: string;
  firefoxInstallUrl: string;
  chromiumExtensionId: string;
};

/** The stores' update URLs, used when no self-hosted `--update-url` is given. */
export const STORE_SOURCE: InstallSource = {
  chromiumUpdateUrl: 'https://clients2.google.com/service/update2/crx',
  firefoxInstallUrl: `https://addons.mozilla.org/firefox/downloads/latest/${GECKO_ID}/latest.xpi`,
  chromiumExtensionId: CHROMIUM_EXTENSION_ID,
};

export type DeploymentFile = { name: string; contents: string | Uint8Array; note: string };

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The validated policy with only the keys the admin wrote (`written`, the document given to
 * `parsePolicy`), at every object level; lists are kept whole. Values always come from `policy`,
 * so unknown keys stay out. Leaving the defaults out keeps them implicit, as the admin left them:
 * keys set in managed storage override a `policyUrl` document, and written defaults would too.
 */
export function toDeployable(policy: unknown, written: unknown): unknown {
  if (!isPlainObject(policy) || !isPlainObject(written)) return policy;
  return Object.fromEntries(
    Object.entries(policy)
      .filter(([key]) => Object.hasOwn(written, key))
      .map(([key, value]) => [key, toDeployable(value, written[key])]),
  );
}

const FORMATS: Record<Target, StringFormat> = {
  'chrome-linux': 'json',
  'chromium-linux': 'json',
  'google-admin': 'json',
  'firefox-policies': 'json',
  'windows-reg': 'registry',
  'windows-ps1': 'registry',
  'macos-mobileconfig': 'plist',
};

/**
 * Why the policy cannot be exported for `target` as it is: strings the target's format cannot
 * carry exactly (control characters in a property list, a NUL in a registry string, text that is
 * not valid Unicode) and an install source that is not one. Empty when `exportPolicy` can write it.
 */
export function exportProblems(
  policy: Policy,
  target: Target,
  source: InstallSource = STORE_SOURCE,
  written: unknown = policy,
): PolicyIssue[] {
  const format = FORMATS[target];
  const problems: PolicyIssue[] = [];
  const check = (text: string, path: string, isRawRegistryString = false) => {
    const reason = unwritableReason(text, format, isRawRegistryString);
    if (reason)
      problems.push({
        path,
        code: 'unexportable',
        severity: 'error',
        message: `${reason}; change it to export for ${target}`,
        effect: 'nothing is exported',
        value: showValue(text),
      });
  };
  const walk = (value: unknown, path: string, depth: number) => {
    if (typeof value === 'string') check(value, path, depth === 1);
    else if (Array.isArray(value))
      value.forEach((item, i) => walk(item, joinPath(path, i), depth + 1));
    else if (isPlainObject(value))
      for (const [key, child] of Object.entries(value)) {
        check(key, joinPath(path, key));
        walk(child, joinPath(path, key), depth + 1);
      }
  };
  walk(toDeployable(policy, written), '', 0);
  if (!/^[a-p]{32}$/.test(source.chromiumExtensionId))
    problems.push({
      path: '(install source).chromiumExtensionId',
      code: 'unexportable',
      severity: 'error',
      message: 'an extension id is 32 letters a-p',
      effect: 'nothing is exported',
      value: showValue(source.chromiumExtensionId),
    });
  check(source.chromiumUpdateUrl, '(install source).chromiumUpdateUrl');
  check(source.firefoxInstallUrl, '(install source).firefoxInstallUrl');
  return problems;
}

/**
 * The files for one target. `policy` is the validated policy (`parsePolicy`'s output: unknown
 * keys are gone, every value is checked); `written`, the admin's own document, only decides which
 * defaults stay out (see `toDeployable`). Every string is escaped for the file's format.
 * @throws RangeError when `exportProblems` reports a problem: check it first.
 */
export function exportPolicy(
  policy: Policy,
  target: Target,
  source: InstallSource = STORE_SOURCE,
  written: unknown = policy,
): DeploymentFile[] {
  const problems = exportProblems(policy, target, source, written);
  if (problems.length > 0)
    throw new RangeError(
      `cannot export for ${target}: ${problems.map((p) => `${p.path} ${p.message}`).join('; ')}`,
    );
  const document = toDeployable(policy, written) as Record<string, unknown>;
  return filesFor(document, target, source);
}
