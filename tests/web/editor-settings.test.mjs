// Editor comforts (issue 17, item 6): completion (the language's keywords and library names, and
// the buffer's own identifiers), font size and vim / emacs keys as remembered settings; a
// full-screen editor.
import {test, before, after} from 'node:test';
import assert from 'node:assert/strict';
import {launch, newPage, setEditor, editorText} from './lib.mjs';

let browser, page;
before(async () => {
  browser = await launch();
  page = await newPage(browser);
  await page.goto('/p/missing-number');
  await page.locator('[data-testid=editor] >> .cm-editor').waitFor();
});
after(async () => { await browser?.close(); });

const editorLoc = (sel) => page.locator(`[data-testid=editor] >> ${sel}`);
/* Types `text` at the end of line `n` (0-based) and waits for the completion popup. */
async function typeAndComplete(n, text) {
  await editorLoc('.cm-line').nth(n).click();
  await page.keyboard.press('End');
  await page.keyboard.type(text);
  const popup = editorLoc('.cm-tooltip-autocomplete');
  await popup.waitFor({timeout: 5000});
  return popup;
}

test('completion: C keywords and library names, the buffer\'s identifiers, then another language\'s', async () => {
  await setEditor(page, 'int widgetCount = 0;\nint main(void)\n{\n    \n}\n');
  let popup = await typeAndComplete(3, 'prin');
  const labels = await popup.locator('li').allTextContents();
  assert.ok(labels.some((l) => l.startsWith('printf')), `printf offered: ${labels.join(', ')}`);
  await page.keyboard.press('Escape');
  await page.keyboard.type('; widg');
  popup = editorLoc('.cm-tooltip-autocomplete');
  await popup.waitFor({timeout: 5000});
  assert.match(await popup.locator('li[aria-selected=true]').textContent(), /widgetCount/);
  await page.keyboard.press('Enter');
  assert.match(await editorText(page), /prin; widgetCount\n/);
  await page.keyboard.type(' = sizeo');
  await editorLoc('.cm-tooltip-autocomplete').waitFor({timeout: 5000});
  assert.match(await editorLoc('.cm-tooltip-autocomplete li[aria-selected=true]').textContent(), /sizeof/);
  await page.keyboard.press('Escape');

  await page.locator('[data-testid=language]').selectOption('python');
  await editorLoc('.cm-editor[data-language=python]').waitFor();
  await setEditor(page, 'for i in \n');
  popup = await typeAndComplete(0, 'enumer');
  assert.match(await popup.locator('li[aria-selected=true]').textContent(), /enumerate/);
  await page.keyboard.press('Escape');
  await page.locator('[data-testid=language]').selectOption('c');
  await editorLoc('.cm-editor[data-language=c]').waitFor();
});

test('font size: applied to the editor and remembered', async () => {
  await page.locator('.editor-settings summary').click();
  await page.locator('[data-testid=font-size]').selectOption('20');
  const size = () => page.locator('[data-testid=editor] >> .cm-editor').evaluate((e) => getComputedStyle(e).fontSize);
  assert.equal(await size(), '20px');
  await page.reload();
  await page.locator('[data-testid=editor] >> .cm-editor').waitFor();
  assert.equal(await size(), '20px');
  assert.equal(await page.locator('[data-testid=font-size]').inputValue(), '20');
});

test('vim keys: dd deletes a line; emacs keys load; the choice is remembered', async () => {
  await setEditor(page, 'one\ntwo\nthree\n');
  await page.locator('.editor-settings summary').click();
  await page.locator('[data-testid=keymap]').selectOption('vim');
  await page.locator('[data-testid=editor] >> .cm-editor[data-keymap=vim]').waitFor();
  await page.keyboard.press('Escape'); // closes the settings, like a menu
  assert.equal(await page.locator('.editor-settings').evaluate((d) => d.open), false);
  await page.locator('[data-testid=editor] >> .cm-line').nth(1).click();
  await page.keyboard.press('Escape');
  await page.keyboard.type('dd');
  await page.waitForFunction(() => !document.querySelector('[data-testid=editor]').shadowRoot.querySelector('.cm-content').textContent.includes('two'));
  assert.equal(await editorText(page), 'one\nthree\n');
  await page.reload();
  await page.locator('[data-testid=editor] >> .cm-editor[data-keymap=vim]').waitFor();
  await page.locator('.editor-settings summary').click();
  await page.locator('[data-testid=keymap]').selectOption('emacs');
  await page.locator('[data-testid=editor] >> .cm-editor[data-keymap=emacs]').waitFor();
  await page.locator('[data-testid=keymap]').selectOption('default');
  await page.locator('[data-testid=editor] >> .cm-editor[data-keymap=default]').waitFor();
});

test('full screen: the code pane covers the window, and back', async () => {
  const btn = page.locator('[data-testid=fullscreen]');
  await btn.click();
  assert.equal(await btn.getAttribute('aria-pressed'), 'true');
  const b = await page.locator('.pane-code').boundingBox();
  const vp = page.viewportSize();
  assert.ok(b.x === 0 && b.y === 0 && b.width === vp.width && b.height === vp.height, JSON.stringify(b));
  await btn.click();
  assert.equal(await btn.getAttribute('aria-pressed'), 'false');
  assert.ok((await page.locator('.pane-code').boundingBox()).x > 0);
});
