#!/usr/bin/env node
// signpost-policy: validate and explain Signpost policies with the extension's own engine.
// Node (>= 22.18, target 24) strips TypeScript types itself; this hook lets it load the pure
// sources as they are, where relative imports carry no extension.
import { registerHooks } from 'node:module';

const [major] = process.versions.node.split('.').map(Number);
if (major < 22) {
  console.error(`signpost-policy needs Node 22 or newer (this is ${process.version}).`);
  process.exit(2);
}
registerHooks({
  resolve(specifier, context, next) {
    try {
      return next(specifier, context);
    } catch (error) {
      if (!specifier.startsWith('.')) throw error;
      for (const suffix of ['.ts', '/index.ts']) {
        try {
          return next(specifier + suffix, context);
        } catch {
          // try the next form
        }
      }
      throw error;
    }
  },
});
process.removeAllListeners('warning');
const { run } = await import('./main.ts');
process.exitCode = await run(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
});
