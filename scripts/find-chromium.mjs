// Fails early, with the fix, when no browser is installed for the tests.
import { findChromium } from './chromium-path.mjs';

if (!findChromium()) {
  console.error(
    'No Chromium found: install it with `apt-get install -y chromium` (Debian/Ubuntu), or set CHROME_PATH to a Chrome or Chromium binary.',
  );
  process.exit(1);
}
