/**
 * The browser's own extension API without webextension-polyfill, for the content script only:
 * the polyfill alone is 10 KB and the content script's budget is 15 KB. Chrome's MV3 `chrome.*`
 * and Firefox's `browser.*` both return promises for the few calls used here.
 */

type StorageChange = { newValue?: unknown; oldValue?: unknown };

/** The subset of the extension API the content script uses. */
export type NativeApi = {
  runtime: {
    id: string;
    getURL(path: string): string;
    sendMessage(message: unknown): Promise<unknown>;
    onMessage: {
      addListener(
        listener: (message: unknown, sender: { id?: string }) => Promise<unknown> | undefined,
      ): void;
    };
  };
  storage: {
    local: { get(keys: string | string[]): Promise<Record<string, unknown>> };
    onChanged: {
      addListener(listener: (changes: Record<string, StorageChange>, area: string) => void): void;
    };
  };
  i18n: { getMessage(name: string, substitutions?: string[]): string; getUILanguage(): string };
};

/** `browser` in Firefox, `chrome` in Chromium browsers. */
export function nativeApi(): NativeApi {
  const scope = globalThis as unknown as { browser?: NativeApi; chrome?: NativeApi };
  const api = scope.browser ?? scope.chrome;
  if (!api) throw new Error('Signpost: no extension API in this context');
  return api;
}
