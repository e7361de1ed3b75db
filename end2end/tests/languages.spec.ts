// Bulq in Russian and Serbian (both scripts): a person whose browser speaks the language registers,
// starts a group, adds a store and a product, opens a run and bids "1,5" kg with a decimal comma,
// and every page they pass shows no English word (the dictionary is the English translation file,
// less the words the language's own file uses, such as "Bulq"). Hydrated and without JavaScript.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { live } from './people';

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
    return `${document.title} ${document.body.innerText} ${attributes.join(' ')}`;
  });
  return [...new Set((seen.match(/[A-Za-z]{3,}/g) ?? []).map((word) => word.toLowerCase()))]
    .filter((word) => dictionary.has(word));
}

const people = [
  { language: 'ru', browser: 'ru-RU', name: 'Ольга Покупкина', group: 'Оптовики', store: 'Склад', product: 'Овсяные хлопья', kilo: 'кг' },
  { language: 'sr-Cyrl', browser: 'sr-RS', name: 'Милица Купац', group: 'Велепродаја', store: 'Магацин', product: 'Овсене пахуљице', kilo: 'кг' },
  { language: 'sr-Latn', browser: 'sr-Latn-RS', name: 'Jelena Kupac', group: 'Veleprodaja', store: 'Magacin', product: 'Ovsene pahuljice', kilo: 'kg' },
];

for (const who of people) {
  test(`a ${who.language} speaker bids 1,5 kg without meeting an English word`, async ({ browser }, testInfo) => {
    const t = messages(who.language);
    const label = (id: string) => t.get(id) ?? id;
    const dictionary = englishOnly(who.language);
    const context = await browser.newContext({
      javaScriptEnabled: testInfo.project.use.javaScriptEnabled,
      viewport: { width: 390, height: 844 },
      locale: who.browser,
      timezoneId: 'Europe/Belgrade',
    });
    const page = await context.newPage();
    page.on('dialog', (dialog) => dialog.accept());
    const noEnglish = async () => expect(await englishOn(page, dictionary), page.url()).toEqual([]);

    // Registering: the browser's language decides before there is a profile.
    await page.goto('/register');
    await live(page, testInfo);
    await expect(page.locator('html')).toHaveAttribute('lang', who.language);
    await noEnglish();
    const digits = `${Date.now()}`.slice(-9);
    await page.getByLabel(label('display-name-label')).fill(who.name);
    await page.getByLabel(label('username-label')).fill(`u${digits}`);
    await page.getByLabel(label('password-label'), { exact: true }).fill('long enough secret 42');
    await page.getByLabel(label('confirm-password-label')).fill('long enough secret 42');
    await page.getByRole('button', { name: label('register-submit') }).click();
    await expect(page.getByTestId('greeting')).toBeVisible();
    await noEnglish();

    // A group, a store, a product sold by the kilo.
    await live(page, testInfo);
    const group = `${who.group} ${digits}`;
    await page.getByLabel(label('group-name-label')).fill(group);
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
    await context.close();
  });
}
