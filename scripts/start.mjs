// `npm start`: serves the demo (demo/index.html at /) with the sources compiled on the fly.
import { startDevServer } from '@web/dev-server';
import { esbuildPlugin } from '@web/dev-server-esbuild';

const port = Number(process.env.PORT ?? 8000);

await startDevServer({
  config: {
    rootDir: '.',
    port,
    nodeResolve: true,
    middleware: [
      // The demo page at /, hence its absolute URLs (/demo/main.ts). Not `appIndex`: its
      // fallback only covers paths under the index's own folder (/demo/...).
      (context, next) => {
        if (context.path === '/') context.path = '/demo/index.html';
        return next();
      },
    ],
    plugins: [esbuildPlugin({ ts: true, tsconfig: 'tsconfig.json', target: 'es2022' })],
  },
  readCliArgs: false,
  readFileConfig: false,
  logStartMessage: false,
});

console.log(`Demo: http://localhost:${port}/`);
