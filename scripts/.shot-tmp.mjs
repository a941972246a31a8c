import { chromium } from 'playwright-core';
const [,, file, out, scheme = 'light', width = '1200', height = '900'] = process.argv;
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-background-networking'] });
const p = await b.newPage({ viewport: { width: Number(width), height: Number(height) }, colorScheme: scheme });
await p.goto('file://' + file);
if (process.env.SEL) await (await p.$(process.env.SEL)).screenshot({ path: out }); else await p.screenshot({ path: out, fullPage: process.env.FULL === '1' });
if (process.env.PDF) await p.pdf({ path: process.env.PDF, format: process.env.FORMAT || 'A4' });
await b.close();
