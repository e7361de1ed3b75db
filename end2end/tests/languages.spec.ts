// Bulq in Russian and Serbian (both scripts): a person whose browser speaks the language registers,
// starts a group in the currency their language suggests, adds a store and a product, opens a run,
// bids "1,5" kg with a decimal comma, confirms, shops (paying "1234,50"), and reads their cost
// written as a local writes money; every page they pass shows no English word (the dictionary is
// the English translation file, less the words the language's own file uses, such as "Bulq").
// Also: an English speaker switches the profile through every language, and a visitor picks one
// on the log-in page. Hydrated and without JavaScript.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { expect, test, type Browser, type Page, type TestInfo } from '@playwright/test';
import { confirmed, live, person } from './people';

const locales = path.resolve(__dirname, '../../app/locales');

/// The plain messages of a language's file (`id = text`), for labels and buttons.
function messages(language: string): Map<string, string> {
  const text = fs.readFileSync(path.join(locales, language, 'bulq.ftl'), 'utf8');
  const found = new Map<string, string>();
  for (const line of text.split('\n')) {
    const match = /^([a-z][a-z0-9-]*) = (.+)$/.exec(line);
    if (match) found.set(match[1], match[2]);
  }
  return found;
}

/// Lower-case words of three or more Latin letters in a file's texts (ids, variables and
/// comments left out).
function latinWords(language: string): Set<string> {
  const text = fs.readFileSync(path.join(locales, language, 'bulq.ftl'), 'utf8');
  const words = new Set<string>();
  for (const line of text.split('\n')) {
    if (line.startsWith('#')) continue;
    const value = line.replace(/^[a-z][a-z0-9-]* =/, '').replace(/\{[^}]*\}/g, ' ').replace(/\[[a-z]+\]/g, ' ');
    for (const word of value.match(/[A-Za-z]{3,}/g) ?? []) words.add(word.toLowerCase());
  }
  return words;
}

/// The English words a page may not show in `language`.
function englishOnly(language: string): Set<string> {
  const own = latinWords(language);
  return new Set([...latinWords('en')].filter((word) => !own.has(word) && word !== 'bulq'));
}

/// Every English word on the page: its text and the labels a screen reader reads.
async function englishOn(page: Page, dictionary: Set<string>): Promise<string[]> {
  const seen: string = await page.evaluate(() => {
    const attributes = [...document.querySelectorAll('[aria-label], [title], [placeholder], [alt]')]
      .map((element) => ['aria-label', 'title', 'placeholder', 'alt'].map((name) => element.getAttribute(name) ?? '').join(' '));
    // The time-zone picker lists IANA names (America/New_York), which are identifiers, and the store
    // pickers (a new run, a price, a pack) list the shared catalogue's stores as other people named them
    // ("Corner Wholesale"): neither is the interface's English.
    const body = document.body.cloneNode(true) as HTMLElement;
    body.querySelectorAll('#profile-time-zone, #new-run-store, #price-store, #pack-store').forEach((list) => list.remove());
    document.body.append(body);
    body.style.position = 'absolute';
    const text = body.innerText;
    body.remove();
    return `${document.title} ${text} ${attributes.join(' ')}`;
  });
  // Words in capitals are codes (TRY, the Turkish lira, among the currencies), not English.
  const words = (seen.match(/[A-Za-z]{3,}/g) ?? []).filter((word) => word !== word.toUpperCase());
  return [...new Set(words.map((word) => word.toLowerCase()))]
    .filter((word) => dictionary.has(word));
}

const people = [
  { language: 'ru', browser: 'ru-RU', name: 'Ольга Покупкина', group: 'Оптовики', store: 'Склад', product: 'Овсяные хлопья', kilo: 'кг', currency: 'RUB', cost: '1 234,50 ₽', friend: 'Пётр Друзьев', leaderCost: '740,70 ₽', friendCost: '493,80 ₽' },
  { language: 'sr-Cyrl', browser: 'sr-RS', name: 'Милица Купац', group: 'Велепродаја', store: 'Магацин', product: 'Овсене пахуљице', kilo: 'кг', currency: 'RSD', cost: '1.234,50 дин.', friend: 'Петар Пријатељ', leaderCost: '740,70 дин.', friendCost: '493,80 дин.' },
  { language: 'sr-Latn', browser: 'sr-Latn-RS', name: 'Jelena Kupac', group: 'Veleprodaja', store: 'Magacin', product: 'Ovsene pahuljice', kilo: 'kg', currency: 'RSD', cost: '1.234,50 din.', friend: 'Petar Prijatelj', leaderCost: '740,70 din.', friendCost: '493,80 din.' },
];

/// Someone whose browser speaks `locale` registers (the browser's language decides before there is
/// a profile) and lands on their start page.
async function speaker(browser: Browser, testInfo: TestInfo, locale: string, label: (id: string) => string, name: string, username: string): Promise<Page> {
  const context = await browser.newContext({
    javaScriptEnabled: testInfo.project.use.javaScriptEnabled,
    viewport: { width: 390, height: 844 },
    locale,
    timezoneId: 'Europe/Belgrade',
  });
  const page = await context.newPage();
  await page.goto('/register');
  await live(page, testInfo);
  await page.getByLabel(label('display-name-label')).fill(name);
  await page.getByLabel(label('username-label')).fill(username);
  await page.getByLabel(label('password-label'), { exact: true }).fill('long enough secret 42');
  await page.getByLabel(label('confirm-password-label')).fill('long enough secret 42');
  await page.getByRole('button', { name: label('register-submit') }).click();
  await expect(page.getByTestId('greeting')).toBeVisible();
  return page;
}

/// Text with its non-breaking spaces made plain, as a reader sees it.
const plain = (text: string | null) => (text ?? '').replace(/\u00a0|\u202f/g, ' ').trim();

for (const who of people) {
  test(`a ${who.language} speaker walks a run from a 1,5 kg bid to costs without meeting an English word`, async ({ browser }, testInfo) => {
    test.setTimeout(180_000); // two people, a whole run, at phone size
    const t = messages(who.language);
    const label = (id: string) => t.get(id) ?? id;
    const dictionary = englishOnly(who.language);
    const digits = `${Date.now()}`.slice(-9);
    const page = await speaker(browser, testInfo, who.browser, label, who.name, `u${digits}`);
    const noEnglish = async (on = page) => expect(await englishOn(on, dictionary), on.url()).toEqual([]);
    await expect(page.locator('html')).toHaveAttribute('lang', who.language);
    await noEnglish();

    // A group, a store, a product sold by the kilo.
    await live(page, testInfo);
    const group = `${who.group} ${digits}`;
    await page.getByLabel(label('group-name-label')).fill(group);
    await expect(page.getByLabel(label('group-currency-label'))).toHaveValue(who.currency);
    await page.getByRole('button', { name: label('create-group-submit') }).click();
    await expect(page.getByRole('heading', { name: group, exact: true })).toBeVisible();
    const groupUrl = page.url();
    await noEnglish();

    await page.goto('/stores');
    await live(page, testInfo);
    await page.getByTestId('add-store-form').getByLabel(label('store-name-label')).fill(`${who.store} ${digits}`);
    await page.getByRole('button', { name: label('add-store-submit') }).click();
    await expect(page.getByRole('heading', { level: 1 })).toContainText(who.store);
    await noEnglish();

    await page.goto('/products');
    await live(page, testInfo);
    const form = page.getByTestId('add-product-form');
    const product = `${who.product} ${digits}`;
    await form.getByLabel(label('product-name-label')).fill(product);
    await form.getByLabel(label('unit-label')).fill('kg');
    await form.getByRole('button', { name: label('add-product-submit') }).click();
    await expect(page.getByRole('heading', { name: product, level: 1 })).toBeVisible();
    await noEnglish();

    // The run, and a bid typed the local way.
    await page.goto(groupUrl);
    await live(page, testInfo);
    const runForm = page.getByTestId('new-run-form');
    await runForm.getByLabel(label('store-label')).selectOption({ label: `${who.store} ${digits}` });
    await runForm.getByRole('button', { name: label('start-run-submit') }).click();
    await expect(page).toHaveURL(/\/runs\/[0-9a-f-]{36}$/);
    await noEnglish();

    await live(page, testInfo);
    await page.getByLabel(label('find-product-label')).fill(product);
    if (testInfo.project.name === 'no-js') {
      await page.getByRole('button', { name: label('find-submit') }).click();
    }
    const found = page.getByTestId('found-products').locator('.product-card', { hasText: product });
    await expect(found).toBeVisible();
    await live(page, testInfo);
    await found.getByLabel(label('your-quantity-label')).fill('1,5');
    await found.getByRole('button', { name: label('place-bid-submit'), exact: true }).click();
    const card = page.getByTestId(`product-${product}`);
    await expect(card.getByTestId('total')).toContainText(`1,5 ${who.kilo}`);
    await expect(card.getByTestId('bidders')).toContainText(`${who.name}1,5 ${who.kilo}`);
    await noEnglish();
    const runUrl = page.url().split('?')[0];

    // A friend joins through the invite link and bids 1 kg.
    await page.goto(`${groupUrl}/manage`);
    const invite = await page.getByTestId('invite-url').inputValue();
    const friend = await speaker(browser, testInfo, who.browser, label, who.friend, `f${digits}`);
    await friend.goto(invite.replace(/^https?:\/\/[^/]+/, ''));
    await live(friend, testInfo);
    await friend.getByRole('button', { name: label('join-submit') }).click();
    await expect(friend).toHaveURL(/\/groups\/[0-9a-f-]{36}$/);
    await friend.goto(runUrl);
    await live(friend, testInfo);
    const friendCard = friend.getByTestId(`product-${product}`);
    await friendCard.getByLabel(label('your-quantity-label')).fill('1');
    await friendCard.getByRole('button', { name: label('place-bid-submit'), exact: true }).click();
    await expect(friendCard.getByTestId('total')).toContainText(`2,5 ${who.kilo}`);
    await noEnglish(friend);

    // Confirmed without waiting for the friend, shopped for with a decimal comma, and shared out:
    // 1234,50 for 2,5 kg is 740,70 for the leader's 1,5 kg and 493,80 for the friend's 1 kg.
    await page.goto(runUrl);
    await live(page, testInfo);
    await confirmed(page, page.getByRole('button', { name: label('confirm-anyway') }));
    await expect(page.getByRole('button', { name: label('start-shopping-submit') })).toBeVisible();
    await noEnglish();
    await live(page, testInfo);
    await page.getByRole('button', { name: label('start-shopping-submit') }).click();
    await expect(page).toHaveURL(/\/shopping$/);
    await noEnglish();
    await live(page, testInfo);
    const item = page.getByTestId(`item-${product}`);
    await item.getByLabel(new RegExp(`^${label('bought-quantity-label')}`)).fill('2,5');
    await item.getByLabel(label('total-paid-label')).fill('1234,50');
    await item.getByRole('button', { name: label('record-bought-submit') }).click();
    await expect(page.getByTestId('recorded').getByTestId(`item-${product}`)).toBeVisible();
    expect(plain(await page.getByTestId('spent').textContent())).toContain(who.cost);
    await noEnglish();
    await live(page, testInfo);
    await confirmed(page, page.getByRole('button', { name: label('complete-shopping-submit') }));
    await expect(page).toHaveURL(runUrl);
    const costOf = (name: string) => page.getByTestId('distribution').getByTestId(`person-${name}`).getByTestId('person-total');
    await expect(costOf(who.name)).toBeVisible();
    expect(plain(await costOf(who.name).textContent())).toBe(who.leaderCost);
    expect(plain(await costOf(who.friend).textContent())).toBe(who.friendCost);
    expect(plain(await page.getByTestId('distribution').textContent())).toContain(who.cost);
    await noEnglish();
    await friend.reload();
    await expect(friend.getByTestId('distribution')).toBeVisible();
    await noEnglish(friend);
    await friend.context().close();

    // The time zone came from the browser (live) or from the language (without JavaScript).
    await page.goto('/profile');
    await expect(page.locator('#profile-time-zone'))
      .toHaveValue(testInfo.project.name === 'hydrated' || who.language !== 'ru' ? 'Europe/Belgrade' : 'Europe/Moscow');
    await noEnglish();
    await page.context().close();
  });
}

test('an English speaker switches the profile to each language and back', async ({ browser }, testInfo) => {
  const page = await person(browser, testInfo, 'Polly Glot');
  for (const language of ['ru', 'sr-Cyrl', 'sr-Latn', 'en']) {
    await page.goto('/profile');
    await live(page, testInfo);
    await page.locator('#profile-language').selectOption(language);
    await page.getByTestId('language-form').getByRole('button').click();
    await expect(page.locator('html')).toHaveAttribute('lang', language);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(messages(language).get('profile-title')!);
    await page.reload();
    await expect(page.locator('html')).toHaveAttribute('lang', language);
  }
});

test('a visitor picks a language on the log-in page', async ({ browser }, testInfo) => {
  const context = await browser.newContext({ javaScriptEnabled: testInfo.project.use.javaScriptEnabled, locale: 'en-GB' });
  const page = await context.newPage();
  await page.goto('/login');
  await live(page, testInfo);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await page.locator('#language-switch').selectOption('sr-Latn');
  await page.getByTestId('language-switch').getByRole('button').click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'sr-Latn');
  await expect(page).toHaveURL(/\/login$/);
  await expect(page.getByRole('button', { name: messages('sr-Latn').get('login-submit') })).toBeVisible();
  await page.goto('/register');
  await expect(page.locator('html')).toHaveAttribute('lang', 'sr-Latn');
  await context.close();
});
