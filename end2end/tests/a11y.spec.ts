// Accessibility checked by a tool on every page: axe (WCAG 2.2 A and AA rules and best
// practices) finds nothing on any page of a run's life, in the light and the dark theme (so
// colour contrast holds in both), with a confirmation dialog open, and logged out. The hydrated
// pages also log no warning or error to the console. Hydrated project only: the markup is the
// same without JavaScript.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { addProduct, addStore, bid, confirmed, grantSiteAdmin, joinWith, live, openRun, person, startGroup, unique } from './people';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

/// axe in both colour schemes; the theme follows the device until a person chooses one.
async function noViolations(page: Page, what: string) {
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
    const found = results.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    expect(found, `${what} in the ${colorScheme} theme`).toEqual([]);
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

/// Collects what a page logs as a warning or an error (but the browser's own line about a page
/// answered 404 on purpose).
function consoleOf(page: Page): string[] {
  const logged: string[] = [];
  page.on('console', (message) => {
    const text = message.text();
    if (text.includes('status of 404')) return;
    if (message.type() === 'warning' || message.type() === 'error') logged.push(text);
  });
  return logged;
}

test('every page passes axe in both themes', async ({ browser, baseURL }, testInfo) => {
  test.skip(testInfo.project.name !== 'hydrated', 'the markup is the same without JavaScript');
  test.setTimeout(180_000);

  // Logged out.
  const visitorContext = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const visitor = await visitorContext.newPage();
  const visitorLog = consoleOf(visitor);
  for (const [path, what] of [['/login', 'log-in'], ['/register', 'registration'], ['/no/such/page', 'not found']]) {
    await visitor.goto(path);
    await live(visitor, testInfo);
    await noViolations(visitor, what);
  }

  const leader = await person(browser, testInfo, 'Alma Accessible');
  const log = consoleOf(leader);
  await noViolations(leader, 'the dashboard');
  const { groupUrl, invite } = await startGroup(leader, testInfo, baseURL, `Axe club ${unique('')}`);
  await live(leader, testInfo);
  await noViolations(leader, 'the group management page');
  await leader.goto(groupUrl);
  await live(leader, testInfo);
  await noViolations(leader, 'the group page');

  await visitor.goto(invite);
  await live(visitor, testInfo);
  await noViolations(visitor, 'an invite seen logged out');

  const storeName = `Axe store ${unique('')}`;
  await addStore(leader, testInfo, storeName);
  await live(leader, testInfo);
  await noViolations(leader, 'a store');
  await leader.goto('/stores');
  await live(leader, testInfo);
  await noViolations(leader, 'the stores');
  const rice = `Axe rice ${unique('')}`;
  await addProduct(leader, testInfo, rice, 'kg');
  await live(leader, testInfo);
  await noViolations(leader, 'a product');
  await leader.goto('/products');
  await live(leader, testInfo);
  await noViolations(leader, 'the products');
  await leader.goto(`/search?q=${encodeURIComponent(rice)}`);
  await live(leader, testInfo);
  await noViolations(leader, 'the search');

  const runUrl = await openRun(leader, testInfo, groupUrl, storeName, 'Saturday');
  await bid(leader, testInfo, rice, '2,5');
  await expect(leader.getByTestId(`product-${rice}`).getByTestId('total')).toContainText('2.5 kg');
  // A friend's bid makes the run one the leader can confirm.
  const friend = await person(browser, testInfo, 'Finn Friend', invite);
  await joinWith(friend, testInfo);
  await friend.goto(runUrl);
  await bid(friend, testInfo, rice, '1');
  await expect(friend.getByTestId(`product-${rice}`).getByTestId('total')).toContainText('3.5 kg');
  await leader.reload();
  await live(leader, testInfo);
  await expect(leader.locator('.state-badge')).toHaveText('Bidding');
  await noViolations(leader, 'a run in bidding');

  await leader.getByText('Cancel the run', { exact: true }).first().click();
  await leader.getByTestId('cancel-form').getByRole('button', { name: 'Cancel the run' }).click();
  await expect(leader.getByRole('dialog')).toBeVisible();
  await noViolations(leader, 'a run with its cancel dialog open');
  await leader.keyboard.press('Escape');
  const runId = runUrl.split('/').pop();
  await leader.goto(`${runUrl}/confirm/cancel?run_id=${runId}&reason=rain`);
  await live(leader, testInfo);
  await noViolations(leader, 'a confirmation page');

  await leader.goto(runUrl);
  await confirmed(leader, leader.getByRole('button', { name: 'Confirm anyway' }));
  await expect(leader.locator('.state-badge')).toHaveText('Confirmed');
  await live(leader, testInfo);
  await leader.getByRole('button', { name: 'Start shopping' }).click();
  await expect(leader).toHaveURL(/\/shopping$/);
  await live(leader, testInfo);
  await noViolations(leader, 'a shopping list');
  await leader.goto(`${runUrl}/print/shopping`);
  await noViolations(leader, 'a printed shopping list');
  await leader.goto(runUrl);
  await live(leader, testInfo);
  await noViolations(leader, 'a run in shopping');

  // Everything bought: the run hands out, with each person's costs.
  await leader.goto(`${runUrl}/shopping`);
  await live(leader, testInfo);
  const item = leader.getByTestId(`item-${rice}`);
  await item.getByLabel(/^Quantity/).fill('3.5');
  await item.getByLabel('Total paid').fill('7.00');
  await item.getByRole('button', { name: 'Bought' }).click();
  await expect(leader.getByTestId('recorded').getByTestId(`item-${rice}`)).toBeVisible();
  await noViolations(leader, 'a shopping list with a purchase');
  await confirmed(leader, leader.getByRole('button', { name: 'Done shopping' }));
  await expect(leader).toHaveURL(runUrl);
  await expect(leader.getByTestId('distribution')).toBeVisible();
  await live(leader, testInfo);
  await noViolations(leader, 'a run handing out, with costs');
  await leader.goto(`${runUrl}/print/distribution`);
  await noViolations(leader, 'a printed distribution list');

  // Who paid, with the forms open; then the run completes and the group's money page has
  // balances, a transfer and the leader's payment details with their QR code.
  await leader.goto(runUrl);
  await live(leader, testInfo);
  await leader.getByText('Change who paid').click();
  await leader.getByText('Add a shared cost').click();
  await noViolations(leader, 'who paid, with its forms open');
  for (const name of ['Finn Friend', 'Alma Accessible']) {
    await leader.goto(runUrl);
    await live(leader, testInfo);
    await leader.getByTestId(`person-${name}`).getByRole('button', { name: 'Picked up everything' }).click();
    await expect(leader.getByTestId(`person-${name}`).locator('.chip.ready').first()).toBeVisible();
  }
  await leader.goto(runUrl);
  await live(leader, testInfo);
  await leader.getByRole('button', { name: 'Complete the run' }).click();
  await expect(leader.locator('.state-badge')).toHaveText('Completed');
  await leader.goto('/profile');
  await live(leader, testInfo);
  await leader.getByLabel('IBAN (optional)').fill('DE89 3704 0044 0532 0130 00');
  await leader.getByLabel('Account holder').fill('Alma Accessible');
  await leader.getByRole('button', { name: 'Save payment details' }).click();
  await leader.goto('/profile');
  await expect(leader.getByLabel('IBAN (optional)')).toHaveValue('DE89 3704 0044 0532 0130 00');
  await friend.goto(`${groupUrl}/money`);
  await live(friend, testInfo);
  await expect(friend.getByTestId('epc-qr')).toBeVisible();
  await noViolations(friend, "a group's money page with a transfer and its QR code");
  for (const toggle of await friend.locator('details > summary').all()) await toggle.click();
  await noViolations(friend, "the money page with the runs behind each balance and each run's debts open");
  await friend.getByTestId('my-statement').click();
  await expect(friend.getByTestId('statement')).toBeVisible();
  await noViolations(friend, "a member's statement");

  await leader.goto('/notifications');
  await live(leader, testInfo);
  await noViolations(leader, 'the notifications');
  await leader.goto('/profile');
  await live(leader, testInfo);
  await noViolations(leader, 'the profile');

  expect(log, 'console warnings and errors while signed in').toEqual([]);
  expect(visitorLog, 'console warnings and errors while logged out').toEqual([]);
});

test('the admin pages and the account pages pass axe in both themes', async ({ browser }, testInfo) => {
  test.skip(testInfo.project.name !== 'hydrated', 'the markup is the same without JavaScript');
  test.setTimeout(120_000);
  const admin = await person(browser, testInfo, 'Ada Admin');
  const log = consoleOf(admin);
  await admin.goto('/profile');
  await live(admin, testInfo);
  const username = (await admin.getByTestId('signed-in-as').innerText()).split('@').pop()?.trim() ?? '';
  grantSiteAdmin(username);
  await noViolations(admin, 'the profile');
  await addProduct(admin, testInfo, `Axe oats ${unique('')}`, 'kg');
  await addProduct(admin, testInfo, `Axe oats ${unique('')}`, 'kg');
  for (const [path, what] of [
    ['/admin/users', 'the admin\'s accounts'],
    ['/admin/products', 'the admin\'s products with likely duplicates'],
    ['/admin/stores', 'the admin\'s stores'],
    ['/admin/groups', 'the admin\'s groups'],
    ['/admin/settings', 'the settings'],
    ['/admin/audit', 'the audit log'],
    ['/profile/delete', 'deleting one\'s account'],
    ['/profile/api-tokens', 'the API tokens'],
    ['/reset/not-a-real-token-not-a-real-token-xxxx', 'a reset link that does not work'],
  ]) {
    await admin.goto(path);
    await live(admin, testInfo);
    await noViolations(admin, what);
  }
  await admin.goto('/admin/products');
  await live(admin, testInfo);
  await admin.getByTestId('duplicates').getByRole('link', { name: /^Keep/ }).first().click();
  await live(admin, testInfo);
  await noViolations(admin, 'a merge confirmation');
  await admin.goto('/admin/users');
  await live(admin, testInfo);
  await admin.getByRole('button', { name: 'Make a reset link' }).first().click();
  await expect(admin.getByTestId('reset-link')).toBeVisible();
  await noViolations(admin, 'a reset link just made');
  expect(log).toEqual([]);
});
