// A run from confirmed to completed in real browsers at phone size: the leader shops (oats come
// up short, oil over), friends adjust, the leader shares out anyway, hands everything out and
// completes the run; every person's cost is checked against numbers worked out by hand. Also the
// exports. Runs hydrated and with JavaScript disabled.
import { expect, test, type Page, type TestInfo } from '@playwright/test';
import { addProduct, confirmed, addStore, bid, joinWith, live, openRun, person, startGroup, submitted, unique } from './people';

/// Bids and waits until the bid shows on the product's card.
async function bidAndSee(page: Page, testInfo: TestInfo, product: string, quantity: string) {
  await bid(page, testInfo, product, quantity);
  await expect(page.getByTestId(`product-${product}`).getByTestId('bidders')).toContainText(quantity);
}

async function record(page: Page, testInfo: TestInfo, product: string, quantity: string, price: { unit?: string; total?: string }) {
  await live(page, testInfo);
  const item = page.getByTestId(`item-${product}`);
  await item.getByLabel(/^Quantity/).fill(quantity);
  if (price.unit) await item.getByLabel(/^Price per unit/).fill(price.unit);
  if (price.total) await item.getByLabel('Total paid').fill(price.total);
  await item.getByRole('button', { name: 'Bought' }).click();
  await expect(page.getByTestId('recorded').getByTestId(`item-${product}`)).toBeVisible();
}

test('shop with a shortage and a surplus, adjust, share out, hand out and complete', async ({ browser, baseURL }, testInfo) => {
  test.setTimeout(120_000); // three people and a whole run
  const leader = await person(browser, testInfo, 'Lina Leader');
  const { groupUrl, invite } = await startGroup(leader, testInfo, baseURL, `Shopping club ${unique('')}`);
  const storeName = `Depot ${unique('')}`;
  await addStore(leader, testInfo, storeName);
  const oats = `Oats ${unique('')}`;
  const oil = `Oil ${unique('')}`;
  await addProduct(leader, testInfo, oats, 'kg');
  await addProduct(leader, testInfo, oil, 'bottle');
  const runUrl = await openRun(leader, testInfo, groupUrl, storeName);

  // Oats: Ada 2 kg, Bo 1 kg. Oil: the leader 1, Ada 1.
  const ada = await person(browser, testInfo, 'Ada Adjuster', invite);
  await joinWith(ada, testInfo);
  const bo = await person(browser, testInfo, 'Bo Buyer', invite);
  await joinWith(bo, testInfo);
  await ada.goto(runUrl);
  await bidAndSee(ada, testInfo, oats, '2');
  await bidAndSee(ada, testInfo, oil, '1');
  await bo.goto(runUrl);
  await bidAndSee(bo, testInfo, oats, '1');
  await leader.reload();
  await bidAndSee(leader, testInfo, oil, '1');

  await live(leader, testInfo);
  await confirmed(leader, leader.getByRole('button', { name: 'Confirm anyway' }));
  await expect(leader.locator('.state-badge')).toHaveText('Confirmed');
  await expect(leader.getByTestId('estimated-costs')).toHaveCount(0); // no prices seen yet

  // In the store: 2 kg of oats for 9.99 in total (1 short), 3 bottles of oil at 5.00 (1 over).
  await live(leader, testInfo);
  await leader.getByRole('button', { name: 'Start shopping' }).click();
  await expect(leader).toHaveURL(/\/shopping$/);
  await expect(leader.getByTestId(`item-${oats}`).getByTestId('requested')).toHaveText('3 kg');
  // A price on the shelf, noted without buying: every shopper's list shows it.
  await live(leader, testInfo);
  const notePrice = leader.getByTestId(`item-${oil}`).getByTestId('note-price');
  await notePrice.getByText('Saw a price on the shelf').click();
  await notePrice.getByLabel(/^Price/).fill('4.50');
  await notePrice.getByLabel('Note (optional)').fill('on sale');
  await submitted(leader, notePrice.getByRole('button', { name: 'Save price' }));
  await expect(leader.getByTestId(`item-${oil}`).getByTestId('seen-price')).toContainText(/Last seen €4\.50 on .* · on sale/);
  await expect(leader.getByTestId(`item-${oil}`).getByTestId('purchase-form')).toBeVisible(); // not bought
  await record(leader, testInfo, oats, '2', { total: '9.99' });
  await record(leader, testInfo, oil, '3', { unit: '5.00' });
  await expect(leader.getByTestId('recorded').getByTestId(`item-${oil}`).getByTestId('outcome')).toContainText('= €15.00');
  await expect(leader.getByTestId('spent')).toContainText('24.99');
  await live(leader, testInfo);
  await confirmed(leader, leader.getByRole('button', { name: 'Done shopping' }));
  await expect(leader).toHaveURL(/\/runs\/[0-9a-f-]{36}$/);
  await expect(leader.locator('.state-badge')).toHaveText('Adjusting');

  // Ada sees the shortage and lowers her oats by half a kilo; more than that is refused.
  await ada.reload();
  const adaOats = ada.getByTestId(`product-${oats}`);
  await expect(adaOats.getByTestId('bought-line')).toHaveText('Bought 2 kg: need to remove 1 kg');
  await expect(adaOats.getByTestId('adjust-hint')).toHaveText('You can choose from 1 kg to 2 kg.');
  await expect(ada.getByTestId(`product-${oil}`).getByTestId('bought-line')).toHaveText('Bought 3 bottle: 1 bottle extra available');
  await live(ada, testInfo);
  await adaOats.getByLabel(/Your quantity/).fill('0.5');
  await adaOats.getByRole('button', { name: 'Update' }).click();
  await expect(ada.getByRole('alert')).toContainText('leave some of what was bought unclaimed'); // only under the oats
  await ada.goto(runUrl);
  await live(ada, testInfo);
  await ada.getByTestId(`product-${oats}`).getByLabel(/Your quantity/).fill('1.5');
  await ada.getByTestId(`product-${oats}`).getByRole('button', { name: 'Update' }).click();
  await expect(ada.getByTestId(`product-${oats}`).getByTestId('bought-line')).toHaveText('Bought 2 kg: need to remove 0.5 kg');

  // The leader shares out anyway: oats cut in proportion (2 kg of 2.5 asked: Ada 1.2, Bo 0.8),
  // the extra bottle of oil goes to the leader.
  await leader.reload();
  await expect(leader.getByTestId('finish-adjusting')).toContainText('2 products still have');
  await live(leader, testInfo);
  await confirmed(leader, leader.getByRole('button', { name: 'Share out anyway' }));
  await expect(leader.locator('.state-badge')).toHaveText('Handing out');
  await expect(leader.getByTestId(`product-${oats}`).getByTestId('bought-line'))
    .toHaveText('Bought 2 kg of 2.5 kg: every share was cut in proportion');

  // By hand: oats 9.99 for 2 kg → Ada 1.2 kg = 5.994 → 5.99, Bo 0.8 kg = 3.996 → 4.00 (the
  // left-over cent goes to the larger remainder); oil 15.00 for 3 → 5.00 each, the leader 2.
  const distribution = leader.getByTestId('distribution');
  await expect(distribution.getByTestId('person-Ada Adjuster').getByTestId('person-total')).toHaveText('€10.99');
  await expect(distribution.getByTestId('person-Bo Buyer').getByTestId('person-total')).toHaveText('€4.00');
  await expect(distribution.getByTestId('person-Lina Leader').getByTestId('person-total')).toHaveText('€10.00');
  await expect(distribution).toContainText('Paid in total: €24.99');
  const adaShare = distribution.getByTestId('person-Ada Adjuster').getByTestId(`share-${oats}`);
  await expect(adaShare.getByTestId('share-quantity')).toHaveText('1.2 kg');
  await expect(adaShare.getByTestId('share-reason')).toContainText('You asked for 1.5 kg');
  await expect(distribution.getByTestId('person-Lina Leader').getByTestId(`share-${oil}`).getByTestId('share-reason'))
    .toContainText('Includes 1 bottle bought beyond');

  // Ada sees her own card first, with the same numbers.
  await ada.reload();
  await expect(ada.locator('.person-card').first()).toHaveAttribute('data-testid', 'person-Ada Adjuster');

  // Exports, for the leader.
  const csv = await leader.request.get(`${runUrl}/export.csv`);
  expect(csv.status()).toBe(200);
  expect(csv.headers()['content-disposition']).toContain('attachment');
  const text = await csv.text();
  expect(text.split('\n')[0]).toContain('"Product","Unit","Person","Asked"');
  expect(text).toContain(`"${oats}","kg","Bo Buyer",1,false,0.8,shortage_cut,5.00,4.00,false,3,2,9.99`);
  const json = await leader.request.get(`${runUrl}/export.json`);
  expect((await json.json()).total_paid_minor).toBe(2499);
  expect((await ada.request.get(`${runUrl}/export.csv`)).status()).toBe(403);
  await leader.goto(`${runUrl}/print/distribution`);
  await expect(leader.getByTestId('print-distribution')).toContainText('Bo Buyer · €4.00');
  await leader.goto(`${runUrl}/print/shopping`);
  await expect(leader.getByTestId('print-shopping')).toContainText(oats);

  // Handing out: one item, then everything per person; the run completes once all is picked up.
  await leader.goto(runUrl);
  await live(leader, testInfo);
  await leader.getByTestId('person-Bo Buyer').getByRole('button', { name: 'Picked up everything' }).click();
  await expect(leader.getByTestId('person-Bo Buyer')).toContainText('Picked up');
  await live(leader, testInfo);
  await leader.getByRole('button', { name: 'Complete the run' }).click();
  await expect(leader.getByTestId('complete-run').getByRole('alert')).toContainText('not been picked up');
  for (const name of ['Ada Adjuster', 'Lina Leader']) {
    await leader.goto(runUrl);
    await live(leader, testInfo);
    await leader.getByTestId(`person-${name}`).getByRole('button', { name: 'Picked up everything' }).click();
    await expect(leader.getByTestId(`person-${name}`).locator('.chip.ready').first()).toBeVisible();
  }
  await leader.goto(runUrl);
  await live(leader, testInfo);
  await leader.getByRole('button', { name: 'Complete the run' }).click();
  await expect(leader.locator('.state-badge')).toHaveText('Completed');

  // A run with prices fixes the group's currency.
  await leader.goto(`${groupUrl}/manage`);
  await expect(leader.getByTestId('currency-locked')).toBeVisible();
  await expect(leader.getByTestId('currency-form')).toHaveCount(0);

  // Ada's profile counts the run and what she spent.
  await ada.goto('/profile');
  await expect(ada.getByTestId('money-spent')).toHaveText('€10.99');
});
