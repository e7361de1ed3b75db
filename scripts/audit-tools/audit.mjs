// make audit's browser half: logs in as a demo member, then runs Lighthouse (mobile preset,
// default throttling) and axe on each page named in BULQ_AUDIT_PAGES ("name=/path" per line).
// Prints a table; asserts nothing.
import { chromium } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';
import { statSync } from 'node:fs';

const base = process.env.BULQ_AUDIT_URL;
const pages = process.env.BULQ_AUDIT_PAGES.trim().split('\n').map((line) => line.split('='));
const quietChrome = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
  '--disable-sync', '--no-first-run', '--disable-quic', '--ignore-certificate-errors'];

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: quietChrome });
const context = await browser.newContext({ ignoreHTTPSErrors: true, viewport: { width: 390, height: 844 }, locale: 'en-GB' });
const page = await context.newPage();
await page.goto(`${base}/login`);
await page.getByLabel('Username').fill(process.env.BULQ_AUDIT_USER ?? 'alice');
await page.getByLabel('Password').fill(process.env.BULQ_AUDIT_PASSWORD ?? 'bulq-demo');
await page.getByRole('button', { name: 'Log in' }).click();
await page.waitForURL((url) => !url.pathname.startsWith('/login'));
const cookie = (await context.cookies()).map((c) => `${c.name}=${c.value}`).join('; ');

const axeTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];
const axeFound = [];
// The WASM a page fetches before it is live, by the sizes of the
// built files: raw, gzip and brotli (what crosses the network).
const pkg = process.env.BULQ_AUDIT_PKG;
const kb = (file) => { try { return statSync(file).size / 1024; } catch { return NaN; } };
const firstLoad = [];
for (const [name, path] of pages) {
  const visitor = name === 'login' ? await browser.newContext({ ignoreHTTPSErrors: true, viewport: { width: 390, height: 844 } }) : context;
  const tab = await visitor.newPage();
  const modules = new Set();
  tab.on('request', (request) => {
    const url = new URL(request.url());
    if (url.pathname.endsWith('.wasm')) modules.add(url.pathname.split('/').pop());
  });
  await tab.goto(base + path);
  await tab.locator('body[data-hydrated="true"]').waitFor({ timeout: 30_000 });
  const sum = (suffix) => Math.round([...modules].reduce((total, file) => total + kb(`${pkg}/${file}${suffix}`), 0));
  firstLoad.push({ page: name, modules: modules.size, 'raw KB': sum(''), 'gzip KB': sum('.gz'), 'brotli KB': sum('.br') });
  const result = await new AxeBuilder({ page: tab }).withTags(axeTags).analyze();
  axeFound.push([name, result.violations.map((v) => `${v.id} (${v.impact}, ${v.nodes.length})`)]);
  await tab.close();
}
await browser.close();

const chrome = await chromeLauncher.launch({ chromePath: '/usr/bin/chromium', chromeFlags: ['--headless=new', ...quietChrome] });
const rows = [];
for (const [name, path] of pages) {
  const headers = name === 'login' ? {} : { Cookie: cookie };
  const { lhr } = await lighthouse(base + path, {
    port: chrome.port, output: 'json', logLevel: 'error', extraHeaders: headers,
    onlyCategories: ['performance', 'accessibility', 'best-practices'],
  });
  const score = (id) => Math.round((lhr.categories[id]?.score ?? 0) * 100);
  const ms = (id) => lhr.audits[id]?.numericValue ?? NaN;
  rows.push({
    page: name,
    performance: score('performance'), accessibility: score('accessibility'), 'best practices': score('best-practices'),
    'FCP s': (ms('first-contentful-paint') / 1000).toFixed(1), 'LCP s': (ms('largest-contentful-paint') / 1000).toFixed(1),
    'TBT ms': Math.round(ms('total-blocking-time')), CLS: (lhr.audits['cumulative-layout-shift']?.numericValue ?? NaN).toFixed(3),
    'KB sent': Math.round(ms('total-byte-weight') / 1024),
    failing: Object.values(lhr.audits).filter((a) => a.score !== null && a.score < 0.9 && a.scoreDisplayMode === 'binary').map((a) => a.id).join(' '),
  });
}
await chrome.kill();

console.log('\nFirst-load WASM (every module a page fetches before it is live):');
console.table(firstLoad);
console.log('\nLighthouse 12.2.3, mobile preset, default (simulated) throttling:');
console.table(rows);
console.log('\naxe (WCAG 2.2 A/AA and best practices), hydrated, 390×844:');
for (const [name, violations] of axeFound) console.log(`  ${name.padEnd(10)} ${violations.length ? violations.join(', ') : '0 violations'}`);
