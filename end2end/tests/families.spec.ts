// Product families in real browsers at phone size: a family "Rice" and two variants made on the
// product pages, friends ask for any rice on a run, the shopper picks basmati in the store, the
// bids follow it, and each person's cost is checked against numbers worked out by hand. Runs
// hydrated and with JavaScript disabled.
import { expect, test, type Page, type TestInfo } from '@playwright/test';
import { addStore, bid, confirmed, joinWith, live, openRun, person, startGroup, submitted, unique } from './people';

/// Adds a product on the products page: a family, a variant of one, or neither.
async function addProduct(page: Page, testInfo: TestInfo, name: string, place: { family?: string; isFamily?: boolean }) {
  await page.goto('/products');
  await live(page, testInfo);
  const form = page.getByTestId('add-product-form');
  await form.getByLabel('Name').fill(name);
  await form.getByLabel('Unit').fill('kg');
  if (place.isFamily) await form.getByLabel(/This is a family of variants/).check();
  if (place.family) await form.getByLabel('Family', { exact: true }).selectOption({ label: place.family });
  await form.getByRole('button', { name: 'Add product' }).click();
  await expect(page.getByRole('heading', { name, level: 1 })).toBeVisible();
}

test('ask for any rice, the shopper picks basmati, and the bids and costs follow', async ({ browser, baseURL }, testInfo) => {
  test.setTimeout(120_000); // two people and a whole run
  const leader = await person(browser, testInfo, 'Fay Family');
  const { groupUrl, invite } = await startGroup(leader, testInfo, baseURL, `Rice club ${unique('')}`);
  const storeName = `Market ${unique('')}`;
  await addStore(leader, testInfo, storeName);
  const rice = `Rice ${unique('')}`;
  const basmati = `Basmati ${unique('')}`;
  const jasmine = `Jasmine ${unique('')}`;
  await addProduct(leader, testInfo, rice, { isFamily: true });
  await expect(leader.getByTestId('family-variants')).toContainText('No variants yet');
  await addProduct(leader, testInfo, basmati, { family: rice });
  await expect(leader.getByTestId('variant-of')).toHaveText(`Variant of ${rice}`);
  await addProduct(leader, testInfo, jasmine, { family: rice });
  await leader.getByTestId('variant-of').getByRole('link').click();
  await expect(leader.getByRole('heading', { name: rice, level: 1 })).toBeVisible();
  await expect(leader.getByTestId('family-variants')).toContainText(basmati);
  await expect(leader.getByTestId('family-variants')).toContainText(jasmine);
  await leader.goto(`/search?q=${encodeURIComponent(basmati)}`);
  await expect(leader.locator('main')).toContainText(`Variant of ${rice}`);

  // Ada will take 5 kg of any rice, the leader 3 kg.
  const runUrl = await openRun(leader, testInfo, groupUrl, storeName);
  const ada = await person(browser, testInfo, 'Ada Any', invite);
  await joinWith(ada, testInfo);
  await ada.goto(runUrl);
  await bid(ada, testInfo, rice, '5');
  const adaCard = ada.getByTestId(`product-${rice}`);
  await expect(adaCard.getByTestId('bidders')).toContainText('5');
  await expect(adaCard.getByTestId('family-note')).toHaveText('Any variant');
  await leader.goto(runUrl);
  await bid(leader, testInfo, rice, '3');
  await expect(leader.getByTestId(`product-${rice}`).getByTestId('total')).toContainText('8 kg');
  await live(leader, testInfo);
  await confirmed(leader, leader.getByRole('button', { name: 'Confirm anyway' }));
  await live(leader, testInfo);
  await leader.getByRole('button', { name: 'Start shopping' }).click();
  await expect(leader).toHaveURL(/\/shopping$/);

  // In the store: basmati it is, 8 kg for 20.00.
  await live(leader, testInfo);
  const item = leader.getByTestId(`item-${rice}`);
  await expect(item.getByTestId('requested')).toHaveText('8 kg');
  await item.getByLabel('Which one did you buy?').selectOption({ label: `${basmati} · kg` });
  await item.getByLabel(/^Quantity/).fill('8');
  await item.getByLabel('Total paid').fill('20.00');
  await submitted(leader, item.getByRole('button', { name: 'Bought' }));
  const bought = leader.getByTestId('recorded').getByTestId(`item-${basmati}`);
  await expect(bought).toBeVisible();
  await expect(bought.getByTestId('for-family')).toHaveText(`For “any ${rice}”`);
  await expect(leader.getByTestId(`item-${rice}`)).toHaveCount(0);
  await live(leader, testInfo);
  await confirmed(leader, leader.getByRole('button', { name: 'Done shopping' }));
  await expect(leader.locator('.state-badge')).toHaveText('Handing out');

  // By hand: 20.00 for 8 kg is 2.50 a kilo: Ada 5 kg = 12.50, the leader 3 kg = 7.50.
  const distribution = leader.getByTestId('distribution');
  await expect(distribution.getByTestId('person-Ada Any').getByTestId('person-total')).toHaveText('€12.50');
  await expect(distribution.getByTestId('person-Fay Family').getByTestId('person-total')).toHaveText('€7.50');
  await expect(distribution.getByTestId('person-Ada Any').getByTestId(`share-${basmati}`).getByTestId('share-quantity'))
    .toHaveText('5 kg');
  await ada.reload();
  await expect(ada.getByTestId(`product-${basmati}`).getByTestId('family-note')).toHaveText(`For “any ${rice}”`);
});
