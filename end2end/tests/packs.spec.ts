// Packs in real browsers: someone says the store sells jam by the case of 12, three friends bid
// 4, 3 (up to 2 more) and 2 (up to 3 more), the pack meter on everyone's page follows (live on
// another instance when hydrated, on reload without JavaScript), and "take the rest" completes
// the case in one press; then a case left open at confirmation is rounded up, shopped in cases
// and shared out to the cent. Runs hydrated and with JavaScript disabled.
import { expect, test, type Browser, type Page, type TestInfo } from '@playwright/test';
import { addProduct, addStore, confirmed, joinWith, live, openRun, person, startGroup, submitted, unique } from './people';

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

/// A leader with a group, a store and a jar product the store sells by the case of 12, set on
/// the product page (where the leader is after adding it).
async function caseOfTwelve(browser: Browser, testInfo: TestInfo, baseURL: string | undefined, names: { leader: string; product: string }) {
  const leader = await person(browser, testInfo, names.leader);
  const { groupUrl, invite } = await startGroup(leader, testInfo, baseURL, `Case club ${unique('')}`);
  const storeName = `Depot ${unique('')}`;
  await addStore(leader, testInfo, storeName);
  const jam = `${names.product} ${unique('')}`;
  await addProduct(leader, testInfo, jam, 'jar');

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
  return { leader, groupUrl, invite, storeName, jam };
}

test('three friends fill a case of 12 with tolerance and take the rest', async ({ browser, baseURL }, testInfo) => {
  test.setTimeout(120_000); // three people and a whole run
  const hydrated = testInfo.project.name === 'hydrated';
  // The product page says how the store sells it: cases of 12 jars, shared whole.
  const { leader, groupUrl, invite, storeName, jam } =
    await caseOfTwelve(browser, testInfo, baseURL, { leader: 'Pia Packer', product: 'Apricot jam' });

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

test('the leader rounds an open case up at confirmation and the shopper buys two cases', async ({ browser, baseURL }, testInfo) => {
  test.setTimeout(120_000); // two people and a whole run
  const { leader, groupUrl, invite, storeName, jam } =
    await caseOfTwelve(browser, testInfo, baseURL, { leader: 'Rita Rounder', product: 'Plum jam' });

  const runUrl = await openRun(leader, testInfo, groupUrl, storeName);
  await firstBid(leader, testInfo, jam, '4');
  const ana = await person(browser, testInfo, 'Ana Plum', invite);
  await joinWith(ana, testInfo);
  await ana.goto(runUrl);
  await bidWithTolerance(ana, testInfo, jam, '10', '2');
  await expect(ana.getByTestId(`product-${jam}`).getByTestId('total')).toContainText('Total: 14 jar');

  // 14 jars: one full case and 2 in the next, which Ana's 2 more cannot fill. By hand: rounding
  // down cuts the 2 over by 4 : 10 (0.57 and 1.43, whole jars by largest remainder: 1 and 1);
  // rounding up uses Ana's 2 and leaves 8 to the leader.
  await leader.reload();
  const plan = leader.getByTestId(`pack-plan-${jam}`);
  await expect(plan).toContainText('what people offered does not fill the open pack');
  await expect(plan).toContainText('Round down: buy 1 × 12 jar = 12 jar');
  await expect(plan).toContainText('Rita Rounder gets 3 jar (asked 4 jar) · Ana Plum gets 9 jar (asked 10 jar)');
  await expect(plan).toContainText('Round up: buy 2 × 12 jar = 24 jar');
  await expect(plan).toContainText('Ana Plum gets 12 jar (asked 10 jar) · Rita Rounder holds the 8 jar nobody asked for');
  await live(leader, testInfo);
  await plan.getByLabel(/^Round up/).check();
  await confirmed(leader, leader.getByRole('button', { name: 'Confirm anyway' }));
  await expect(leader.locator('.state-badge')).toHaveText('Confirmed');
  const card = leader.getByTestId(`product-${jam}`);
  await expect(card.getByTestId('pack-order'))
    .toHaveText('Confirmed: buying 2 × 12 jar = 24 jar · Rita Rounder holds the 8 jar nobody asked for');
  await expect(card.getByTestId('bidders')).toContainText('Ana Plum12 jarasked 10+2');

  // The list asks for cases, and a case is recorded with its price.
  await live(leader, testInfo);
  await leader.getByRole('button', { name: 'Start shopping' }).click();
  await expect(leader).toHaveURL(/\/shopping$/);
  const item = leader.getByTestId(`item-${jam}`);
  await expect(item.getByTestId('requested')).toHaveText('2 × 12 jar = 24 jar');
  await live(leader, testInfo);
  await expect(item.getByLabel('Packs bought (of 12 jar)')).toHaveValue('2');
  await item.getByLabel(/^Price per pack/).fill('10.00');
  await submitted(leader, item.getByRole('button', { name: 'Bought' }));
  await expect(leader.getByTestId('recorded').getByTestId(`item-${jam}`).getByTestId('outcome')).toContainText('= €20.00');
  await live(leader, testInfo);
  await confirmed(leader, leader.getByRole('button', { name: 'Done shopping' }));
  await expect(leader.locator('.state-badge')).toHaveText('Handing out');

  // By hand: 20.00 for 24 jars, 12 each: 10.00 each.
  const distribution = leader.getByTestId('distribution');
  await expect(distribution.getByTestId('person-Ana Plum').getByTestId('person-total')).toHaveText('€10.00');
  await expect(distribution.getByTestId('person-Rita Rounder').getByTestId('person-total')).toHaveText('€10.00');
  const csv = await (await leader.request.get(`${runUrl}/export.csv`)).text();
  expect(csv.split('\n')[0]).toContain('"Tolerance","After packs","Pack size","Packs to buy"');
  expect(csv).toContain(`"${jam}","jar","Ana Plum",10,false,12,in_full,0.83,10.00,false,24,24,20.00,EUR,2,12,12,2`);

  // The product page remembers the case's price as it was on the shelf.
  await leader.goto('/products');
  await leader.getByRole('link', { name: jam }).click();
  await expect(leader.getByTestId('current-prices')).toContainText('€0.83');
  await expect(leader.getByTestId('current-prices')).toContainText('€10.00 for 12 jar');
});
