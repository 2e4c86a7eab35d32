// Timer warnings in words (issue 17, item 10): under 5 minutes and under 1 minute the note beside
// the countdown says so, in a polite live region (read out when it changes), not colour alone.
// The browser's clock is moved forward (Playwright's clock) to cross the marks, and the server's
// clock as the page reads it (the session's `now`, which it resynchronises with) moves as much.
import {test, before, after} from 'node:test';
import assert from 'node:assert/strict';
import {launch, newPage, apiCall, hiringSkipReason, makeTeam, axeViolations} from './lib.mjs';

const skip = await hiringSkipReason();
let browser;
before(async () => { if (!skip) browser = await launch(); });
after(async () => { await browser?.close(); });

test('the countdown says "less than 5 minutes" and "less than 1 minute" in words', {skip: skip || false}, async () => {
  const {key} = await makeTeam('timer');
  const a = await apiCall('POST', '/api/v1/assessments', {token: key, body: {title: 'Timed', duration_minutes: 7,
    problems: [{slug: 'missing-number'}]}});
  assert.equal(a.status, 201, JSON.stringify(a.body));
  const inv = await apiCall('POST', `/api/v1/assessments/${a.body.id}/invites`, {token: key, body: {name: 'Tim Er', email: 'tim@example.com'}});
  const tok = inv.body.token;
  assert.equal((await apiCall('POST', '/api/v1/candidate/start', {token: tok})).status, 200);

  const page = await newPage(browser);
  await page.clock.install();
  let shift = 0; // ms the browser's clock was moved forward
  await page.route(/\/api\/v1\/candidate$/, async (route) => {
    const res = await route.fetch();
    const body = await res.json();
    if (typeof body.now === 'number') body.now += shift;
    await route.fulfill({response: res, json: body});
  });
  const forward = async (mmss) => {
    const [m, s_] = mmss.split(':').map(Number);
    shift += (m * 60 + s_) * 1000;
    await page.clock.fastForward(mmss);
  };
  await page.goto(`/invite#${tok}`);
  const note = page.locator('[data-testid=timer-note]');
  const timer = page.locator('.timer');
  await page.locator('[data-testid=countdown]', {hasText: /^0[67]:/}).waitFor();
  assert.equal(await note.getAttribute('aria-live'), 'polite');
  assert.equal(await note.getAttribute('role'), 'status');
  assert.equal((await note.textContent()).trim(), '', 'no warning with 7 minutes left');
  assert.equal(await note.isVisible(), false);

  await forward('02:30'); // about 4:30 left
  await page.locator('[data-testid=countdown]', {hasText: /^04:/}).waitFor();
  assert.equal(await note.textContent(), 'Less than 5 minutes left');
  assert.ok(await note.isVisible(), 'the words are shown, not only read out');
  assert.match(await timer.getAttribute('class'), /timer-warn/);
  const v = await axeViolations(page);
  assert.ok(v.length === 0, `axe, under 5 minutes:\n  ${v.join('\n  ')}`);

  await forward('04:00'); // about 0:30 left
  await page.locator('[data-testid=countdown]', {hasText: /^00:/}).waitFor();
  assert.equal(await note.textContent(), 'Less than 1 minute left');
  assert.match(await timer.getAttribute('class'), /timer-danger/);
  await page.context().close();
});
