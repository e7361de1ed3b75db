// Destructive actions ask first, everywhere: hydrated in a modal dialog (Escape and "Go back"
// change nothing, focus comes back to the button), without JavaScript on a confirmation page
// that says what will happen now and posts the real form; a move no longer offered is refused
// on that page, not posted. Runs hydrated and with JavaScript disabled.
import { expect, test } from '@playwright/test';
import { addStore, live, openRun, person, startGroup, unique } from './people';

test('cancelling a run asks first, and going back changes nothing', async ({ browser, baseURL }, testInfo) => {
  const leader = await person(browser, testInfo, 'Cleo Careful');
  const { groupUrl } = await startGroup(leader, testInfo, baseURL, `Careful club ${unique('')}`);
  const storeName = `Careful shop ${unique('')}`;
  await addStore(leader, testInfo, storeName);
  const runUrl = await openRun(leader, testInfo, groupUrl, storeName);
  const badge = leader.locator('.state-badge');
  await expect(badge).toHaveText('Planning');

  await live(leader, testInfo);
  await leader.getByText('Cancel the run', { exact: true }).first().click();
  const form = leader.getByTestId('cancel-form');
  await form.getByLabel('Why (optional, everyone sees it)').fill('Store closed for stock-taking');
  const cancel = form.getByRole('button', { name: 'Cancel the run' });
  const question = 'Nobody will shop for it, and everyone taking part is told.';

  if (testInfo.project.name === 'hydrated') {
    const dialog = leader.getByRole('dialog');
    await cancel.click();
    await expect(dialog).toBeVisible();
    await expect(dialog).toContainText(question);
    await expect(dialog.getByRole('button', { name: 'Go back' })).toBeFocused();
    await leader.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(cancel).toBeFocused();

    await cancel.click();
    await dialog.getByRole('button', { name: 'Go back' }).click();
    await expect(dialog).toBeHidden();
    await expect(badge).toHaveText('Planning');

    await cancel.click();
    await dialog.getByRole('button', { name: 'Cancel the run' }).click();
    await expect(leader.getByTestId('toasts')).toContainText('The run is cancelled');
  } else {
    await cancel.click();
    await expect(leader).toHaveURL(/\/runs\/[0-9a-f-]{36}\/confirm\/cancel\?/);
    const page = leader.getByTestId('confirmation');
    await expect(page.getByRole('heading', { name: 'Are you sure?' })).toBeVisible();
    await expect(page).toContainText(question);
    await expect(page).toContainText('Store closed for stock-taking');
    await page.getByRole('link', { name: 'Go back' }).click();
    await expect(leader).toHaveURL(runUrl);
    await expect(badge).toHaveText('Planning');

    await leader.getByText('Cancel the run', { exact: true }).first().click();
    await form.getByLabel('Why (optional, everyone sees it)').fill('Store closed for stock-taking');
    await cancel.click();
    await leader.getByTestId('confirmation').getByRole('button', { name: 'Cancel the run' }).click();
  }
  await expect(leader).toHaveURL(runUrl);
  await expect(badge).toHaveText('Cancelled');
  await expect(leader.getByTestId('cancelled')).toContainText('“Store closed for stock-taking”');

  // The confirmation page of a move the run no longer offers refuses, and posts nothing.
  const refused = await leader.goto(`${runUrl}/confirm/reopen`);
  expect(refused?.ok()).toBe(true);
  await expect(leader.getByTestId('confirmation-refused')).toBeVisible();
  await expect(leader.getByTestId('confirmation')).toHaveCount(0);
  const missing = await leader.goto(`${runUrl}/confirm/explode`);
  expect(missing?.status()).toBe(404);
});
