// The bid flow and the shopping flow with the keyboard alone: Tab to a field, type, Enter; a
// confirmation dialog is answered with Tab and Enter. Only the set-up (a group, a store, a
// product, a run) uses the mouse. Hydrated project (the dialog is the hydrated confirmation).
import { expect, test, type Locator, type Page } from '@playwright/test';
import { addProduct, addStore, bid, joinWith, live, openRun, person, startGroup, submitted, unique } from './people';

/// Presses Tab until `target` has the focus (as a person would, never clicking).
async function tabTo(page: Page, target: Locator, limit = 120) {
  for (let presses = 0; presses < limit; presses++) {
    if (await target.evaluate((element) => element === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${target}`);
}

test('a leader bids, confirms, shops and finishes with the keyboard alone', async ({ browser, baseURL }, testInfo) => {
  test.skip(testInfo.project.name !== 'hydrated', 'the dialog is the hydrated confirmation');
  const leader = await person(browser, testInfo, 'Kira Keys');
  const { groupUrl, invite } = await startGroup(leader, testInfo, baseURL, `Keyboard club ${unique('')}`);
  const storeName = `Key store ${unique('')}`;
  await addStore(leader, testInfo, storeName);
  const flour = `Flour ${unique('')}`;
  await addProduct(leader, testInfo, flour, 'kg');
  const runUrl = await openRun(leader, testInfo, groupUrl, storeName);

  // Bid: find the product, bid 3 kg.
  await leader.goto(runUrl);
  await live(leader, testInfo);
  await tabTo(leader, leader.getByLabel('Find a product'));
  await leader.keyboard.type(flour);
  const found = leader.getByTestId('found-products').locator('.product-card', { hasText: flour });
  await expect(found).toBeVisible();
  await tabTo(leader, found.getByLabel(/Your quantity/));
  await leader.keyboard.type('3');
  await leader.keyboard.press('Enter');
  const card = leader.getByTestId(`product-${flour}`);
  await expect(card.getByTestId('total')).toContainText('Total: 3 kg');

  // (Set-up again: a friend's bid makes the run one to confirm.)
  const friend = await person(browser, testInfo, 'Finn Friend', invite);
  await joinWith(friend, testInfo);
  await friend.goto(runUrl);
  await bid(friend, testInfo, flour, '1');
  await submitted(friend, friend.getByRole('button', { name: 'My order is complete' }));
  await leader.reload();
  await expect(card.getByTestId('total')).toContainText('Total: 4 kg');

  // Confirm: the dialog opens on "Go back"; Tab moves to the confirming button.
  await live(leader, testInfo);
  await tabTo(leader, leader.getByRole('button', { name: 'Confirm the run' }));
  await leader.keyboard.press('Enter');
  const dialog = leader.getByRole('dialog');
  await expect(dialog.getByRole('button', { name: 'Go back' })).toBeFocused();
  await leader.keyboard.press('Tab');
  await expect(dialog.getByRole('button', { name: 'Confirm the run' })).toBeFocused();
  await leader.keyboard.press('Enter');
  await expect(leader.locator('.state-badge')).toHaveText('Confirmed');

  // Shop: start, record the 4 kg for 6.00 in total, finish.
  await live(leader, testInfo);
  await tabTo(leader, leader.getByRole('button', { name: 'Start shopping' }));
  await leader.keyboard.press('Enter');
  await expect(leader).toHaveURL(/\/shopping$/);
  await live(leader, testInfo);
  const item = leader.getByTestId(`item-${flour}`);
  await tabTo(leader, item.getByLabel(/^Quantity/));
  await leader.keyboard.type('4');
  await tabTo(leader, item.getByLabel('Total paid'));
  await leader.keyboard.type('6.00');
  await leader.keyboard.press('Enter');
  await expect(leader.getByTestId('recorded').getByTestId(`item-${flour}`)).toBeVisible();
  await expect(leader.getByTestId('spent')).toContainText('6.00');

  await live(leader, testInfo);
  await tabTo(leader, leader.getByRole('button', { name: 'Done shopping' }));
  await leader.keyboard.press('Enter');
  await leader.keyboard.press('Tab');
  await expect(dialog.getByRole('button', { name: 'Done shopping' })).toBeFocused();
  await leader.keyboard.press('Enter');
  await expect(leader).toHaveURL(runUrl);
  await expect(leader.locator('.state-badge')).not.toHaveText('Shopping');
});
