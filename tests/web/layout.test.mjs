// The workspace layout (issue 17, items 3, 4 and 7): side-by-side panes from 641 px (tablets),
// results in a console docked under the editor, panes and console resizable with the sizes
// remembered, and keyboard focus kept on Run and Submit while they work.
import {test, before, after} from 'node:test';
import assert from 'node:assert/strict';
import {launch, newPage, setEditor, shot} from './lib.mjs';

const SLUG = 'missing-number';
const AC = '#include "solution.h"\n\nint missing_number(int *nums, int numsSize)\n{\n    long long want = (long long)numsSize * (numsSize + 1) / 2;\n' +
  '    for (int i = 0; i < numsSize; i++)\n        want -= nums[i];\n    return (int)want;\n}\n';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const box = (page, sel) => page.locator(sel).first().boundingBox();

for (const width of [700, 900, 1023]) {
  test(`tablet ${width} px: statement and editor side by side, the editor on screen`, async () => {
    const page = await newPage(browser, {context: {viewport: {width, height: 1000}}});
    await page.goto(`/p/${SLUG}`);
    await page.locator('[data-testid=editor] >> .cm-editor').waitFor();
    const st = await box(page, '.pane-statement'), code = await box(page, '.pane-code'), ed = await box(page, '[data-testid=editor]');
    assert.ok(code.x >= st.x + st.width - 1, `code pane right of the statement (${JSON.stringify({st, code})})`);
    assert.ok(Math.abs(code.y - st.y) < 2, 'same row');
    assert.ok(ed.y < 1000 && ed.y + 100 < 1000, `the editor starts on screen (y=${ed.y})`);
    if (width === 900) await shot(page, 'tablet-900');
    await page.context().close();
  });
}

test('Run: the result in the console under the editor, the code stays put, focus stays on Run', async () => {
  const page = await newPage(browser);
  await page.goto(`/p/${SLUG}`);
  await page.locator('[data-testid=editor] >> .cm-editor').waitFor();
  await setEditor(page, AC);
  const before = await box(page, '[data-testid=editor]');
  const run = page.locator('button', {hasText: /^Run/});
  await run.focus();
  await page.keyboard.press('Enter');
  await page.locator('[data-testid=console] .output .result:not(.result-pending)').waitFor({timeout: 90000});
  assert.match(await page.locator('[data-testid=console] .output').textContent(), /All 2 samples passed/);
  assert.deepEqual(await box(page, '[data-testid=editor]'), before, 'the editor did not move');
  assert.equal(await page.evaluate(() => document.activeElement?.textContent?.trim().startsWith('Run')), true, 'focus on Run');
  const con = await box(page, '[data-testid=console]');
  assert.ok(con.y >= before.y + before.height, 'the console is under the editor');

  const submit = page.locator('button', {hasText: /^Submit/});
  await submit.focus();
  await page.keyboard.press('Enter');
  await page.locator('[data-testid=console] .output', {hasText: /points/}).waitFor({timeout: 120000});
  await page.locator('[data-testid=console] .result-head .verdict').first().waitFor();
  assert.equal(await page.evaluate(() => document.activeElement?.textContent?.trim().startsWith('Submit')), true, 'focus on Submit');
  await page.context().close();
});

test('the panes and the console resize by keyboard, and keep their sizes', async () => {
  const page = await newPage(browser);
  await page.goto(`/p/${SLUG}`);
  await page.locator('[data-testid=editor] >> .cm-editor').waitFor();
  const st0 = await box(page, '.pane-statement'), con0 = await box(page, '[data-testid=console]');
  await page.locator('[data-testid=pane-sep]').focus();
  for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowRight');
  await page.locator('[data-testid=console-sep]').focus();
  for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowUp');
  const st1 = await box(page, '.pane-statement'), con1 = await box(page, '[data-testid=console]');
  assert.ok(st1.width > st0.width + 50, `the statement widened (${st0.width} → ${st1.width})`);
  assert.ok(con1.height > con0.height + 30, `the console grew (${con0.height} → ${con1.height})`);
  await page.reload();
  await page.locator('[data-testid=editor] >> .cm-editor').waitFor();
  assert.ok(Math.abs((await box(page, '.pane-statement')).width - st1.width) < 2, 'the width is remembered');
  assert.ok(Math.abs((await box(page, '[data-testid=console]')).height - con1.height) < 2, 'the console height is remembered');
  await page.context().close();
});
