import { defineBackground } from '#imports';
import { startWorker } from '../src/background/worker';

export default defineBackground(() => {
  startWorker();
});
