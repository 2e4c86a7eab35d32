// Dark mode (issue 17, item 5): the system's prefers-color-scheme followed, a header toggle
// that overrides it and is remembered, the code editor themed with the page.
import {test, before, after} from 'node:test';
import assert from 'node:assert/strict';
import {launch, newPage, shot} from './lib.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

/* Relative luminance of a computed rgb() colour. */
function luminance(rgb) {
  const [r, g, b] = rgb.match(/\d+(\.\d+)?/g).slice(0, 3).map(Number).map((v) => {
    const c = v / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
const colours = (page) => page.evaluate(() => {
  const ed = document.querySelector('[data-testid=editor]').shadowRoot.querySelector('.cm-editor');
  const kw = [...ed.querySelectorAll('.cm-line span')].find((s) => s.textContent === 'int');
  return {body: getComputedStyle(document.body).backgroundColor, text: getComputedStyle(document.body).color,
    editor: getComputedStyle(ed).backgroundColor, editorText: getComputedStyle(ed).color, kw: kw && getComputedStyle(kw).color};
});

test('dark system: dark page and editor; the toggle goes light and is remembered', async () => {
  const page = await newPage(browser, {context: {colorScheme: 'dark'}});
  await page.goto('/p/missing-number');
  await page.locator('[data-testid=editor] >> .cm-editor').waitFor();
  const toggle = page.locator('#theme-toggle');
  assert.equal(await toggle.getAttribute('aria-pressed'), 'true');
  let c = await colours(page);
  assert.ok(luminance(c.body) < 0.05 && luminance(c.editor) < 0.05, `dark backgrounds: ${JSON.stringify(c)}`);
  assert.ok(luminance(c.text) > 0.6 && luminance(c.editorText) > 0.6, 'light text');
  assert.ok(c.kw && (luminance(c.kw) + 0.05) / (luminance(c.editor) + 0.05) >= 4.5, `keywords readable: ${c.kw} on ${c.editor}`);
  await shot(page, 'dark-problem');
  await toggle.click();
  assert.equal(await toggle.getAttribute('aria-pressed'), 'false');
  c = await colours(page);
  assert.ok(luminance(c.body) > 0.8 && luminance(c.editor) > 0.8, `light after the toggle: ${JSON.stringify(c)}`);
  await page.reload();
  await page.locator('[data-testid=editor] >> .cm-editor').waitFor();
  c = await colours(page);
  assert.ok(luminance(c.editor) > 0.8, 'the choice survives a reload');
  assert.equal(await page.locator('#theme-toggle').getAttribute('aria-pressed'), 'false');
  await page.context().close();
});

test('light system: light by default, dark by the toggle', async () => {
  const page = await newPage(browser, {context: {colorScheme: 'light'}});
  await page.goto('/');
  await page.locator('a[href="/p/missing-number"]').first().waitFor();
  assert.ok(luminance(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)) > 0.8);
  await page.locator('#theme-toggle').click();
  assert.ok(luminance(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)) < 0.05);
  assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), 'dark');
  await page.context().close();
});
