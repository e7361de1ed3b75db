// Bulq as an installed app: the page links a manifest Chromium accepts (name, standalone, colours,
// 192 and 512 PNG icons and a maskable one, all served as images), the service worker registers
// for the whole site and keeps the offline page, and with the network gone a person who opens a
// page gets that page in their language instead of the browser's error (the worker needs
// JavaScript; the manifest is checked in both projects).
import { expect, test } from '@playwright/test';
import { live } from './people';

test('the manifest describes an installable app', async ({ page, request }, testInfo) => {
  await page.goto('/login');
  await live(page, testInfo);
  expect(await page.locator('link[rel="manifest"]').getAttribute('href')).toBe('/manifest.webmanifest');
  const touchIcon = await page.locator('link[rel="apple-touch-icon"]').getAttribute('href');

  const response = await request.get('/manifest.webmanifest');
  expect(response.headers()['content-type']).toContain('application/manifest+json');
  const manifest = await response.json();
  expect(manifest).toMatchObject({ name: 'Bulq', short_name: 'Bulq', start_url: '/', display: 'standalone' });
  expect(manifest.theme_color).toMatch(/^#[0-9a-f]{6}$/);
  expect(manifest.background_color).toMatch(/^#[0-9a-f]{6}$/);
  const icons: { src: string; sizes: string; type: string; purpose: string }[] = manifest.icons;
  for (const size of ['192x192', '512x512']) {
    expect(icons.some((icon) => icon.sizes === size && icon.type === 'image/png' && icon.purpose === 'any')).toBe(true);
  }
  expect(icons.some((icon) => icon.purpose === 'maskable')).toBe(true);
  for (const src of [...icons.map((icon) => icon.src), touchIcon!]) {
    const image = await request.get(src);
    expect(image.ok(), src).toBe(true);
    expect(image.headers()['content-type'], src).toMatch(/^image\//);
  }
});

test('offline, a page gives the offline page in the person’s language', async ({ browser }, testInfo) => {
  test.skip(testInfo.project.name === 'no-js', 'a service worker needs JavaScript');
  const context = await browser.newContext({ locale: 'ru-RU', viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  await page.goto('/login');
  await live(page, testInfo);
  // Installed: the worker has kept the offline page, fetched in the browser's language.
  const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
  expect(new URL(scope).pathname).toBe('/');

  await context.setOffline(true);
  await page.goto('/register').catch(() => undefined);
  await expect(page.getByRole('heading', { name: 'Нет подключения к сети' })).toBeVisible();
  const retry = page.getByRole('link', { name: 'Попробовать снова' });
  await expect(retry).toBeVisible();

  await context.setOffline(false);
  await retry.click();
  await expect(page).toHaveURL(/\/register$/);
  await expect(page.getByLabel('Имя пользователя')).toBeVisible();
  await context.close();
});
