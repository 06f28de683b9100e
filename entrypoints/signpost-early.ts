/** Early-warning script, registered at runtime on pages whose warning is due (see src/content/early-warning.ts). */
import { defineUnlistedScript } from '#imports';
import { insertEarlyWarning } from '../src/content/early-warning';

export default defineUnlistedScript(() => {
  insertEarlyWarning();
});
