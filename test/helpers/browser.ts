import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';

// A real browser for tests: Debian's chromium driven by playwright-core (which downloads nothing).
// A machine without chromium skips the browser tests, unless PM_DIAG_REQUIRE_BROWSER=1 (CI sets it),
// which turns the missing browser into a failure.

/** Where the browser is: PM_DIAG_CHROMIUM, else Debian's package. */
export const CHROMIUM = process.env.PM_DIAG_CHROMIUM ?? '/usr/bin/chromium';

export const browserRequired = (): boolean => process.env.PM_DIAG_REQUIRE_BROWSER === '1';

/** True when the browser tests can run; throws when they must and cannot. */
export function browserAvailable(): boolean {
  if (existsSync(CHROMIUM)) return true;
  if (browserRequired())
    throw new Error(
      `PM_DIAG_REQUIRE_BROWSER=1 but there is no browser at ${CHROMIUM}: install it (apt-get install -y chromium fonts-liberation) or set PM_DIAG_CHROMIUM`,
    );
  return false;
}

export async function launchBrowser(): Promise<Browser> {
  const { chromium } = await import('playwright-core');
  return chromium.launch({
    executablePath: CHROMIUM,
    // No update checks, no first-run pages: a test browser sends no request of its own. Running as
    // root (CI containers) needs --no-sandbox.
    args: [
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--no-sandbox',
      '--disable-dev-shm-usage',
    ],
  });
}

export interface PageWatch {
  page: Page;
  context: BrowserContext;
  /** Every request the page made after it was opened, other than the page itself. */
  requests: string[];
  /** Console errors and uncaught exceptions. */
  errors: string[];
}

/** A new page in its own context, recording its requests and errors; `open` loads a local file. */
export async function watchedPage(
  browser: Browser,
  options: BrowserContextOptions = {},
): Promise<PageWatch & { open(path: string): Promise<void> }> {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  const requests: string[] = [];
  const errors: string[] = [];
  let own = '';
  page.on('request', (r) => {
    if (r.url() !== own) requests.push(r.url());
  });
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') errors.push(`${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  return {
    page,
    context,
    requests,
    errors,
    async open(path: string) {
      own = new URL(`file://${path}`).href;
      await page.goto(own, { waitUntil: 'load' });
    },
  };
}

/** axe-core's script, for `page.addScriptTag({ path: AXE })` (the page's CSP must be bypassed for it). */
export const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/** The serious and critical violations axe-core finds on the page as it is now (axe already injected). */
export async function axeViolations(page: Page): Promise<string[]> {
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run(
            ctx: Document,
            opts: object,
          ): Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }>;
        };
      }
    ).axe;
    return (await axe.run(document, { resultTypes: ['violations'] })).violations;
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.nodes
          .slice(0, 3)
          .map((n) => n.target.join(' '))
          .join(', ')}`,
    );
}
