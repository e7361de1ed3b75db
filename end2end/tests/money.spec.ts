// Money between friends in real browsers at phone size: a run Ana shops where two people paid
// the store and Ana paid the fuel, a second run Bob shops; the group's balances, the runs behind
// them, each run's own debts and the transfer that settles them checked by hand, with Bob's
// statement and the ledger download; then the repayment recorded by the payer and confirmed by
// the receiver in another browser, until everyone is square. Runs hydrated and with JavaScript
// disabled.
import { execFileSync } from 'node:child_process';
import { expect, test } from '@playwright/test';
import { addProduct, addStore, bid, buyAll, handOut, joinWith, live, openRun, person, startGroup, submitted, unique } from './people';

test('two payers, balances by hand, one repayment confirmed: everyone square', async ({ browser, baseURL }, testInfo) => {
  test.setTimeout(180_000); // two people and two whole runs
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
  await buyAll(ana, testInfo, [[oil, '3', '30.00']]);
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

  await handOut(ana, testInfo, runUrl, ['Bob Owes', 'Ana Payer']);

  // A second run at another store, Bob shops and pays: a sack of rice for Ana, 4.00.
  const market = `Market ${unique('')}`;
  await addStore(bob, testInfo, market);
  const rice = `Rice ${unique('')}`;
  await addProduct(bob, testInfo, rice, 'sack');
  const secondUrl = await openRun(bob, testInfo, groupUrl, market);
  await ana.goto(secondUrl);
  await bid(ana, testInfo, rice, '1');
  await bob.goto(secondUrl);
  await expect(bob.getByTestId(`product-${rice}`).getByTestId('total')).toContainText('1');
  await buyAll(bob, testInfo, [[rice, '1', '4.00']]);
  await expect(bob.getByTestId('payers').getByTestId('payer-list')).toHaveText('Bob Owes paid the store €4.00');
  await handOut(bob, testInfo, secondUrl, ['Ana Payer']);

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

  // By hand: oil 10.00 a bottle. In the first run Ana paid 18.00 + 3.00 of fuel for 10.00 of
  // goods and 1.50 of fuel: +9.50; Bob paid 12.00 for 20.00 and 1.50: −9.50. In the second Bob
  // paid 4.00 for Ana's rice: Ana −4.00, Bob +4.00. So Ana +5.50, Bob −5.50: Bob pays Ana 5.50.
  await bob.goto(groupUrl);
  await live(bob, testInfo);
  await bob.getByTestId('group-money').click();
  await expect(bob.getByRole('heading', { level: 1 })).toContainText('Money in');
  const money = bob.getByTestId('money-EUR');
  await expect(money.getByTestId('balance-Ana Payer').getByTestId('balance')).toHaveText('+€5.50');
  await expect(money.getByTestId('balance-Bob Owes').getByTestId('balance')).toHaveText('−€5.50');
  await expect(money.getByTestId('own-balance')).toHaveText('You owe €5.50.');
  // The runs behind Bob's balance, newest first.
  const behind = money.getByTestId('balance-Bob Owes').getByTestId('behind');
  await behind.locator('summary').click();
  const runsBehind = behind.getByRole('listitem');
  await expect(runsBehind).toHaveCount(2);
  await expect(runsBehind.nth(0)).toContainText(market);
  await expect(runsBehind.nth(0).locator('.amount')).toHaveText('+€4.00');
  await expect(runsBehind.nth(1)).toContainText(storeName);
  await expect(runsBehind.nth(1).locator('.amount')).toHaveText('−€9.50');
  // Before simplifying, each run alone: Bob owes Ana 9.50 for the first, Ana owes Bob 4.00 for
  // the second.
  const runDebts = money.getByTestId('run-debts');
  await runDebts.locator('summary').click();
  await expect(runDebts.getByTestId(`run-debts-${storeName}`)).toContainText('Bob Owes pays Ana Payer €9.50');
  await expect(runDebts.getByTestId(`run-debts-${market}`)).toContainText('Ana Payer pays Bob Owes €4.00');
  // The ledger download: Bob still has 5.50 to pay Ana.
  const ledger = await bob.request.get((await bob.getByTestId('ledger-csv').getAttribute('href'))!);
  expect(ledger.status()).toBe(200);
  const csv = await ledger.text();
  expect(csv.charCodeAt(0)).toBe(0xfeff);
  expect(csv).toContain('"Still to pay","","Bob Owes","Ana Payer",EUR,,,,5.50,');
  // Bob's printable statement says the same.
  await bob.getByTestId('my-statement').click();
  await expect(bob.getByRole('heading', { level: 1 })).toHaveText('Statement for Bob Owes');
  await expect(bob.getByTestId('statement-EUR').locator('tbody tr')).toHaveCount(2);
  await expect(bob.getByTestId('statement-balance')).toHaveText('−€5.50');
  await bob.goBack();
  await expect(bob.getByRole('heading', { level: 1 })).toContainText('Money in');
  const transfer = money.getByTestId('transfer-Bob Owes-Ana Payer');
  await expect(transfer).toContainText('Bob Owes pays Ana Payer €5.50');
  await expect(transfer.getByTestId('pay-to')).toHaveText('Pay to: Ana Payer · DE89 3704 0044 0532 0130 00');
  // The QR code is one a banking app reads: this very transfer, in euros, to Ana's account.
  const qr = testInfo.outputPath('epc-qr.png');
  await transfer.getByTestId('epc-qr').screenshot({ path: qr });
  const scanned = execFileSync('zbarimg', ['--raw', '-q', qr], { stdio: ['ignore', 'pipe', 'ignore'] }).toString();
  expect(scanned).toContain('BCD\n002\n1\nSCT\n\nAna Payer\nDE89370400440532013000\nEUR5.50');
  // Ana's start page says what Bob owes her, and follows when he pays.
  await ana.goto('/');
  await live(ana, testInfo);
  await expect(ana.getByTestId('own-money')).toContainText('Bob Owes owes you €5.50');
  await live(bob, testInfo);
  await submitted(bob, transfer.getByRole('button', { name: 'I paid' }));
  if (testInfo.project.name !== 'hydrated') await ana.reload();
  await expect(ana.getByTestId('own-money')).toBeHidden();
  await expect(bob.getByTestId('pending-repayments')).toContainText('Bob Owes paid Ana Payer €5.50');
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

