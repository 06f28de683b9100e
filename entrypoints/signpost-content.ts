/**
 * Content script (listed in the manifest by wxt.config.ts with the catalogue's matches, and
 * registered at runtime for custom apps). An unlisted script so it carries no polyfill.
 */
import { defineUnlistedScript } from '#imports';
import { runContentScript } from '../src/content/run-content-script';
import { nativeApi } from '../src/content/native-api';

export default defineUnlistedScript(() => {
  runContentScript(nativeApi());
});
