// Money between friends in real browsers at phone size: a run where two people paid the store
// and one paid the fuel, the group's balances and the transfer that settles them checked by hand,
// then the repayment recorded by the payer and confirmed by the receiver in another browser,
// until everyone is square. Runs hydrated and with JavaScript disabled.
import { execFileSync } from 'node:child_process';
import { expect, test } from '@playwright/test';
import { addProduct, addStore, bid, confirmed, joinWith, live, openRun, person, startGroup, submitted, unique } from './people';

test('two payers, balances by hand, one repayment confirmed: everyone square', async ({ browser, baseURL }, testInfo) => {
  test.setTimeout(120_000); // two people and a whole run
  const ana = await person(browser, testInfo, 'Ana Payer');
  const { groupUrl, invite } = await startGroup(ana, testInfo, baseURL, `Money club ${unique('')}`);
  const storeName = `Till ${unique('')}`;
  await addStore(ana, testInfo, storeName);
  const oil = `Oil ${unique('')}`;
  await addProduct(ana, testInfo, oil, 'bottle');
  const runUrl = await openRun(ana, testInfo, groupUrl, storeName);
  const bob = await person(browser, testInfo, 'Bob Owes', invite);
  await joinWith(bob, testInfo);
  await bob.goto(runUrl);
  await bid(bob, testInfo, oil, '2');
  await expect(bob.getByTestId(`product-${oil}`).getByTestId('bidders')).toContainText('2');
  await ana.goto(runUrl);
  await bid(ana, testInfo, oil, '1');
  await expect(ana.getByTestId(`product-${oil}`).getByTestId('total')).toContainText('3');
  await live(ana, testInfo);
  await confirmed(ana, ana.getByRole('button', { name: 'Confirm anyway' }));
  await live(ana, testInfo);
  await ana.getByRole('button', { name: 'Start shopping' }).click();
  await expect(ana).toHaveURL(/\/shopping$/);
  await live(ana, testInfo);
  const item = ana.getByTestId(`item-${oil}`);
  await item.getByLabel(/^Quantity/).fill('3');
  await item.getByLabel('Total paid').fill('30.00');
  await submitted(ana, item.getByRole('button', { name: 'Bought' }));
  await expect(ana.getByTestId('recorded').getByTestId(`item-${oil}`)).toBeVisible();
  await live(ana, testInfo);
  await confirmed(ana, ana.getByRole('button', { name: 'Done shopping' }));
  await expect(ana.locator('.state-badge')).toHaveText('Handing out');

  // Whoever recorded the purchase paid, until the leader says otherwise: Bob paid 12.00 of it.
  const payers = ana.getByTestId('payers');
  await expect(payers.getByTestId('payer-list')).toHaveText('Ana Payer paid the store €30.00');
  await live(ana, testInfo);
  await payers.getByText('Change who paid').click();
  await payers.getByLabel('Ana Payer paid (EUR)').fill('20.00');
  await payers.getByLabel('Bob Owes paid (EUR)').fill('12.00');
  await submitted(ana, payers.getByRole('button', { name: 'Save who paid' }));
  await expect(payers.getByRole('alert')).toContainText('add up to exactly what was bought');
  await live(ana, testInfo);
  if (!(await payers.getByLabel('Ana Payer paid (EUR)').isVisible())) await payers.getByText('Change who paid').click();
  await payers.getByLabel('Ana Payer paid (EUR)').fill('18.00');
  await payers.getByLabel('Bob Owes paid (EUR)').fill('12.00');
  await submitted(ana, payers.getByRole('button', { name: 'Save who paid' }));
  await expect(payers.getByTestId('payer-list')).toContainText('Bob Owes paid the store €12.00');

  // Ana also paid 3.00 of fuel, split equally between the two who got goods.
  await live(ana, testInfo);
  const costForm = ana.getByTestId('extra-cost-form');
  // Open the form; a live refresh from the save above redraws the card but keeps it open.
  await expect(async () => {
    if (!(await costForm.getByLabel('What', { exact: true }).isVisible())) {
      await ana.getByText('Add a shared cost').click();
    }
    await expect(costForm.getByLabel('What', { exact: true })).toBeVisible({ timeout: 1000 });
  }).toPass();
  await costForm.getByLabel('What', { exact: true }).fill('Fuel');
  await costForm.getByLabel('Amount (EUR)').fill('3.00');
  await costForm.getByLabel('Paid by').selectOption({ label: 'Ana Payer' });
  await submitted(ana, costForm.getByRole('button', { name: 'Add cost' }));
  const fuel = ana.getByTestId('extra-Fuel');
  await expect(fuel).toContainText('Fuel: €3.00, paid by Ana Payer');
  await expect(fuel.getByTestId('extra-parts')).toHaveText('Ana Payer €1.50 · Bob Owes €1.50');

  for (const name of ['Bob Owes', 'Ana Payer']) {
    await ana.goto(runUrl);
    await live(ana, testInfo);
    await ana.getByTestId(`person-${name}`).getByRole('button', { name: 'Picked up everything' }).click();
    await expect(ana.getByTestId(`person-${name}`).locator('.chip.ready').first()).toBeVisible();
  }
  await ana.goto(runUrl);
  await live(ana, testInfo);
  await ana.getByRole('button', { name: 'Complete the run' }).click();
  await expect(ana.locator('.state-badge')).toHaveText('Completed');

  // Ana says how she likes to be paid back; a wrong IBAN is caught first.
  await ana.goto('/profile');
  await live(ana, testInfo);
  const details = ana.getByTestId('payment-details-form');
  await details.getByLabel('IBAN (optional)').fill('DE88 3704 0044 0532 0130 00');
  await details.getByLabel('Account holder').fill('Ana Payer');
  await submitted(ana, details.getByRole('button', { name: 'Save payment details' }));
  await expect(ana.getByTestId('payment-details-form').getByRole('alert')).toContainText('That IBAN is not right');
  await live(ana, testInfo);
  await ana.getByTestId('payment-details-form').getByLabel('IBAN (optional)').fill('DE89 3704 0044 0532 0130 00');
  await ana.getByTestId('payment-details-form').getByLabel('Account holder').fill('Ana Payer');
  await submitted(ana, ana.getByTestId('payment-details-form').getByRole('button', { name: 'Save payment details' }));
  await ana.goto('/profile');
  await expect(ana.getByTestId('payment-details-form').getByLabel('IBAN (optional)')).toHaveValue('DE89 3704 0044 0532 0130 00');

  // By hand: oil 10.00 a bottle. Ana paid 18.00 + 3.00 of fuel for 10.00 of goods and 1.50 of
  // fuel: +9.50. Bob paid 12.00 for 20.00 and 1.50: −9.50. So Bob pays Ana 9.50.
  await bob.goto(groupUrl);
  await live(bob, testInfo);
  await bob.getByTestId('group-money').click();
  await expect(bob.getByRole('heading', { level: 1 })).toContainText('Money in');
  const money = bob.getByTestId('money-EUR');
  await expect(money.getByTestId('balance-Ana Payer').getByTestId('balance')).toHaveText('+€9.50');
  await expect(money.getByTestId('balance-Bob Owes').getByTestId('balance')).toHaveText('−€9.50');
  await expect(money.getByTestId('own-balance')).toHaveText('You owe €9.50.');
  const transfer = money.getByTestId('transfer-Bob Owes-Ana Payer');
  await expect(transfer).toContainText('Bob Owes pays Ana Payer €9.50');
  await expect(transfer.getByTestId('pay-to')).toHaveText('Pay to: Ana Payer · DE89 3704 0044 0532 0130 00');
  // The QR code is one a banking app reads: this very transfer, in euros, to Ana's account.
  const qr = testInfo.outputPath('epc-qr.png');
  await transfer.getByTestId('epc-qr').screenshot({ path: qr });
  const scanned = execFileSync('zbarimg', ['--raw', '-q', qr], { stdio: ['ignore', 'pipe', 'ignore'] }).toString();
  expect(scanned).toContain('BCD\n002\n1\nSCT\n\nAna Payer\nDE89370400440532013000\nEUR9.50');
  await live(bob, testInfo);
  await submitted(bob, transfer.getByRole('button', { name: 'I paid' }));
  await expect(bob.getByTestId('pending-repayments')).toContainText('Bob Owes paid Ana Payer €9.50');
  await expect(bob.getByTestId('money-EUR').getByTestId('all-paid')).toBeVisible();

  // Ana is told, and confirms on the money page.
  await ana.goto('/notifications');
  await expect(ana.getByTestId('notification').first()).toContainText('says they paid you');
  await ana.getByTestId('notification').first().getByRole('link').click();
  await expect(ana).toHaveURL(/\/money$/);
  await live(ana, testInfo);
  await submitted(ana, ana.getByTestId('pending-Bob Owes-Ana Payer').getByRole('button', { name: 'Confirm I received it' }));
  await expect(ana.getByTestId('money-EUR').getByTestId('all-square')).toBeVisible();
  await expect(ana.getByTestId('repayments')).toContainText('Confirmed');
  if (testInfo.project.name === 'hydrated') {
    // Bob's page follows live.
    await expect(bob.getByTestId('money-EUR').getByTestId('own-balance')).toHaveText('You are square.');
  } else {
    await bob.reload();
    await expect(bob.getByTestId('money-EUR').getByTestId('own-balance')).toHaveText('You are square.');
  }
});
