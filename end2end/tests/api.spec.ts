// API tokens as a person makes them: from the profile, on a phone, with and without JavaScript.
// The token is shown once and works with the JSON API; revoking asks first and stops it at once.
import { expect, test } from '@playwright/test';
import { confirmed, live, person, submitted } from './people';

test('a token made in the profile is shown once, works, and stops when revoked', async ({ browser, request }, testInfo) => {
  const page = await person(browser, testInfo, 'Tokens');
  await page.goto('/profile');
  await live(page, testInfo);
  await page.getByTestId('api-tokens-link').click();
  await live(page, testInfo);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('API tokens');
  await expect(page.getByTestId('api-tokens')).toContainText('You have no tokens.');

  const form = page.getByTestId('create-api-token');
  await form.getByLabel('Name').fill('Kitchen tablet');
  await form.getByLabel('What it may do').selectOption('write');
  await submitted(page, form.getByRole('button', { name: 'Make token' }));

  const fresh = page.getByTestId('new-api-token');
  await expect(fresh).toContainText('Kitchen tablet');
  const secret = await fresh.locator('input').inputValue();
  expect(secret).toMatch(/^bulq_pat_[A-Za-z0-9_-]{43}$/);
  const row = page.getByTestId('api-token');
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('Read and change');
  await expect(row).toContainText('never used');

  const me = await request.get('/api/v1/me', { headers: { authorization: `Bearer ${secret}` } });
  expect(me.status()).toBe(200);
  expect((await me.json()).token_scope).toBe('write');

  // Shown once: coming back to the page does not show it again.
  await page.reload();
  await live(page, testInfo);
  await expect(page.getByTestId('new-api-token')).toHaveCount(0);
  await expect(page.getByTestId('api-token')).toContainText('last used');

  await confirmed(page, page.getByTestId('api-token').getByRole('button', { name: 'Revoke' }));
  await page.goto('/profile/api-tokens');
  await live(page, testInfo);
  await expect(page.getByTestId('api-token')).toHaveCount(0);
  const refused = await request.get('/api/v1/me', { headers: { authorization: `Bearer ${secret}` } });
  expect(refused.status()).toBe(401);
  expect((await refused.json()).code).toBe('TOKEN_INVALID');
});

test('the API reference is served from the app itself', async ({ page, baseURL }, testInfo) => {
  test.skip(testInfo.project.name === 'no-js', 'Swagger UI is a script; the document itself is JSON');
  const elsewhere: string[] = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.protocol !== 'data:' && url.host !== new URL(baseURL!).host) elsewhere.push(request.url());
  });
  await page.goto('/api/v1/docs/');
  await expect(page.getByRole('heading', { name: /Bulq API/ })).toBeVisible();
  await expect(page.getByText('/runs/{run_id}/bids/{product_id}').first()).toBeVisible();
  expect(elsewhere).toEqual([]);
});
