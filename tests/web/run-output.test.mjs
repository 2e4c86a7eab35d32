// Run shows what the program wrote, and nothing else: its stdout and stderr as text, never a
// stray "null" or "[object HTML...Element]" where an absent part or a list of nodes was.
import {test, before, after} from 'node:test';
import assert from 'node:assert/strict';
import {launch, newPage, setEditor} from './lib.mjs';

const SLUG = 'missing-number';
const NOISY = '#include <stdio.h>\n#include "solution.h"\n\n' +
  'int missing_number(int *nums, int numsSize)\n{\n    fprintf(stderr, "debug: n=%d\\n", numsSize);\n' +
  '    long long want = (long long)numsSize * (numsSize + 1) / 2;\n' +
  '    for (int i = 0; i < numsSize; i++)\n        want -= nums[i];\n    return (int)want;\n}\n';

let browser, page;
before(async () => {
  browser = await launch();
  page = await newPage(browser);
});
after(async () => {
  await browser?.close();
});

async function resultText() {
  const texts = await page.locator('.output').allTextContents();
  return texts.join('\n');
}

test('custom input: stdout and stderr shown as the program wrote them', async () => {
  await page.goto(`/p/${SLUG}`);
  await setEditor(page, NOISY);
  await page.getByLabel('Custom input', {exact: true}).first().check();
  await page.locator('textarea.custom-input').fill('4\n0 1 2 4\n');
  await page.locator('button', {hasText: /^Run/}).click();
  const out = page.locator('[data-testid=run-stdout]');
  await out.waitFor({timeout: 60000});
  assert.equal((await out.textContent()).trim(), '3');
  const err = page.locator('.output pre.io-err');
  assert.equal((await err.textContent()).trim(), 'debug: n=4');
  const text = await resultText();
  assert.doesNotMatch(text, /\bnull\b/, 'no literal null');
  assert.doesNotMatch(text, /\[object /, 'no stringified element');
});

test('samples: "all passed" shows no stray text', async () => {
  await page.getByLabel('Samples', {exact: true}).check();
  await page.locator('button', {hasText: /^Run/}).click();
  await page.locator('.output', {hasText: 'All 2 samples passed'}).waitFor({timeout: 60000});
  const text = await resultText();
  assert.doesNotMatch(text, /\bnull\b/, 'no literal null');
  assert.doesNotMatch(text, /\[object /, 'no stringified element');
});
