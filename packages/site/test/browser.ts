import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';

export { CHROMIUM, launch } from '../scripts/chromium.mjs';

/** A page with everything that went wrong on it recorded. */
export interface Watched {
  page: Page;
  /** Console errors and uncaught exceptions. */
  errors: string[];
  /** Every request that was not for a `file:` URL (the site must make none). */
  network: string[];
  /** Alerts, confirms and prompts opened (script from a note would open one). */
  dialogs: string[];
}

/** Open a fresh page (own storage) at the given size and record its errors, requests and dialogs. */
export async function watch(browser: Browser, width = 1280, height = 900): Promise<Watched> {
  const context = await browser.newContext({ viewport: { width, height } });
  const page = await context.newPage();
  const watched: Watched = { page, errors: [], network: [], dialogs: [] };
  page.on('console', (m) => {
    if (m.type() === 'error') watched.errors.push(m.text());
  });
  page.on('pageerror', (e) => watched.errors.push(`uncaught: ${e.message}`));
  page.on('request', (r) => {
    if (!r.url().startsWith('file:')) watched.network.push(r.url());
  });
  page.on('requestfailed', (r) => watched.errors.push(`failed: ${r.url()}`));
  page.on('dialog', (d) => {
    watched.dialogs.push(d.message());
    void d.dismiss();
  });
  return watched;
}

/** The `file://` URL of a site's page, with a route. */
export function siteUrl(siteDir: string, route = ''): string {
  return `${pathToFileURL(`${siteDir}/index.html`).href}${route}`;
}

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** axe-core's violations of impact serious or critical on the page as it is now (WCAG 2.x A/AA and best practice). */
export async function seriousViolations(page: Page): Promise<string[]> {
  // Injected through the DevTools protocol, which the page's Content-Security-Policy does not restrict.
  await page.evaluate(AXE);
  const violations = await page.evaluate(async () => {
    const axe = (
      globalThis as unknown as {
        axe: { run(): Promise<{ violations: { id: string; impact: string; nodes: { target: unknown }[] }[] }> };
      }
    ).axe;
    const result = await axe.run();
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      targets: v.nodes.map((n) => JSON.stringify(n.target)),
    }));
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.targets.slice(0, 3).join(', ')}`);
}
