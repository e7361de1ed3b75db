// Accounts in a real browser: register, log out, a wrong password, log in, change the display
// name, log out everywhere else from another device. Runs in both projects: hydrated (server
// functions by fetch) and no-JS (plain form posts).
import { expect, test, type Page, type TestInfo } from '@playwright/test';

const password = 'long enough secret 42';

function uniqueUsername(prefix: string): string {
  return `${prefix}_${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;
}

/** With JavaScript on, wait until the page is hydrated so the test drives the live app. */
async function live(page: Page, testInfo: TestInfo) {
  if (testInfo.project.name === 'hydrated') {
    await page.locator('body[data-hydrated="true"]').waitFor();
  }
}

test('a new user registers, logs out, logs back in and renames themself', async ({ page }, testInfo) => {
  const username = uniqueUsername('pat');

  await page.goto('/register');
  await live(page, testInfo);
  await page.getByLabel('Display name').fill('Playwright Pat');
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByLabel('Repeat the password').fill(password);
  await page.getByRole('button', { name: 'Create account' }).click();

  await expect(page.getByTestId('greeting')).toHaveText('Hi, Playwright Pat');
  await expect(page.getByTestId('nav-profile')).toHaveText('Playwright Pat');

  await page.getByRole('button', { name: 'Log out' }).click();
  await expect(page.getByTestId('nav-profile')).toHaveCount(0);
  await expect(page.locator('.top-bar').getByRole('link', { name: 'Log in' })).toBeVisible();

  await page.goto('/login');
  await live(page, testInfo);
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password').fill('not the password');
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page.getByRole('alert')).toHaveText('Wrong username or password.');

  // Usernames are not case-sensitive.
  await live(page, testInfo);
  await page.getByLabel('Username').fill(username.toUpperCase());
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page.getByTestId('greeting')).toHaveText('Hi, Playwright Pat');

  await page.getByTestId('nav-profile').click();
  await expect(page).toHaveURL(/\/profile$/);
  await expect(page.getByTestId('signed-in-as')).toHaveText(`Logged in as @${username}`);
  const nameForm = page.getByTestId('display-name-form');
  await nameForm.getByLabel('Display name').fill('Pat Renamed');
  await nameForm.getByRole('button', { name: 'Save name' }).click();
  await expect(page.getByTestId('nav-profile')).toHaveText('Pat Renamed');

  await page.reload();
  await expect(page.getByTestId('nav-profile')).toHaveText('Pat Renamed');
  await expect(page.getByLabel('Display name')).toHaveValue('Pat Renamed');
});

test('registration explains what is wrong and keeps the visitor on the form', async ({ page }, testInfo) => {
  await page.goto('/register');
  await live(page, testInfo);
  await page.getByLabel('Display name').fill('Weak Walter');
  await page.getByLabel('Username').fill(uniqueUsername('walter'));
  await page.getByLabel('Password', { exact: true }).fill('password123');
  await page.getByLabel('Repeat the password').fill('password123');
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByRole('alert')).toContainText('too common');
  await expect(page).toHaveURL(/\/register/);
  // The error is also said under the field it concerns, which is marked invalid and described by it.
  const password = page.getByLabel('Password', { exact: true });
  await expect(password).toHaveAttribute('aria-invalid', 'true');
  await expect(password).toHaveAccessibleDescription(/too common/);
  await expect(page.getByLabel('Username')).not.toHaveAttribute('aria-invalid', 'true');
});

test('the profile page sends a visitor to log in and back', async ({ page }, testInfo) => {
  await page.goto('/profile');
  await expect(page).toHaveURL(/\/login\?next=(%2F|\/)profile$/);
  await live(page, testInfo);
  await expect(page.getByRole('heading', { name: 'Log in' })).toBeVisible();
});

test('an unknown address shows a friendly 404', async ({ page }) => {
  const response = await page.goto('/no/such/page');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
});

test('a chosen dark theme is kept for the person, whatever their device says', async ({ page }, testInfo) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto('/register');
  await live(page, testInfo);
  await page.getByLabel('Display name').fill('Dora Dark');
  await page.getByLabel('Username').fill(uniqueUsername('dora'));
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByLabel('Repeat the password').fill(password);
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByTestId('greeting')).toBeVisible();
  const root = page.locator('html');
  await expect(root).toHaveAttribute('data-theme', 'system');
  await expect(page.locator('body')).toHaveCSS('background-color', 'rgb(246, 247, 245)');

  await page.goto('/profile');
  await live(page, testInfo);
  const form = page.getByTestId('theme-form');
  await form.getByLabel('Dark').check();
  await form.getByRole('button', { name: 'Save appearance' }).click();
  await expect(root).toHaveAttribute('data-theme', 'dark');
  await expect(page.locator('body')).toHaveCSS('background-color', 'rgb(15, 20, 19)');

  await page.goto('/');
  await expect(root).toHaveAttribute('data-theme', 'dark');
  await expect(page.locator('body')).toHaveCSS('background-color', 'rgb(15, 20, 19)');
});

test('logging out everywhere else from a phone logs the laptop out, live', async ({ browser }, testInfo) => {
  const username = uniqueUsername('two');
  const device = async () => {
    const context = await browser.newContext({
      javaScriptEnabled: testInfo.project.use.javaScriptEnabled,
      viewport: { width: 390, height: 844 },
    });
    return context.newPage();
  };
  const laptop = await device();
  await laptop.goto('/register');
  await live(laptop, testInfo);
  await laptop.getByLabel('Display name').fill('Two Devices');
  await laptop.getByLabel('Username').fill(username);
  await laptop.getByLabel('Password', { exact: true }).fill(password);
  await laptop.getByLabel('Repeat the password').fill(password);
  await laptop.getByRole('button', { name: 'Create account' }).click();
  await expect(laptop.getByTestId('greeting')).toHaveText('Hi, Two Devices');
  await live(laptop, testInfo);

  const phone = await device();
  await phone.goto('/login');
  await live(phone, testInfo);
  await phone.getByLabel('Username').fill(username);
  await phone.getByLabel('Password').fill(password);
  await phone.getByRole('button', { name: 'Log in' }).click();
  await expect(phone.getByTestId('greeting')).toHaveText('Hi, Two Devices');
  await phone.goto('/profile');
  await live(phone, testInfo);
  const devices = phone.getByTestId('devices');
  await expect(devices.getByTestId('device')).toHaveCount(2);
  await expect(devices.getByTestId('device').first()).toContainText('this device');
  await devices.getByRole('button', { name: 'Log out everywhere else' }).click();
  await expect(devices.getByTestId('device')).toHaveCount(1);
  await expect(phone.getByTestId('signed-in-as')).toHaveText(`Logged in as @${username}`);

  // The laptop's open page follows at once when it is live; without JavaScript, on its next page.
  if (testInfo.project.name !== 'hydrated') await laptop.reload();
  await expect(laptop.locator('.top-bar').getByRole('link', { name: 'Log in' })).toBeVisible();
  await expect(laptop.getByTestId('nav-profile')).toHaveCount(0);
});
