// The catalogue in a real browser: a member adds a store and a product, records the price they
// saw, sees it on the product's chart and history and on the store page, and finds the product
// with the header's search box. Runs hydrated and with JavaScript disabled.
import { expect, test, type Page, type TestInfo } from '@playwright/test';

const password = 'long enough secret 42';

function unique(prefix: string): string {
  return `${prefix}${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;
}

async function live(page: Page, testInfo: TestInfo) {
  if (testInfo.project.name === 'hydrated') {
    await page.locator('body[data-hydrated="true"]').waitFor();
  }
}

async function signUp(page: Page, testInfo: TestInfo) {
  await page.goto('/register');
  await live(page, testInfo);
  await page.getByLabel('Display name').fill('Petra Prices');
  await page.getByLabel('Username').fill(unique('petra_'));
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByLabel('Repeat the password').fill(password);
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByTestId('greeting')).toHaveText('Hi, Petra Prices');
}

test('a price seen in a store shows on the product chart and is found by search', async ({ page }, testInfo) => {
  await signUp(page, testInfo);
  const storeName = `Corner Wholesale ${unique('')}`;
  const productName = `Crème fraîche ${unique('')}`;

  await page.goto('/stores');
  await live(page, testInfo);
  const storeForm = page.getByTestId('add-store-form');
  await storeForm.getByLabel('Name').fill(storeName);
  await storeForm.getByLabel('Address').fill('12 Market Street');
  await storeForm.getByRole('button', { name: 'Add store' }).click();
  await expect(page.getByRole('heading', { name: storeName, level: 1 })).toBeVisible();
  await expect(page.getByText('No prices recorded at this store yet.')).toBeVisible();
  const storeUrl = page.url();

  await page.goto('/products');
  await live(page, testInfo);
  const productForm = page.getByTestId('add-product-form');
  await productForm.getByLabel('Name').fill(productName);
  await productForm.getByLabel('Brand').fill('Président');
  await productForm.getByLabel('Unit').fill('kg');
  await productForm.getByRole('button', { name: 'Add product' }).click();
  await expect(page.getByRole('heading', { name: productName, level: 1 })).toBeVisible();
  await expect(page.getByText('No prices recorded yet.')).toBeVisible();

  // Record the price: 12,49 typed the way a phone keyboard in Europe gives it.
  await live(page, testInfo);
  const priceForm = page.getByTestId('record-price-form');
  await priceForm.getByLabel('Store').selectOption({ label: storeName });
  await priceForm.getByLabel(/^Price/).fill('12,49');
  await priceForm.getByLabel('Note (optional)').fill('top shelf');
  await priceForm.getByRole('button', { name: 'Save price' }).click();

  const current = page.getByTestId('current-prices');
  await expect(current).toContainText(storeName);
  await expect(current).toContainText('€12.49');
  const chart = page.getByTestId('price-chart');
  await expect(chart).toBeVisible();
  await expect(chart.locator('svg[role="img"]')).toHaveAttribute('aria-label', new RegExp(productName));
  await expect(chart.locator('circle')).toHaveCount(1);
  await expect(chart.locator('.legend')).toContainText(storeName);
  // Lowest, average and highest per store: one price so far.
  await expect(chart.getByTestId('price-stats').getByRole('row', { name: storeName })).toHaveText(`${storeName}€12.49€12.49€12.49`);
  const history = page.getByTestId('price-history');
  await expect(history).toContainText('top shelf');
  await expect(history).toContainText('Petra Prices');

  // A mistyped price is refused in place and changes nothing.
  await live(page, testInfo);
  await priceForm.getByLabel(/^Price/).fill('12.499');
  await priceForm.getByRole('button', { name: 'Save price' }).click();
  await expect(page.getByTestId('record-price-form').getByRole('alert')).toContainText(
    'Please enter a price above zero',
  );
  await expect(page.getByTestId('price-chart').locator('circle')).toHaveCount(1);

  await page.goto(storeUrl);
  await expect(page.getByTestId('store-products')).toContainText(productName);
  await expect(page.getByTestId('store-products')).toContainText('€12.49 / kg');

  // Search ignores case and accents: "creme FRAICHE" finds "Crème fraîche".
  await live(page, testInfo);
  const search = page.getByRole('combobox', { name: 'Search products, stores and your groups' });
  await search.fill(`creme FRAICHE ${productName.split(' ').pop()}`);
  if (testInfo.project.name === 'hydrated') {
    const suggestions = page.getByTestId('search-suggestions');
    await expect(suggestions).toBeVisible();
    await expect(suggestions.getByRole('option').first()).toContainText(productName);
    await search.press('ArrowDown');
    await expect(search).toHaveAttribute('aria-activedescendant', 'search-option-0');
    await search.press('Enter');
  } else {
    await search.press('Enter');
    await expect(page.getByTestId('search-results')).toContainText(productName);
    await page.getByTestId('search-results').getByRole('link', { name: new RegExp(productName) }).click();
  }
  await expect(page.getByRole('heading', { name: productName, level: 1 })).toBeVisible();
});
