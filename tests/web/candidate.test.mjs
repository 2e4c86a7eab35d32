// The candidate's flow (docs/hiring.md): /invite#TOKEN keeps the token out of the address bar,
// the rules and Start, the countdown, problem tabs, Submit with a candidate token (fetch-read
// event stream), Finish with its confirmation; and a second candidate whose time runs out: the
// editor locks and the notice says the last submissions stand.
// SKIPPED, saying so, when this judged has no assessment API (GET /api/v1/assessments is 404).
import {test, before, after} from 'node:test';
import assert from 'node:assert/strict';
import {launch, newPage, setEditor, editorText, shot, cspViolations, read, apiCall, hiringSkipReason, makeTeam, URL_} from './lib.mjs';

const AC = read('problems/missing-number/submissions/accepted/xor.c');
const skip = await hiringSkipReason();
if (skip) console.log(`# ${skip}`);

let browser, key;
before(async () => {
  if (skip) return;
  browser = await launch();
  ({key} = await makeTeam('candidate-flow'));
});
after(async () => {
  await browser?.close();
});

async function assessment(body) {
  const r = await apiCall('POST', '/api/v1/assessments', {token: key, body});
  assert.equal(r.status, 201, `create the assessment: ${JSON.stringify(r.body)}`);
  return r.body;
}

async function invite(aid, name) {
  const r = await apiCall('POST', `/api/v1/assessments/${aid}/invites`, {token: key, body: {name, email: `${name.split(' ')[0].toLowerCase()}@example.com`}});
  assert.equal(r.status, 201, `create the invite: ${JSON.stringify(r.body)}`);
  return r.body;
}

test('candidate: invite link, rules, start, countdown, tabs, submit, finish', {skip: skip || false}, async () => {
  const a = await assessment({
    title: 'Backend engineer: C screen',
    rules: 'Work alone. You may read the **C standard library** documentation.\n\nExplain tricky code with comments.',
    problems: [{slug: 'missing-number', points: 60}, {slug: 'trapping-rain-water', points: 40}],
    duration_minutes: 45,
  });
  const inv = await invite(a.id, 'Ada Lovelace');
  const page = await newPage(browser);
  await page.goto(`/invite#${inv.token}`);
  await page.locator('h1', {hasText: 'Backend engineer'}).waitFor();
  assert.equal(page.url(), `${URL_}/invite`, 'the token is gone from the address bar');
  assert.equal(await page.evaluate(() => JSON.parse(sessionStorage.getItem('judged:invite'))), inv.token, 'kept in sessionStorage');
  await page.goBack();
  assert.ok(!page.url().includes(inv.token), `the entry before is not the token's (${page.url()})`);
  await page.goForward();
  await page.locator('h1', {hasText: 'Backend engineer'}).waitFor();
  assert.equal(page.url(), `${URL_}/invite`, 'back at /invite, opened from sessionStorage');
  assert.match(await page.locator('.rules').textContent(), /C standard library/);
  assert.match(await page.locator('.facts').textContent(), /45 minutes/);
  await shot(page, 'candidate-start');

  await page.locator('button', {hasText: /^Start/}).click();
  const countdown = page.locator('[data-testid=countdown]');
  await countdown.waitFor();
  await page.waitForTimeout(400);
  const shown = (await countdown.textContent()).trim();
  assert.match(shown, /^(44:[0-5]\d|45:00)$/, `the countdown starts near 45:00 (${shown})`);
  assert.equal(await page.locator('[role=tab]').count(), 2, 'one tab per problem');
  assert.equal(await page.locator('[role=tab][aria-selected=true]').getAttribute('data-slug'), 'missing-number');
  await page.locator('.cm-content').first().waitFor();
  await shot(page, 'candidate-workspace');

  await setEditor(page, AC);
  await page.keyboard.press('Control+Shift+Enter');
  const result = page.locator('.tab-panel:not([hidden]) .result-ac');
  await result.waitFor({timeout: 60000});
  const tab = page.locator('[role=tab][data-slug=missing-number]');
  await tab.locator('text=1 submission').waitFor({timeout: 10000});
  assert.match(await page.locator('.tab-panel:not([hidden]) [data-testid=history]').textContent(), /100/);
  await shot(page, 'candidate-accepted');

  // Arrow keys move between tabs; the second problem loads in its own panel.
  await tab.focus();
  await page.keyboard.press('ArrowRight');
  const second = page.locator('[role=tab][data-slug=trapping-rain-water]');
  assert.equal(await second.getAttribute('aria-selected'), 'true');
  await page.locator('.tab-panel:not([hidden]) .problem-title', {hasText: 'Trapping Rain Water'}).waitFor();

  await page.locator('button', {hasText: /^Finish$/}).click();
  const dialog = page.locator('dialog[open]');
  await dialog.waitFor();
  assert.match(await dialog.textContent(), /Trapping Rain Water/, 'the unsubmitted problem is named');
  await shot(page, 'candidate-finish-confirm');
  await dialog.locator('button', {hasText: 'Finish now'}).click();
  await page.locator('h1', {hasText: 'You have finished'}).waitFor();
  await shot(page, 'candidate-finished');
  const s = await apiCall('GET', '/api/v1/candidate', {token: inv.token});
  assert.equal(s.body.state, 'finished');
  assert.deepEqual(await cspViolations(page), []);
  assert.deepEqual(page.problems.errors, []);
  await page.context().close();
});

test('candidate: when the time runs out the editor locks and the last submissions stand', {skip: skip || false}, async () => {
  const a = await assessment({
    title: 'Short screen',
    problems: [{slug: 'missing-number', points: 100}],
    duration_minutes: 30,
    closes_at: Date.now() + 25000, // caps ends_at: the time runs out in about 25 s (room for a slow machine)
  });
  const inv = await invite(a.id, 'Grace Hopper');
  const page = await newPage(browser, {viewport: 'phone'});
  await page.goto(`/invite#${inv.token}`);
  await page.locator('button', {hasText: /^Start/}).click();
  await page.locator('.cm-content').waitFor();
  await setEditor(page, AC);
  await page.locator('button', {hasText: /^Submit/}).click();
  await page.locator('.result-ac').waitFor({timeout: 60000});
  await shot(page, 'candidate-phone');
  await page.locator('.timeup').waitFor({state: 'visible', timeout: 30000});
  assert.match(await page.locator('.timeup').textContent(), /submissions stand/);
  assert.equal(await page.locator('.cm-content').getAttribute('aria-readonly'), 'true');
  assert.equal(await page.locator('button', {hasText: /^Submit/}).isDisabled(), true);
  assert.equal(await page.locator('button', {hasText: /^Run/}).isDisabled(), true);
  const before_ = await editorText(page);
  await page.locator('.cm-content').click();
  await page.keyboard.type('typing after the end');
  assert.equal(await editorText(page), before_, 'the editor does not change');
  await page.locator('.timeup').scrollIntoViewIfNeeded();
  await shot(page, 'candidate-time-up');
  const r = await apiCall('POST', '/api/v1/submissions', {token: inv.token, body: {problem: 'missing-number', language: 'c', source: AC}});
  assert.equal(r.status, 403, 'the judge refuses too');
  assert.deepEqual(page.problems.errors, []);
  await page.context().close();
});
