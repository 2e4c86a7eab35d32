// Practice: the catalogue, a problem page, Run (samples, custom input, a compile error whose
// line reference moves the cursor), Submit to WA and to AC with live results, drafts, and no
// CSP violation anywhere (the editor's styles must pass style-src 'self').
import {test, before, after} from 'node:test';
import assert from 'node:assert/strict';
import {launch, newPage, setEditor, editorText, shot, cspViolations, read} from './lib.mjs';

const SLUG = 'missing-number';
const AC = read('problems/missing-number/submissions/accepted/xor.c');
const WA = read('problems/missing-number/submissions/wrong_answer/sort_gap_misses_zero.c');
const CE = '#include "solution.h"\n\nint missing_number(int *nums, int numsSize)\n{\n    return nums[0] + undeclared_variable;\n}\n';

let browser, page;
before(async () => {
  browser = await launch();
  page = await newPage(browser);
});
after(async () => {
  await browser?.close();
});

async function noCsp() {
  assert.deepEqual(await cspViolations(page), [], 'no Content-Security-Policy violation');
  assert.deepEqual(page.problems.errors, [], 'no uncaught page error');
}

test('the catalogue lists the public problems with this browser’s state', async () => {
  await page.goto('/');
  const card = page.locator(`.problem-card[data-slug="${SLUG}"]`);
  await card.waitFor();
  assert.equal((await card.locator('.problem-name').textContent()).trim(), 'Missing Number');
  assert.match(await card.locator('[data-testid=state]').textContent(), /Not started/);
  await shot(page, 'catalogue');
  await page.locator('#problem-filter').fill('missing');
  assert.equal(await page.locator('.problem-card').count(), 1);
  await noCsp();
});

test('a problem page shows the statement, samples with copy buttons, limits and the starter code', async () => {
  await page.locator(`.problem-card[data-slug="${SLUG}"] a`).click();
  await page.waitForURL(`**/p/${SLUG}`);
  await page.locator('.cm-content').waitFor();
  assert.equal(await page.locator('h1.problem-title').textContent(), 'Missing Number');
  assert.match(await page.locator('.statement').textContent(), /Write a function/);
  assert.equal(await page.locator('.statement h1').count(), 0, 'the statement’s own title is not repeated');
  assert.ok(await page.locator('.samples .sample').count() >= 2, 'samples shown');
  assert.ok(await page.locator('.samples button', {hasText: 'Copy'}).count() >= 4, 'copy buttons on inputs and outputs');
  assert.match(await page.locator('.facts').textContent(), /1\.00 s/);
  assert.match(await editorText(page), /int missing_number\(int \*nums, int numsSize\)/, 'the template is the starter code');
  assert.match(await page.locator('button', {hasText: 'Submit'}).textContent(), /Shift/, 'the shortcut is shown');
  await shot(page, 'problem');
  await noCsp();
});

test('a compile error links main.c:LINE:COL to the editor line', async () => {
  await setEditor(page, CE);
  await page.keyboard.press('Control+Enter'); // Run
  const ref = page.locator('.compile-output button.src-ref').first();
  await ref.waitFor({timeout: 30000});
  assert.equal(await ref.getAttribute('data-line'), '5');
  assert.match(await page.locator('.output').textContent(), /Compilation error/);
  await shot(page, 'problem-compile-error');
  await page.locator('.cm-content').click(); // cursor elsewhere first
  await page.keyboard.press('Control+Home');
  assert.equal((await page.locator('.cm-lineNumbers .cm-activeLineGutter').textContent()).trim(), '1');
  await ref.click();
  assert.equal((await page.locator('.cm-lineNumbers .cm-activeLineGutter').textContent()).trim(), '5', 'the cursor is on line 5');
});

test('Run on custom input shows the program’s output', async () => {
  await setEditor(page, AC);
  await page.getByLabel('Custom input', {exact: true}).first().check();
  await page.locator('textarea.custom-input').fill('4\n0 1 2 4\n');
  await page.locator('button', {hasText: /^Run/}).click();
  const out = page.locator('[data-testid=run-stdout]');
  await out.waitFor({timeout: 30000});
  assert.equal((await out.textContent()).trim(), '3');
  await page.getByLabel('Samples', {exact: true}).check();
  await page.locator('button', {hasText: /^Run/}).click();
  await page.locator('.output', {hasText: 'All 2 samples passed'}).waitFor({timeout: 30000});
});

test('a wrong submission gets WA, explained, with per-test results', async () => {
  await setEditor(page, WA);
  await page.keyboard.press('Control+Shift+Enter'); // Submit
  const result = page.locator('.output .result-wa');
  await result.waitFor({timeout: 60000});
  assert.match(await result.textContent(), /Wrong answer/);
  assert.match(await result.textContent(), /differs from the expected answer/);
  assert.ok(await result.locator('.tests-table tbody tr').count() > 2, 'per-test rows');
  assert.match(await page.locator('.status-line').textContent(), /Wrong answer/, 'announced in the live region');
  assert.equal(await page.locator('.status-line').getAttribute('aria-live'), 'polite');
  await shot(page, 'problem-wrong-answer');
});

test('the accepted solution gets AC and the catalogue marks it solved', async () => {
  await setEditor(page, AC);
  await page.locator('button', {hasText: /^Submit/}).click();
  const result = page.locator('.output .result-ac');
  await result.waitFor({timeout: 60000});
  assert.match(await result.textContent(), /Accepted/);
  assert.match(await result.textContent(), /100 of 100 points/);
  assert.equal(await page.locator('[data-testid=history] .history-item').count(), 2, 'both submissions in the history');
  await shot(page, 'problem-accepted');
  await page.locator('a', {hasText: 'Practice'}).first().click();
  const card = page.locator(`.problem-card[data-slug="${SLUG}"]`);
  await card.waitFor();
  assert.match(await card.locator('[data-testid=state]').textContent(), /Solved/);
  await noCsp();
});

test('the draft is kept across a reload', async () => {
  await page.goto(`/p/${SLUG}`);
  await page.locator('.cm-content').waitFor();
  assert.match(await editorText(page), /XOR of 0\.\.n/, 'the last code is back');
  await setEditor(page, '/* draft kept */\n');
  await page.waitForTimeout(700);
  await page.reload();
  await page.locator('.cm-content').waitFor();
  assert.equal(await editorText(page), '/* draft kept */\n');
});

test('leaving a problem while it is judged: the history settles and the catalogue marks it solved', async () => {
  // A browser of its own: nothing solved in it yet.
  const other = await newPage(browser);
  await other.goto(`/p/${SLUG}`);
  await other.locator('.cm-content').waitFor();
  await setEditor(other, AC);
  await other.locator('button', {hasText: /^Submit/}).click();
  await other.locator('[data-testid=history] .history-item', {hasText: 'judging'}).waitFor();
  await other.locator('a', {hasText: 'Practice'}).first().click(); // left while it is judged
  const card = other.locator(`.problem-card[data-slug="${SLUG}"]`);
  await card.locator('[data-testid=state]', {hasText: 'Solved'}).waitFor({timeout: 60000});
  await other.goto(`/p/${SLUG}`);
  const item = other.locator('[data-testid=history] .history-item').first();
  await item.locator('.history-score', {hasText: '100 / 100'}).waitFor({timeout: 60000});
  assert.equal(await other.locator('[data-testid=history] .history-item', {hasText: 'judging'}).count(), 0, 'nothing left at judging');
  // The history is the server's: a second browser context with the same practice token sees it.
  const token = await other.evaluate(() => JSON.parse(localStorage.getItem('judged:practice-token')));
  const third = await newPage(browser);
  await third.goto('/');
  await third.evaluate((t) => localStorage.setItem('judged:practice-token', JSON.stringify(t)), token);
  await third.goto(`/p/${SLUG}`);
  await third.locator('[data-testid=history] .history-item .history-score', {hasText: '100 / 100'}).waitFor({timeout: 20000});
  assert.deepEqual(other.problems.errors, []);
  await other.context().close();
  await third.context().close();
});

test('phone width: the catalogue and the problem page fit 390 px', async () => {
  const phone = await newPage(browser, {viewport: 'phone'});
  await phone.goto('/');
  await phone.locator('.problem-card').first().waitFor();
  await shot(phone, 'catalogue-phone', {fullPage: true});
  await phone.goto(`/p/${SLUG}`);
  await phone.locator('.cm-content').waitFor();
  const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `no sideways scrolling (${overflow}px too wide)`);
  await shot(phone, 'problem-phone');
  await phone.locator('.pane-code').scrollIntoViewIfNeeded();
  await shot(phone, 'problem-phone-editor');
  assert.deepEqual(await cspViolations(phone), []);
  await phone.context().close();
});
