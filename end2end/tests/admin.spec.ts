// Site administration in a real browser, hydrated and without JavaScript: the first admin made
// on the command line, a reset link an admin makes and a forgetful person uses once, the audit
// log that shows both, and the admin pages refused to everyone else.
import { execFileSync } from 'node:child_process';
import { expect, test, type Browser, type Page, type TestInfo } from '@playwright/test';
import { live, unique } from './people';

const password = 'long enough secret 42';

async function register(browser: Browser, testInfo: TestInfo, name: string): Promise<{ page: Page; username: string }> {
  const context = await browser.newContext({
    javaScriptEnabled: testInfo.project.use.javaScriptEnabled,
    viewport: { width: 390, height: 844 },
  });
  const page = await context.newPage();
  const username = unique(name.toLowerCase());
  await page.goto('/register');
  await live(page, testInfo);
  await page.getByLabel('Display name').fill(name);
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByLabel('Repeat the password').fill(password);
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByTestId('greeting')).toBeVisible();
  return { page, username };
}

/// `server admin grant USERNAME`, as the person hosting Bulq makes the first admin.
function grantSiteAdmin(username: string) {
  const server = process.env.BULQ_SERVER_EXE;
  const database = process.env.BULQ_E2E_DATABASE_URL;
  if (!server || !database) throw new Error('scripts/e2e sets BULQ_SERVER_EXE and BULQ_E2E_DATABASE_URL');
  const said = execFileSync(server, ['admin', 'grant', username], {
    env: { ...process.env, DATABASE_URL: database, BULQ_ENV: 'test', BULQ_LOG: 'warn' },
  }).toString();
  expect(said).toContain('is now a site admin');
}

test('an admin makes a reset link and a forgetful person sets a new password with it, once', async ({ browser, baseURL }, testInfo) => {
  const { page: admin, username: adminName } = await register(browser, testInfo, 'Ada');
  grantSiteAdmin(adminName);
  const { username: fernName } = await register(browser, testInfo, 'Fern');

  await admin.goto('/');
  await live(admin, testInfo);
  await admin.getByTestId('nav-admin').click();
  await expect(admin).toHaveURL(/\/admin$/);
  await expect(admin.getByRole('heading', { name: 'Administration' })).toBeVisible();
  await live(admin, testInfo);
  await admin.getByLabel('Search by name or username').fill(fernName);
  await admin.getByRole('button', { name: 'Show', exact: true }).click();
  const row = admin.getByTestId(`admin-user-${fernName}`);
  await expect(row).toBeVisible();
  await expect(admin.getByTestId('admin-users').locator('li')).toHaveCount(1);
  await live(admin, testInfo);
  await row.getByRole('button', { name: 'Make a reset link' }).click();
  const card = admin.getByTestId('reset-link');
  await expect(card).toContainText(`@${fernName}`);
  const shown = await admin.locator('#reset-link-url').inputValue();
  expect(shown).toMatch(/\/reset\/[A-Za-z0-9_-]{43}$/);
  const link = new URL(shown, baseURL).toString();

  // Fern, on a browser that is logged out.
  const context = await browser.newContext({ javaScriptEnabled: testInfo.project.use.javaScriptEnabled });
  const fern = await context.newPage();
  await fern.goto(link);
  await live(fern, testInfo);
  await expect(fern.getByRole('heading', { name: 'Choose a new password' })).toBeVisible();
  await fern.getByLabel('New password').fill('my new long secret 7');
  await fern.getByLabel('Repeat the password').fill('my new long secret 7');
  await fern.getByRole('button', { name: 'Save the new password' }).click();
  await expect(fern.getByTestId('greeting')).toHaveText('Hi, Fern');

  // Once only.
  await fern.goto(link);
  await expect(fern.getByRole('alert')).toContainText('This reset link does not work');

  // The admin reads both in the audit log.
  await admin.goto(`/admin/audit?user=${fernName}`);
  const trail = admin.getByTestId('audit-log');
  await expect(trail.locator('tr[data-action="PASSWORD_RESET_LINK_CREATED"]')).toHaveCount(1);
  await expect(trail.locator('tr[data-action="PASSWORD_RESET"]')).toHaveCount(1);
  await expect(trail.locator('tr[data-action="PASSWORD_RESET_LINK_CREATED"]')).toContainText(adminName);
});

test('the admin pages are refused to everyone but site admins', async ({ browser }, testInfo) => {
  const { page } = await register(browser, testInfo, 'Nosy');
  await expect(page.getByTestId('nav-admin')).toHaveCount(0);
  for (const path of ['/admin', '/admin/users', '/admin/settings', '/admin/audit']) {
    const response = await page.goto(path);
    expect(response?.status()).toBe(403);
    await expect(page.getByRole('alert')).toHaveText('Only site admins can do that.');
    await expect(page.getByTestId('admin-users')).toHaveCount(0);
  }
});
