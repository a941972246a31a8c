#!/usr/bin/env node
// A screenshot of an HTML page in Debian's chromium, to look at a report or to refresh docs/report-html.png:
//   node scripts/screenshot.mjs PAGE.html OUT.png [light|dark] [WIDTH] [HEIGHT] [--full] [--pdf OUT.pdf] [--at ID] [--questionnaire]
//   node scripts/screenshot.mjs /tmp/report.html docs/report-html.png light 1280 1180
// --at ID: the shot starts at the element with that id (a report section: --at charter).
// --questionnaire: the page is `pm-diag form`'s; the shot is of its first item, partly answered
// (docs/questionnaire.png).
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

const args = process.argv.slice(2);
const flag = (name) => args.includes(name);
const option = (name) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const [file, out, scheme = 'light', width = '1280', height = '900'] = args.filter(
  (a, i) => !a.startsWith('--') && args[i - 1] !== '--pdf' && args[i - 1] !== '--at',
);
if (!file || !out) {
  console.error(
    'usage: screenshot.mjs PAGE.html OUT.png [light|dark] [WIDTH] [HEIGHT] [--full] [--pdf OUT.pdf] [--at ID]',
  );
  process.exit(2);
}
const browser = await chromium.launch({
  executablePath: process.env.PM_DIAG_CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-background-networking'],
});
try {
  const page = await browser.newPage({
    viewport: { width: Number(width), height: Number(height) },
    colorScheme: scheme,
  });
  await page.goto(pathToFileURL(resolve(file)).href);
  if (flag('--questionnaire')) {
    await page.fill('#respondent-name', 'Dana Lee');
    await page.check('input[name="respondent.role"][value="pmm"]');
    await page.click('#next');
    await page.click('#next');
    const owner = page.locator('section.screen:not([hidden]) input[type=radio]').first();
    await page.check(`input[name="${await owner.getAttribute('name')}"][value="pmm"]`);
    await page.mouse.move(0, 0);
    // Runs in the page, where document is the page's own.
    await page.evaluate(() => globalThis.document.querySelector('.bar').scrollIntoView());
  }
  const at = option('--at');
  if (at) {
    // Runs in the page, where document is the page's own.
    const top = await page.evaluate((id) => globalThis.document.getElementById(id)?.getBoundingClientRect().top, at);
    if (top === undefined) throw new Error(`--at: no element with the id "${at}"`);
    await page.screenshot({
      path: out,
      clip: { x: 0, y: top, width: Number(width), height: Number(height) },
      fullPage: true,
    });
  } else await page.screenshot({ path: out, fullPage: flag('--full') });
  if (option('--pdf')) await page.pdf({ path: option('--pdf'), format: 'A4' });
} finally {
  await browser.close();
}
