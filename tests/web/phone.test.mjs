// The phone layout (issue 17, item 9), at 390 px: the per-test results table fits the screen
// (its Time and Memory columns in view, no sideways scrolling), test names wrap only between
// their parts, never inside a word, and the editor's "Draft saved" note stays on one line.
import {test, before, after} from 'node:test';
import assert from 'node:assert/strict';
import {launch, newPage, setEditor, shot, read} from './lib.mjs';

const AC = read('problems/trapping-rain-water/submissions/accepted/two_pointers.c');

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test('phone: the results table fits, names break between words, the draft note on one line', async () => {
  const page = await newPage(browser, {viewport: 'phone'});
  await page.goto('/p/trapping-rain-water');
  await page.locator('[data-testid=editor] >> .cm-editor').waitFor();
  await setEditor(page, AC);
  const note = page.locator('.save-state');
  await page.waitForFunction(() => /saved/i.test(document.querySelector('.save-state')?.textContent || ''));
  const lines = await note.evaluate((el) => {
    const lh = parseFloat(getComputedStyle(el).lineHeight) || parseFloat(getComputedStyle(el).fontSize) * 1.55;
    return el.getBoundingClientRect().height / lh;
  });
  assert.ok(lines < 1.5, `the note "${await note.textContent()}" takes ${lines.toFixed(1)} lines`);
  const noteBox = await note.boundingBox();
  assert.ok(noteBox.x >= 0 && noteBox.x + noteBox.width <= 390, `the note is on screen (${JSON.stringify(noteBox)})`);

  await page.locator('button', {hasText: /^Submit/}).click();
  await page.locator('[data-testid=console] .output', {hasText: /points/}).waitFor({timeout: 120000});
  const table = page.locator('[data-testid=console] .tests-table');
  await table.waitFor();
  await table.scrollIntoViewIfNeeded();
  await shot(page, 'phone-results');
  const vw = page.viewportSize().width;
  for (const col of ['Time', 'Memory', 'Verdict']) {
    const b = await table.locator('th', {hasText: new RegExp(`^${col}$`)}).boundingBox();
    assert.ok(b && b.x >= 0 && b.x + b.width <= vw + 0.5, `the ${col} column is on screen (${JSON.stringify(b)})`);
  }
  const scroll = await table.evaluate((t) => { const box = t.closest('.table-scroll'); return box.scrollWidth - box.clientWidth; });
  assert.ok(scroll <= 1, `the table needs no sideways scrolling (${scroll} px more)`);
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), 'the page does not scroll sideways');

  // Every run of letters and digits of a test name is on one line.
  const broken = await table.locator('td.test-name').evaluateAll((cells) => {
    const bad = [];
    for (const cell of cells) {
      const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
      for (let n; (n = walker.nextNode());) {
        if (n.parentElement.closest('.test-message')) continue;
        for (const m of n.data.matchAll(/[A-Za-z0-9]+/g)) {
          const r = document.createRange();
          r.setStart(n, m.index);
          r.setEnd(n, m.index + m[0].length);
          const tops = new Set([...r.getClientRects()].map((x) => Math.round(x.top)));
          if (tops.size > 1) bad.push(`${cell.textContent}: "${m[0]}"`);
        }
      }
    }
    return bad;
  });
  assert.ok(await table.locator('td.test-name').count() >= 10, 'the hidden tests are listed too');
  assert.deepEqual(broken, [], 'no word of a test name is split across lines');
  await page.context().close();
});
