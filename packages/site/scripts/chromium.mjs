// Debian's chromium (`apt-get install -y chromium`), started the one way every browser check here uses: headless,
// no sandbox (CI runs as root), no GPU, no background traffic. Nothing is downloaded.
import { chromium } from 'playwright-core';

/** The browser binary: `CHROMIUM_PATH` when set, else Debian's. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** The flags of every headless run (playwright's launch and direct `chromium --screenshot` calls alike). */
export const CHROMIUM_FLAGS = Object.freeze([
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
]);

/** Launch headless Chromium through playwright-core. */
export function launch() {
  return chromium.launch({ executablePath: CHROMIUM, args: [...CHROMIUM_FLAGS] });
}
