// Site administration in a real browser, hydrated and without JavaScript: the first admin made
// on the command line, a reset link an admin makes and a forgetful person uses once, the audit
// log that shows both, and the admin pages refused to everyone else.
import { expect, test, type Browser, type Page, type TestInfo } from '@playwright/test';
import { addProduct, addStore, bid, confirmed, grantSiteAdmin, joinWith, live, openRun, person, startGroup, unique } from './people';

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
  for (const path of ['/admin', '/admin/users', '/admin/products', '/admin/stores', '/admin/settings', '/admin/audit']) {
    const response = await page.goto(path);
    expect(response?.status()).toBe(403);
    await expect(page.getByRole('alert')).toHaveText('Only site admins can do that.');
    await expect(page.getByTestId('admin-users')).toHaveCount(0);
  }
});

test('an admin merges a duplicate product that sits in an open run and the run shows one, summed', async ({ browser, baseURL }, testInfo) => {
  const { page: admin, username: adminName } = await register(browser, testInfo, 'Ada');
  grantSiteAdmin(adminName);
  const { groupUrl, invite } = await startGroup(admin, testInfo, baseURL, `Rice club ${unique('')}`);
  const storeName = `Rice Market ${unique('')}`;
  await addStore(admin, testInfo, storeName);
  const tag = unique('');
  const rice = `Basmati rice ${tag}`;
  const twin = `Rice basmati ${tag}`;
  await addProduct(admin, testInfo, rice, 'kg');
  await addProduct(admin, testInfo, twin, 'kg');
  const runUrl = await openRun(admin, testInfo, groupUrl, storeName);
  await bid(admin, testInfo, rice, '1');
  await expect(admin.getByTestId(`product-${rice}`).getByTestId('total')).toContainText('Total: 1 kg');

  const bea = await person(browser, testInfo, 'Bea', invite);
  await joinWith(bea, testInfo);
  await bea.goto(runUrl);
  await bid(bea, testInfo, twin, '2');
  await expect(bea.getByTestId(`product-${twin}`).getByTestId('total')).toContainText('Total: 2 kg');

  // The admin finds the twin, merges it into the first, and is asked first with the rule.
  await admin.goto(`/admin/products?q=${encodeURIComponent(tag)}`);
  await live(admin, testInfo);
  await expect(admin.getByTestId('catalogue-entries').locator('li')).toHaveCount(2);
  await admin.getByTestId(`catalogue-${twin}`).getByRole('link', { name: 'Merge into…' }).click();
  await live(admin, testInfo);
  await admin.getByLabel('Search by name').fill(tag);
  await admin.getByRole('button', { name: 'Show', exact: true }).click();
  const candidates = admin.getByTestId('merge-candidates');
  await expect(candidates.locator('li')).toHaveCount(1);
  await candidates.getByRole('link', { name: 'Merge into this' }).click();
  await expect(admin.getByTestId('merge-rule')).toContainText('Bids on both in one run are added together');
  await admin.getByRole('button', { name: 'Merge', exact: true }).click();
  await expect(admin).toHaveURL(/\/admin\/products$/);

  // The run shows one rice with both bids.
  await bea.goto(runUrl);
  await live(bea, testInfo);
  await expect(bea.getByTestId(`product-${twin}`)).toHaveCount(0);
  const card = bea.getByTestId(`product-${rice}`);
  await expect(card.getByTestId('total')).toContainText('Total: 3 kg');
  await expect(card.getByTestId('bidders')).toContainText('Bea2 kg');

  // The twin's old address leads to the survivor.
  await admin.goto(`/admin/products?q=${encodeURIComponent(tag)}&filter=archived`);
  await admin.getByTestId(`catalogue-${twin}`).getByRole('link', { name: twin }).click();
  await expect(admin.getByRole('heading', { name: rice, level: 1 })).toBeVisible();
});

test('a person renames themself, downloads their data and deletes their account', async ({ browser }, testInfo) => {
  const { page, username } = await register(browser, testInfo, 'Ivy');
  await page.goto('/profile');
  await live(page, testInfo);
  const renamed = `${username}x`;
  const form = page.getByTestId('username-form');
  await form.getByLabel('Username').fill(renamed);
  await form.getByRole('button', { name: 'Change username' }).click();
  await expect(form.getByLabel('Username')).toHaveValue(renamed);
  await expect(page.getByTestId('download-my-data')).toBeVisible();

  const data = await page.request.get('/profile/data.json');
  expect(data.status()).toBe(200);
  expect(data.headers()['content-disposition']).toContain(`bulq-${renamed}.json`);
  expect((await data.json()).account.username).toBe(renamed);

  await page.getByRole('link', { name: 'Delete my account…' }).click();
  await live(page, testInfo);
  await page.getByLabel('Current password').fill(password);
  await page.getByRole('button', { name: 'Delete my account for good' }).click();
  await expect(page.getByTestId('nav-profile')).toHaveCount(0);

  await page.goto('/login');
  await live(page, testInfo);
  await page.getByLabel('Username').fill(renamed);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page.getByRole('alert')).toHaveText('Wrong username or password.');
});

test('a person the admin disables is logged out of the run page they have open', async ({ browser, baseURL }, testInfo) => {
  const { page: admin, username: adminName } = await register(browser, testInfo, 'Ada');
  grantSiteAdmin(adminName);
  const { groupUrl, invite } = await startGroup(admin, testInfo, baseURL, `Bean club ${unique('')}`);
  const storeName = `Bean Market ${unique('')}`;
  await addStore(admin, testInfo, storeName);
  const runUrl = await openRun(admin, testInfo, groupUrl, storeName);

  const tag = unique('');
  const troll = await person(browser, testInfo, `Troll${tag}`, invite);
  await joinWith(troll, testInfo);
  await troll.goto(runUrl);
  await live(troll, testInfo);
  await expect(troll.getByTestId('nav-profile')).toBeVisible();

  await admin.goto(`/admin/users?q=${encodeURIComponent(tag)}`);
  await live(admin, testInfo);
  const row = admin.getByTestId('admin-users').locator('li');
  await expect(row).toHaveCount(1);
  const trollName = ((await row.getAttribute('data-testid')) ?? '').replace('admin-user-', '');
  await confirmed(admin, row.getByRole('button', { name: 'Disable', exact: true }));
  await expect(admin.getByTestId(`admin-user-${trollName}`).getByText('disabled', { exact: true })).toBeVisible();

  // Live, the open page goes to the log-in page by itself; without JavaScript, at the next click.
  if (testInfo.project.name !== 'hydrated') await troll.reload();
  await expect(troll).toHaveURL(/\/login/);
  await expect(troll.getByRole('button', { name: 'Log in' })).toBeVisible();

  await admin.goto(`/admin/audit?user=${trollName}`);
  await expect(admin.getByTestId('audit-log').locator('tr[data-action="USER_DISABLED"]')).toHaveCount(1);
});
