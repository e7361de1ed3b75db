// Packs in real browsers: someone says the store sells jam by the case of 12, three friends bid
// 4, 3 (up to 2 more) and 2 (up to 3 more), the pack meter on everyone's page follows (live on
// another instance when hydrated, on reload without JavaScript), and "take the rest" completes
// the case in one press. Runs hydrated and with JavaScript disabled.
import { expect, test, type Page, type TestInfo } from '@playwright/test';
import { addProduct, addStore, joinWith, live, openRun, person, startGroup, submitted, unique } from './people';

/// Bids `quantity` with up to `tolerance` more on the product's card of the run page.
async function bidWithTolerance(page: Page, testInfo: TestInfo, product: string, quantity: string, tolerance: string) {
  await live(page, testInfo);
  const card = page.getByTestId(`product-${product}`);
  await card.getByLabel(/Your quantity/).fill(quantity);
  await card.getByLabel('Up to this much more, to fill a pack').fill(tolerance);
  await submitted(page, card.getByRole('button', { name: /^(Bid|Update)$/ }));
}

/// Bids on a product of the catalogue the run does not have yet, found through the search.
async function firstBid(page: Page, testInfo: TestInfo, product: string, quantity: string) {
  await live(page, testInfo);
  await page.getByLabel('Find a product').fill(product);
  if (testInfo.project.name === 'no-js') {
    await page.getByRole('button', { name: 'Find' }).click();
  }
  const card = page.getByTestId('found-products').locator('.product-card', { hasText: product });
  await expect(card).toBeVisible();
  await live(page, testInfo);
  await card.getByLabel(/Your quantity/).fill(quantity);
  await submitted(page, card.getByRole('button', { name: 'Bid' }));
}

test('three friends fill a case of 12 with tolerance and take the rest', async ({ browser, baseURL }, testInfo) => {
  test.setTimeout(120_000); // three people and a whole run
  const hydrated = testInfo.project.name === 'hydrated';
  const leader = await person(browser, testInfo, 'Pia Packer');
  const { groupUrl, invite } = await startGroup(leader, testInfo, baseURL, `Case club ${unique('')}`);
  const storeName = `Depot ${unique('')}`;
  await addStore(leader, testInfo, storeName);
  const jam = `Apricot jam ${unique('')}`;
  await addProduct(leader, testInfo, jam, 'jar');

  // The product page says how the store sells it: cases of 12 jars, shared whole.
  const packs = leader.getByTestId('packs');
  await expect(packs).toContainText('No store is known to sell this by the pack.');
  await live(leader, testInfo);
  const form = leader.getByTestId('pack-form');
  await form.getByLabel('Store').selectOption({ label: storeName });
  await form.getByLabel('Pack size (optional)').fill('12');
  await expect(form.getByLabel('Shared in whole units (jars, tins, bottles)')).toBeChecked();
  await submitted(leader, form.getByRole('button', { name: 'Save how it is sold' }));
  await expect(leader.getByTestId('store-packs')).toContainText(storeName);
  await expect(leader.getByTestId('store-packs')).toContainText('Sold in packs of 12 jar');

  const runUrl = await openRun(leader, testInfo, groupUrl, storeName);
  await firstBid(leader, testInfo, jam, '4');
  const card = (page: Page) => page.getByTestId(`product-${jam}`);
  await expect(card(leader).getByTestId('pack-terms')).toHaveText('Sold in packs of 12 jar');
  await expect(card(leader).getByTestId('pack-meter')).toContainText('4 of 12 jar in the open pack — 8 more fills it');
  await expect(leader.getByTestId('pack-rule')).toContainText('shared in proportion to what each offered');

  // Two friends, the second watching on the other instance.
  const other = process.env.BULQ_OTHER_URL ?? baseURL ?? '';
  const ana = await person(browser, testInfo, 'Ana Jar', invite);
  await joinWith(ana, testInfo);
  const bojan = await person(browser, testInfo, 'Bojan Jar', invite);
  await joinWith(bojan, testInfo);
  await bojan.goto(runUrl.replace(baseURL ?? '', other));
  await live(bojan, testInfo);
  const watched = card(bojan).getByTestId('pack-meter');
  await expect(watched).toContainText('4 of 12 jar');

  await ana.goto(runUrl);
  // A first bid, then a change that adds tolerance (the plain one-statement path).
  await bidWithTolerance(ana, testInfo, jam, '3', '');
  await bidWithTolerance(ana, testInfo, jam, '3', '2');
  await expect(card(ana).getByTestId('bidders')).toContainText('Ana Jar3 jar+2');
  await expect(card(ana).getByTestId('pack-meter')).toContainText('7 of 12 jar in the open pack — 5 more fills it');
  await expect(card(ana).getByTestId('pack-meter')).toContainText('Offered to fill it: 2 jar — still missing 3 jar');
  if (!hydrated) {
    await bojan.reload();
  }
  await expect(watched).toContainText('7 of 12 jar in the open pack — 5 more fills it');

  // A fraction of a jar, or more tolerance than a case, is refused in place.
  await bidWithTolerance(ana, testInfo, jam, '3', '13');
  await expect(card(ana)).toContainText('from 0 up to one pack');

  // Bojan's 2 (up to 3 more) completes the case with what was offered.
  await live(bojan, testInfo);
  await bidWithTolerance(bojan, testInfo, jam, '2', '3');
  await expect(watched).toContainText('9 of 12 jar — what people offered fills the pack');
  await expect(watched).toContainText('1 pack to buy');
  if (!hydrated) {
    await leader.reload();
  }
  await expect(card(leader).getByTestId('pack-meter')).toContainText('9 of 12 jar — what people offered fills the pack');

  // Ana would rather take the rest herself: +3 makes her 6, and the case is full by bids alone.
  await ana.reload();
  await live(ana, testInfo);
  await submitted(ana, card(ana).getByRole('button', { name: 'Take the rest: +3 jar' }));
  await expect(card(ana).getByTestId('total')).toContainText('Total: 12 jar');
  await expect(card(ana).getByTestId('pack-meter')).toContainText('Every pack is full (12 jar each)');
  await expect(card(ana).getByTestId('bidders')).toContainText('Ana Jar6 jar+2');
  if (!hydrated) {
    await bojan.reload();
  }
  await expect(watched).toContainText('Every pack is full');
  await expect(card(bojan).getByRole('button', { name: /Take the rest/ })).toHaveCount(0);
});
