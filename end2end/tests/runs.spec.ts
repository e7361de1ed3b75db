// A run in real browsers: a leader opens one, two friends bid (one only interested), totals
// update, both say they are ready, the leader is told and confirms, reopens and confirms again;
// someone outside the group cannot open the run; the leader changes the day and comment later. Runs hydrated and with JavaScript disabled.
import { expect, test } from '@playwright/test';
import { addProduct, confirmed, addStore, bid, joinWith, live, openRun, person, startGroup, submitted, unique } from './people';

test('friends bid, get ready, and the leader confirms, reopens and confirms again', async ({ browser, baseURL }, testInfo) => {
  const leader = await person(browser, testInfo, 'Lena Leader');
  await expect(leader.getByTestId('greeting')).toHaveText('Hi, Lena Leader');

  // The world: a group, a store, a product.
  const { groupUrl, invite } = await startGroup(leader, testInfo, baseURL, `Bulk club ${unique('')}`);
  const storeName = `Warehouse ${unique('')}`;
  await addStore(leader, testInfo, storeName);
  const oats = `Rolled oats ${unique('')}`;
  await addProduct(leader, testInfo, oats, 'kg');

  // The leader opens a run at the store.
  const runUrl = await openRun(leader, testInfo, groupUrl, storeName, 'Saturday morning, meet at the entrance');
  await expect(leader.getByRole('heading', { name: storeName, level: 1 })).toBeVisible();
  await expect(leader.locator('.state-badge')).toHaveText('Planning');

  // Two friends join the group and bid: one 2.5 kg, one only interested.
  const ada = await person(browser, testInfo, 'Ada Bidder', invite);
  await joinWith(ada, testInfo);
  const bo = await person(browser, testInfo, 'Bo Curious', invite);
  await joinWith(bo, testInfo);

  await ada.goto(runUrl);
  await bid(ada, testInfo, oats, '2,5');
  const adaCard = ada.getByTestId(`product-${oats}`);
  await expect(adaCard.getByTestId('total')).toContainText('Total: 2.5 kg');
  await expect(ada.locator('.state-badge')).toHaveText('Bidding');

  await bo.goto(runUrl);
  await bid(bo, testInfo, oats, 'interested');
  const boCard = bo.getByTestId(`product-${oats}`);
  await expect(boCard.getByTestId('total')).toContainText('Total: 2.5 kg');
  await expect(boCard.getByTestId('total')).toContainText('1 interested');
  await expect(boCard.getByTestId('bidders')).toContainText('Ada Bidder2.5 kg');
  await expect(boCard.getByTestId('bidders')).toContainText('Bo Curiousinterested');

  // Bo removes his bid and marks his interest again.
  await live(bo, testInfo);
  await boCard.getByRole('button', { name: 'Remove my bid' }).click();
  await expect(boCard.getByTestId('bidders')).not.toContainText('Bo Curious');
  await expect(boCard.getByTestId('total')).not.toContainText('interested');
  await expect(boCard.getByRole('button', { name: 'Remove my bid' })).toHaveCount(0);
  await bid(bo, testInfo, oats, 'interested');
  await expect(boCard.getByTestId('total')).toContainText('1 interested');

  // The leader waits for both, who say they are ready.
  await leader.reload();
  await expect(leader.getByTestId('readiness')).toHaveText('Waiting for: Ada Bidder, Bo Curious');
  for (const friend of [ada, bo]) {
    await friend.reload();
    await live(friend, testInfo);
    await friend.getByRole('button', { name: 'My order is complete' }).click();
    await expect(friend.getByText('You said your order is complete.')).toBeVisible();
  }

  await leader.reload();
  await expect(leader.getByTestId('readiness')).toHaveText('Everyone who bid is ready.');
  await expect(leader.getByTestId('participant-Ada Bidder')).toContainText('Ready');
  await live(leader, testInfo);
  await confirmed(leader, leader.getByRole('button', { name: 'Confirm the run' }));
  await expect(leader.locator('.state-badge')).toHaveText('Confirmed');

  // Bids are frozen for everyone now.
  await ada.reload();
  await expect(ada.locator('.state-badge')).toHaveText('Confirmed');
  await expect(ada.getByTestId('bid-form')).toHaveCount(0);

  await live(leader, testInfo);
  await confirmed(leader, leader.getByRole('button', { name: 'Reopen for bidding' }));
  await expect(leader.locator('.state-badge')).toHaveText('Bidding');
  await live(leader, testInfo);
  await confirmed(leader, leader.getByRole('button', { name: 'Confirm the run' }));
  await expect(leader.locator('.state-badge')).toHaveText('Confirmed');

  // Someone outside the group cannot see the run at all.
  const stranger = await person(browser, testInfo, 'Sam Stranger');
  await expect(stranger.getByTestId('greeting')).toBeVisible();
  const response = await stranger.goto(runUrl);
  expect(response?.status()).toBe(404);
  await expect(stranger.getByRole('alert')).toContainText('not in one of your groups');
});

test('the leader adds a new product inline, then cancels the run with a reason', async ({ browser }, testInfo) => {
  const leader = await person(browser, testInfo, 'Carl Canceller');
  await live(leader, testInfo);
  await leader.getByLabel('Group name').fill(`Cancel club ${unique('')}`);
  await leader.getByRole('button', { name: 'Create group' }).click();
  await expect(leader).toHaveURL(/\/groups\/[0-9a-f-]{36}$/);
  const groupUrl = leader.url();
  const storeName = `Corner shop ${unique('')}`;
  await leader.goto('/stores');
  await live(leader, testInfo);
  await leader.getByTestId('add-store-form').getByLabel('Name').fill(storeName);
  await leader.getByRole('button', { name: 'Add store' }).click();
  await expect(leader.getByRole('heading', { name: storeName, level: 1 })).toBeVisible();
  await leader.goto(groupUrl);
  await live(leader, testInfo);
  await leader.getByTestId('new-run-form').getByLabel('Store').selectOption({ label: storeName });
  await leader.getByRole('button', { name: 'Start run' }).click();
  await expect(leader).toHaveURL(/\/runs\/[0-9a-f-]{36}$/);

  // A product the catalogue does not have yet is added and bid on in one go.
  const water = `Sparkling water ${unique('')}`;
  await live(leader, testInfo);
  await leader.getByLabel('Find a product').fill(water);
  if (testInfo.project.name === 'no-js') {
    await leader.getByRole('button', { name: 'Find' }).click();
  }
  const inline = leader.getByTestId('new-product-bid');
  await expect(inline.getByLabel('Name')).toHaveValue(water);
  await live(leader, testInfo);
  await inline.getByLabel('Unit').fill('bottle');
  await inline.getByLabel('Your quantity').fill('6');
  await inline.getByRole('button', { name: 'Add and bid' }).click();
  await expect(leader.getByTestId(`product-${water}`).getByTestId('total')).toContainText('Total: 6 bottle');
  await expect(leader.locator('.state-badge')).toHaveText('Planning');

  // The leader moves the shopping day and says where to meet, after opening the run.
  await live(leader, testInfo);
  await leader.getByText('Change the day or comment', { exact: true }).click();
  const edit = leader.getByTestId('edit-run-form');
  await edit.getByLabel('Shopping day').fill('2031-05-17');
  await edit.getByLabel('Comment').fill('Meet at the bottle bank');
  await submitted(leader, edit.getByRole('button', { name: 'Save', exact: true }));
  await expect(leader.locator('.run-info')).toContainText('Meet at the bottle bank');
  await expect(leader.locator('.run-info')).toContainText('May 17, 2031');

  await live(leader, testInfo);
  await leader.getByText('Cancel the run', { exact: true }).first().click();
  const form = leader.getByTestId('cancel-form');
  await form.getByLabel('Why (optional, everyone sees it)').fill('The car broke down');
  await confirmed(leader, form.getByRole('button', { name: 'Cancel the run' }));
  await expect(leader.locator('.state-badge')).toHaveText('Cancelled');
  await expect(leader.getByTestId('cancelled')).toContainText('“The car broke down”');
  await expect(leader.getByTestId('leader-panel')).toHaveCount(0);
});
