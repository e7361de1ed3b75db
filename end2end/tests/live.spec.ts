// Live updates: friends watching one run see each other's bids and readiness arrive without
// reloading (and a group page its new members), each on a different app instance (scripts/e2e starts two on one database and
// Redis; BULQ_OTHER_URL is the second). Hydrated only: without JavaScript a page shows what was
// true when it loaded.
import { expect, test } from '@playwright/test';
import { addProduct, confirmed, addStore, bid, joinWith, live, openRun, person, startGroup, unique } from './people';

test('a bid and a ready flag made on one instance show up on a friend\'s page on another', async ({ browser, baseURL }, testInfo) => {
  test.skip(testInfo.project.name === 'no-js', 'live updates need JavaScript');
  const leader = await person(browser, testInfo, 'Liv Leader');
  const { groupUrl, invite } = await startGroup(leader, testInfo, baseURL, `Live club ${unique('')}`);
  const storeName = `Market ${unique('')}`;
  await addStore(leader, testInfo, storeName);
  const rice = `Rice ${unique('')}`;
  await addProduct(leader, testInfo, rice, 'kg');
  const runUrl = await openRun(leader, testInfo, groupUrl, storeName);
  await bid(leader, testInfo, rice, '1');

  // The leader watches the group page while the friend joins, on the other instance: the
  // member list and count follow without a reload.
  await leader.goto(groupUrl);
  await live(leader, testInfo);
  const members = leader.getByTestId('members');
  await expect(members).not.toContainText('Fay Friend');
  const other = process.env.BULQ_OTHER_URL ?? baseURL ?? '';
  const onOther = (url: string) => url.replace(baseURL ?? '', other);
  const friend = await person(browser, testInfo, 'Fay Friend', onOther(invite));
  await joinWith(friend, testInfo);
  await expect(members).toContainText('Fay Friend');
  await expect(leader.locator('.page-header')).toContainText('2 members');
  await friend.goto(onOther(runUrl));
  expect(friend.url().startsWith(other)).toBe(true);
  await live(friend, testInfo);

  // The leader's page is open and is not reloaded from here on.
  await leader.goto(runUrl);
  await live(leader, testInfo);
  const total = leader.getByTestId(`product-${rice}`).getByTestId('total');
  await expect(total).toContainText('Total: 1 kg');

  // The leader typed a new quantity and looked away without sending it when the friend's bid
  // arrives (a focused field holds the reload back): the card renders again with the new total,
  // and what the leader typed is still there.
  const leaderQuantity = leader.getByTestId(`product-${rice}`).getByLabel(/Your quantity/);
  await leaderQuantity.fill('1.7');
  await leaderQuantity.blur();
  await bid(friend, testInfo, rice, '2.5');
  await expect(total).toContainText('Total: 3.5 kg');
  await expect(leaderQuantity).toHaveValue('1.7');
  await expect(leader.locator('.state-badge')).toHaveText('Bidding');

  await live(friend, testInfo);
  await friend.getByRole('button', { name: 'My order is complete' }).click();
  await expect(leader.getByTestId('readiness')).toHaveText('Everyone who bid is ready.');

  // The leader's bell counts the news (the run became active, everyone is ready) without a
  // reload; the notifications page lists it and marking it read clears the count.
  await expect(leader.getByTestId('unread-count')).toHaveText('2');
  await leader.getByTestId('nav-notifications').click();
  await expect(leader).toHaveURL(/\/notifications$/);
  const list = leader.getByTestId('notifications');
  await expect(list).toContainText(`${storeName}: everyone who bid is ready.`);
  await expect(list).toContainText(`${storeName}: the run is now “Bidding”.`);
  await live(leader, testInfo);
  await leader.getByRole('button', { name: 'Mark all read' }).click();
  await expect(leader.getByTestId('unread-count')).toHaveCount(0);
  await expect(list.locator('.unread')).toHaveCount(0);

  // On a page without an event stream of its own, the header listens itself: the friend, on
  // their profile, sees the count go up when the leader confirms.
  await friend.goto(`${other}/profile`);
  await live(friend, testInfo);
  await expect(friend.getByTestId('unread-count')).toHaveCount(0);
  await leader.goto(runUrl);
  await live(leader, testInfo);
  await confirmed(leader, leader.getByRole('button', { name: 'Confirm the run' }));
  await expect(leader.locator('.state-badge')).toHaveText('Confirmed');
  await expect(friend.getByTestId('unread-count')).toHaveText('1');
  // …and is told what happened in a toast, while the leader's own toast echoes the move.
  await expect(friend.getByTestId('toasts')).toContainText(`${storeName}: the run is now “Confirmed”.`);
  await expect(leader.getByTestId('toasts')).toContainText('The run is confirmed');
});
