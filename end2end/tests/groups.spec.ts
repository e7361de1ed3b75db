// Groups in a real browser: a user starts a group and shares its invite link; a friend opens it
// logged out, registers, comes back and joins with one click, and sees the group renamed as it
// happens; the admin removes them again.
// Runs hydrated and with JavaScript disabled.
import { expect, test, type Browser, type Page, type TestInfo } from '@playwright/test';
import { confirmed, submitted } from './people';

const password = 'long enough secret 42';

function uniqueUsername(prefix: string): string {
  return `${prefix}_${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;
}

async function live(page: Page, testInfo: TestInfo) {
  if (testInfo.project.name === 'hydrated') {
    await page.locator('body[data-hydrated="true"]').waitFor();
  }
}

async function newPerson(browser: Browser, testInfo: TestInfo): Promise<Page> {
  const context = await browser.newContext({
    javaScriptEnabled: testInfo.project.use.javaScriptEnabled,
    viewport: { width: 390, height: 844 },
  });
  const page = await context.newPage();
  return page;
}

async function register(page: Page, testInfo: TestInfo, displayName: string, username: string) {
  await live(page, testInfo);
  await page.getByLabel('Display name').fill(displayName);
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByLabel('Repeat the password').fill(password);
  await page.getByRole('button', { name: 'Create account' }).click();
}

test('a group is started, a friend joins through the invite link and is removed', async ({ browser, baseURL }, testInfo) => {
  const owner = await newPerson(browser, testInfo);
  await owner.goto('/register');
  await register(owner, testInfo, 'Olga Owner', uniqueUsername('olga'));
  await expect(owner.getByTestId('greeting')).toHaveText('Hi, Olga Owner');
  await expect(owner.getByText('You are not in a group yet.')).toBeVisible();

  const groupName = `Friday lunch ${Date.now().toString(36)}`;
  await live(owner, testInfo);
  await owner.getByLabel('Group name').fill(groupName);
  await owner.getByRole('button', { name: 'Create group' }).click();
  await expect(owner.getByRole('heading', { name: groupName, exact: true })).toBeVisible();
  await expect(owner.getByText('1 member', { exact: true })).toBeVisible();

  await owner.getByTestId('manage-group').click();
  const inviteField = owner.getByTestId('invite-url');
  await expect(inviteField).toHaveValue(/\/join\/[0-9a-f]{32}$/);
  const shown = await inviteField.inputValue();
  const invite = shown.startsWith('http') ? shown : `${baseURL}${shown}`;

  // No run has prices yet, so the currency may still change.
  await live(owner, testInfo);
  await owner.getByLabel('Currency').selectOption('RSD');
  await submitted(owner, owner.getByRole('button', { name: 'Change currency' }));
  if (testInfo.project.name === 'hydrated') {
    await expect(owner.getByTestId('currency-form').getByText('Saved.')).toBeVisible();
  }
  await owner.reload();
  await expect(owner.getByLabel('Currency')).toHaveValue('RSD');

  const friend = await newPerson(browser, testInfo);
  await friend.goto(invite);
  await expect(friend.getByRole('heading', { name: `Join ${groupName}` })).toBeVisible();
  await expect(friend.getByText('1 member', { exact: true })).toBeVisible();
  await live(friend, testInfo);
  await friend.locator('main').getByRole('link', { name: 'Sign up' }).click();
  const friendUsername = uniqueUsername('finn');
  await register(friend, testInfo, 'Finn Friend', friendUsername);

  // Back on the invite, now logged in: one click joins.
  await expect(friend).toHaveURL(/\/join\/[0-9a-f]{32}$/);
  await live(friend, testInfo);
  await friend.getByRole('button', { name: 'Join group' }).click();
  await expect(friend).toHaveURL(/\/groups\/[0-9a-f-]{36}$/);
  await expect(friend.getByRole('heading', { name: groupName, exact: true })).toBeVisible();
  await expect(friend.getByTestId('members')).toContainText('Olga Owner');
  await expect(friend.getByTestId('members')).toContainText('Finn Friend');
  const groupUrl = friend.url();

  // The owner renames the group: the friend's open page follows (live when hydrated, on reload
  // without JavaScript).
  const renamed = `${groupName} and friends`;
  await live(owner, testInfo);
  const rename = owner.getByTestId('rename-form');
  await rename.getByLabel('Group name').fill(renamed);
  await submitted(owner, rename.getByRole('button', { name: 'Rename' }));
  if (testInfo.project.name !== 'hydrated') {
    await friend.reload();
  }
  await expect(friend.getByRole('heading', { name: renamed, exact: true })).toBeVisible();

  await owner.reload();
  await live(owner, testInfo);
  const row = owner.getByTestId(`member-${friendUsername}`);
  await expect(row).toBeVisible();
  await confirmed(owner, row.getByRole('button', { name: 'Remove' }));
  await expect(owner.getByTestId(`member-${friendUsername}`)).toHaveCount(0);

  await friend.goto(groupUrl);
  await expect(friend.getByRole('heading', { name: 'Page not found' })).toBeVisible();
  await expect(friend.getByRole('alert')).toContainText('does not exist, or you are not a member');
});

test('an invite link that does not work says so', async ({ page }) => {
  const response = await page.goto('/join/0123456789abcdef0123456789abcdef');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { name: 'This invite link does not work' })).toBeVisible();
});
