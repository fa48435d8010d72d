/**
 * `npm run server`: the reference contact-center server. Environment: PORT (8001; 0 picks
 * a free port), HOST (127.0.0.1), DB (data/contact-center.db), DATABASE_URL (PostgreSQL
 * instead of SQLite), WORKERS (server processes on the one port, PostgreSQL only; 1),
 * CONFIG (a JSON file of SimulatedContactCenter options with a token on each agent; the
 * demo's without it). Prints one line, `Reference server: URL`, once it listens.
 */
import { readFileSync } from 'node:fs';
import { demoServerConfiguration } from './demo-configuration.js';
import { agentsWithoutToken, readServerConfiguration } from './server-configuration.js';
import { log, startServer } from './server.js';
import { readSettings } from './settings.js';
import { isClusterWorker, runWorkers } from './workers.js';

try {
  const settings = readSettings(process.env);
  if (settings.workers > 1 && !isClusterWorker()) {
    if (!settings.databaseUrl) throw new Error('WORKERS above 1 needs DATABASE_URL: processes share a PostgreSQL database, not a SQLite file.');
    runWorkers(settings.workers);
  } else {
    await serve(settings);
  }
} catch (error) {
  console.error(`Reference server: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}

async function serve(settings: ReturnType<typeof readSettings>): Promise<void> {
  const configuration = settings.configPath
    ? readServerConfiguration(JSON.parse(readFileSync(settings.configPath, 'utf8')), `CONFIG (${settings.configPath})`)
    : demoServerConfiguration();
  const locked = agentsWithoutToken(configuration);
  if (locked.length > 0) log(`These agents have no token and cannot connect: ${locked.join(', ')}.`);

  const server = await startServer(settings, configuration);
  if (isClusterWorker()) process.send?.({ listening: server.url });
  else console.log(`Reference server: ${server.url}`);

  const stop = (signal: string) => {
    log(`${signal}: closing.`);
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        log('Could not close cleanly', error);
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));
}
