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

/**
 * An output that goes quiet once its reader is gone (`signpost-policy validate … | head -1`):
 * Node ignores SIGPIPE, so a closed pipe would otherwise end the run with an EPIPE stack trace.
 * The command still finishes and exits with its own code.
 */
function quietWhenClosed(stream) {
  let isClosed = false;
  stream.on('error', (error) => {
    if (error.code === 'EPIPE' || error.code === 'ERR_STREAM_DESTROYED') isClosed = true;
    else if (stream !== process.stderr && !process.stderr.destroyed) {
      process.stderr.write(`signpost-policy: cannot write the output: ${error.message}\n`);
      process.exitCode = 2;
    }
  });
  return { write: (text) => !isClosed && !stream.destroyed && stream.write(text) };
}

const { run } = await import('./main.ts');
const code = await run(process.argv.slice(2), {
  stdout: quietWhenClosed(process.stdout),
  stderr: quietWhenClosed(process.stderr),
});
process.exitCode ??= code;
