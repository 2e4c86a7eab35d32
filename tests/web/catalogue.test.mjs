// The catalogue (issue 17, item 12): each problem's difficulty and tags (problem.yaml's
// difficulty and keywords), a search over title, id and tags, filters by difficulty and tag
// kept in the address, and math in statements typeset by the bundled KaTeX (no other origin).
import {test, before, after} from 'node:test';
import assert from 'node:assert/strict';
import {launch, newPage, cspViolations, shot, URL_, axeViolations} from './lib.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const slugs = (page) => page.locator('[data-testid=catalogue] li').evaluateAll((lis) => lis.map((l) => l.dataset.slug));

test('catalogue: difficulty and tags shown; search, difficulty and tag filters; kept in the address', async () => {
  const page = await newPage(browser);
  await page.goto('/');
  const card = page.locator('[data-testid=catalogue] li[data-slug=trapping-rain-water]');
  await card.waitFor();
  assert.equal(await card.locator('[data-testid=difficulty]').textContent(), 'Medium');
  assert.deepEqual(await card.locator('.tag').allTextContents(), ['arrays', 'two pointers']);
  assert.equal(await page.locator('[data-testid=catalogue] li[data-slug=xss-statement] [data-testid=difficulty]').count(), 0,
    'a problem without a difficulty shows none');
  await shot(page, 'catalogue');

  await page.locator('#problem-filter').fill('two point');
  assert.deepEqual(await slugs(page), ['trapping-rain-water'], 'a tag is searched');
  assert.match(page.url(), /\?q=two\+point$/);
  await page.locator('#problem-filter').fill('');

  await page.locator('[data-testid=difficulty-filter]').selectOption('easy');
  assert.deepEqual(await slugs(page), ['math-statement', 'missing-number']);
  await page.locator('[data-testid=tag-filter]').selectOption('arrays');
  assert.deepEqual(await slugs(page), ['missing-number']);
  assert.match(await page.locator('.filters [role=status]').textContent(), /^1 of 4 problems shown$/);
  await page.reload();
  await page.locator('[data-testid=catalogue] li').first().waitFor();
  assert.deepEqual(await slugs(page), ['missing-number'], 'the filters come back from the address');
  assert.equal(await page.locator('[data-testid=tag-filter]').inputValue(), 'arrays');

  await page.locator('[data-testid=difficulty-filter]').selectOption('');
  await page.locator('[data-testid=tag-filter]').selectOption('');
  await page.locator('[data-testid=catalogue] li[data-slug=math-statement] .tag', {hasText: 'math'}).click();
  assert.deepEqual(await slugs(page), ['math-statement', 'missing-number'], 'a tag button filters by its tag');
  assert.equal(await page.locator('[data-testid=tag-filter]').inputValue(), 'math');
  const v = await axeViolations(page);
  assert.ok(v.length === 0, `axe:\n  ${v.join('\n  ')}`);
  assert.deepEqual(await cspViolations(page), []);
  await page.context().close();
});

test('math in a statement: typeset by the bundled KaTeX; dollars in code and escaped ones stay', async () => {
  const page = await newPage(browser);
  const origins = new Set();
  page.on('request', (r) => origins.add(new URL(r.url()).origin));
  await page.goto('/p/math-statement');
  const st = page.locator('.statement');
  await st.locator('.katex').first().waitFor();
  assert.equal(await st.locator('.katex-display').count(), 1, 'one display formula');
  assert.ok(await st.locator('.math:not(.math-display) .katex').count() >= 4, 'the inline formulas');
  assert.equal(await st.locator('.math-error').count(), 0);
  const text = await st.evaluate((el) => {
    const c = el.cloneNode(true);
    for (const k of c.querySelectorAll('.katex')) k.remove();
    return c.textContent;
  });
  assert.match(text, /costs \$5, or \$6 with tax/, 'escaped dollars are dollars');
  assert.ok(!/\$\S/.test(text.replace(/\$[56]/g, '').replace(/echo \$HOME \$PATH/, '')), `no TeX left over: ${text}`);
  assert.equal(await st.locator('code', {hasText: 'echo $HOME $PATH'}).count(), 1, 'code keeps its dollars');
  // The annotation carries the TeX: stars and underscores survived Markdown.
  assert.ok(await st.locator('annotation', {hasText: 'a_1 * b_2 * c_3'}).count() === 1);
  // KaTeX's own stylesheet applies (its fonts), from this judge.
  const font = await st.locator('.katex').first().evaluate((el) => getComputedStyle(el).fontFamily);
  assert.match(font, /KaTeX_Main/);
  await page.waitForFunction(() => document.fonts.check('16px KaTeX_Main'));
  assert.deepEqual([...origins], [URL_], 'nothing from another origin');
  assert.deepEqual(await cspViolations(page), []);
  assert.deepEqual(page.problems.errors, []);
  const v = await axeViolations(page);
  assert.ok(v.length === 0, `axe:\n  ${v.join('\n  ')}`);
  await shot(page, 'math-statement');
  await page.context().close();
});
