// What the run specs share: people registering (optionally through an invite), joining a group,
// the world a run needs (a group with its invite link, a store, products, the run itself), and
// bidding on a product of the run page (found through the search when it is not there yet).
import { execFileSync } from 'node:child_process';
import { expect, type Browser, type Locator, type Page, type TestInfo } from '@playwright/test';

const password = 'long enough secret 42';

export function unique(prefix: string): string {
  return `${prefix}${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;
}

export async function live(page: Page, testInfo: TestInfo) {
  if (testInfo.project.name === 'hydrated') {
    await page.locator('body[data-hydrated="true"]').waitFor();
  }
}

/// Clicks a button that asks first, and says yes with the button of the same name: in the dialog
/// when hydrated, on the confirmation page without JavaScript. Returns once the server has
/// answered, so what the test does next (often in another person's browser) sees the change.
export async function confirmed(page: Page, button: Locator) {
  const name = (await button.innerText()).trim();
  await button.click();
  const asking = page.locator('[data-testid="confirmation"]:visible');
  await expect(asking).toBeVisible();
  await submitted(page, asking.getByRole('button', { name, exact: true }));
}

/// Clicks a button that sends a form (a server function when hydrated, a form post without
/// JavaScript) and waits for the server's answer: a click alone returns before the post arrives.
/// Without JavaScript the answer is a redirect, so it also waits for the page it leads to: a
/// reload or `goto` started earlier would be cut short by that navigation.
export async function submitted(page: Page, button: Locator) {
  const answered = page.waitForResponse((response) => response.request().method() === 'POST');
  const arrived = page.waitForEvent('load').catch(() => undefined);
  await button.click();
  const response = await answered;
  if (response.request().isNavigationRequest()) {
    await arrived;
  }
}

export async function person(browser: Browser, testInfo: TestInfo, name: string, start = '/register'): Promise<Page> {
  const context = await browser.newContext({
    javaScriptEnabled: testInfo.project.use.javaScriptEnabled,
    viewport: { width: 390, height: 844 },
  });
  const page = await context.newPage();
  await page.goto(start);
  if (start !== '/register') {
    await live(page, testInfo);
    await page.locator('main').getByRole('link', { name: 'Sign up' }).click();
  }
  await live(page, testInfo);
  await page.getByLabel('Display name').fill(name);
  await page.getByLabel('Username').fill(unique(name.toLowerCase().replace(/\W/g, '')));
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByLabel('Repeat the password').fill(password);
  await page.getByRole('button', { name: 'Create account' }).click();
  if (start === '/register') {
    await expect(page.getByTestId('greeting')).toBeVisible();
  }
  return page;
}

export async function joinWith(page: Page, testInfo: TestInfo) {
  await expect(page).toHaveURL(/\/join\/[0-9a-f]{32}$/);
  await live(page, testInfo);
  await page.getByRole('button', { name: 'Join group' }).click();
  await expect(page).toHaveURL(/\/groups\/[0-9a-f-]{36}$/);
}

/// Bids on a product: on its card when it is in the run already, else found through the search.
export async function bid(page: Page, testInfo: TestInfo, product: string, quantity: string | 'interested') {
  await live(page, testInfo);
  let card = page.getByTestId(`product-${product}`);
  if ((await card.count()) === 0) {
    await page.getByLabel('Find a product').fill(product);
    if (testInfo.project.name === 'no-js') {
      await page.getByRole('button', { name: 'Find' }).click();
    }
    card = page.getByTestId('found-products').locator('.product-card', { hasText: product });
    await expect(card).toBeVisible();
    await live(page, testInfo);
  }
  if (quantity === 'interested') {
    await card.getByLabel('Just interested').check();
  } else {
    await card.getByLabel(/Your quantity/).fill(quantity);
  }
  await card.getByRole('button', { name: /^(Bid|Update)$/ }).click();
}

/// The leader starts a group; its page address and its invite link.
export async function startGroup(leader: Page, testInfo: TestInfo, baseURL: string | undefined, name: string) {
  await live(leader, testInfo);
  await leader.getByLabel('Group name').fill(name);
  await leader.getByRole('button', { name: 'Create group' }).click();
  await expect(leader.getByRole('heading', { name, exact: true })).toBeVisible();
  const groupUrl = leader.url();
  await leader.getByTestId('manage-group').click();
  const shown = await leader.getByTestId('invite-url').inputValue();
  const invite = shown.startsWith('http') ? shown : `${baseURL}${shown}`;
  return { groupUrl, invite };
}

export async function addStore(page: Page, testInfo: TestInfo, name: string) {
  await page.goto('/stores');
  await live(page, testInfo);
  await page.getByTestId('add-store-form').getByLabel('Name').fill(name);
  await page.getByRole('button', { name: 'Add store' }).click();
  await expect(page.getByRole('heading', { name, level: 1 })).toBeVisible();
}

export async function addProduct(page: Page, testInfo: TestInfo, name: string, unit: string) {
  await page.goto('/products');
  await live(page, testInfo);
  const form = page.getByTestId('add-product-form');
  await form.getByLabel('Name').fill(name);
  await form.getByLabel('Unit').fill(unit);
  await form.getByRole('button', { name: 'Add product' }).click();
  await expect(page.getByRole('heading', { name, level: 1 })).toBeVisible();
}

/// The leader opens a run of the group at the store; the run page's address.
export async function openRun(leader: Page, testInfo: TestInfo, groupUrl: string, storeName: string, comment = '') {
  await leader.goto(groupUrl);
  await live(leader, testInfo);
  const runForm = leader.getByTestId('new-run-form');
  await runForm.getByLabel('Store').selectOption({ label: storeName });
  await runForm.getByLabel('Comment').fill(comment);
  await runForm.getByRole('button', { name: 'Start run' }).click();
  await expect(leader).toHaveURL(/\/runs\/[0-9a-f-]{36}$/);
  return leader.url();
}

/// From the run page of a run with bids: the leader confirms it (ready or not), shops, records
/// each `[product, quantity, total paid]` and is done shopping; the run is then handed out.
export async function buyAll(leader: Page, testInfo: TestInfo, purchases: [string, string, string][]) {
  await live(leader, testInfo);
  await confirmed(leader, leader.getByRole('button', { name: 'Confirm anyway' }));
  await live(leader, testInfo);
  await leader.getByRole('button', { name: 'Start shopping' }).click();
  await expect(leader).toHaveURL(/\/shopping$/);
  for (const [product, quantity, total] of purchases) {
    await live(leader, testInfo);
    const item = leader.getByTestId(`item-${product}`);
    await item.getByLabel(/^Quantity/).fill(quantity);
    await item.getByLabel('Total paid').fill(total);
    await submitted(leader, item.getByRole('button', { name: 'Bought' }));
    await expect(leader.getByTestId('recorded').getByTestId(`item-${product}`)).toBeVisible();
  }
  await live(leader, testInfo);
  await confirmed(leader, leader.getByRole('button', { name: 'Done shopping' }));
  await expect(leader.locator('.state-badge')).toHaveText('Handing out');
}

/// The leader marks that each of `people` picked up everything, then completes the run.
export async function handOut(leader: Page, testInfo: TestInfo, runUrl: string, people: string[]) {
  for (const name of people) {
    await leader.goto(runUrl);
    await live(leader, testInfo);
    await leader.getByTestId(`person-${name}`).getByRole('button', { name: 'Picked up everything' }).click();
    await expect(leader.getByTestId(`person-${name}`).locator('.chip.ready').first()).toBeVisible();
  }
  await leader.goto(runUrl);
  await live(leader, testInfo);
  await leader.getByRole('button', { name: 'Complete the run' }).click();
  await expect(leader.locator('.state-badge')).toHaveText('Completed');
}

/// `server admin grant USERNAME`, as the person hosting Bulq makes the first admin.
export function grantSiteAdmin(username: string) {
  const server = process.env.BULQ_SERVER_EXE;
  const database = process.env.BULQ_E2E_DATABASE_URL;
  if (!server || !database) throw new Error('scripts/e2e sets BULQ_SERVER_EXE and BULQ_E2E_DATABASE_URL');
  const said = execFileSync(server, ['admin', 'grant', username], {
    env: { ...process.env, DATABASE_URL: database, BULQ_ENV: 'test', BULQ_LOG: 'warn' },
  }).toString();
  expect(said).toContain('is now a site admin');
}
