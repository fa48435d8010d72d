import { existsSync } from 'node:fs';

/** Where the Debian, Ubuntu and Google packages install the browser. */
const installPaths = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

/**
 * The browser to test with: `CHROME_PATH` when set (and only it, so a wrong value is
 * reported rather than silently replaced), else the first installed of `installPaths`.
 * @returns {string | undefined}
 */
export function findChromium() {
  const candidates = process.env.CHROME_PATH ? [process.env.CHROME_PATH] : installPaths;
  return candidates.find((path) => existsSync(path));
}

/**
 * The flags every headless Chromium of the project runs with (the tests, the bench).
 * --no-sandbox: Chromium refuses to start as root (CI containers) without it.
 */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
];
