// The hiring team's pages (docs/hiring.md): the key form, creating an assessment with the
// problem picker, invites whose link is shown once, the report table after two candidates
// submitted, the CSV download, a candidate's submissions in a read-only viewer, and the
// similarity flag with both sources side by side.
// SKIPPED, saying so, when this judged has no assessment API (GET /api/v1/assessments is 404).
import {test, before, after} from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import {launch, newPage, shot, cspViolations, apiCall, hiringSkipReason, makeTeam, URL_} from './lib.mjs';

const skip = await hiringSkipReason();
if (skip) console.log(`# ${skip}`);

// One solution, submitted by both candidates: long enough to be fingerprinted and flagged.
const SHARED = `#include "solution.h"

/* Sum of 0..n minus the sum of the elements, in 64 bits so nothing overflows. */
static long long range_sum(long long n)
{
    return n * (n + 1) / 2;
}

static long long array_sum(const int *values, int count)
{
    long long total = 0;
    for (int index = 0; index < count; index++)
        total += values[index];
    return total;
}

int missing_number(int *nums, int numsSize)
{
    long long expected = range_sum(numsSize);
    long long actual = array_sum(nums, numsSize);
    return (int)(expected - actual);
}
`;

let browser, page, key, team;
before(async () => {
  if (skip) return;
  browser = await launch();
  page = await newPage(browser);
  ({key, team} = await makeTeam('hiring-team'));
});
after(async () => {
  await browser?.close();
});

let aid, tokens = [];

test('team: key form, new assessment from the problem picker', {skip: skip || false}, async () => {
  await page.goto('/team');
  await page.locator('#team-key').waitFor();
  await shot(page, 'team-key');
  await page.locator('#team-key').fill('not-a-key');
  await page.locator('button', {hasText: 'Continue'}).click();
  await page.locator('[role=alert]', {hasText: /unknown|revoked/}).waitFor();
  await page.locator('#team-key').fill(key);
  await page.locator('button', {hasText: 'Continue'}).click();
  await page.locator('h1', {hasText: 'Assessments'}).waitFor();
  assert.match(await page.locator('.who-bar').textContent(), new RegExp(team.name));
  assert.equal(await page.evaluate(() => localStorage.getItem('judged:team-key')), null, 'the key is not in localStorage');

  await page.locator('a', {hasText: 'New assessment'}).first().click();
  await page.locator('h1', {hasText: 'New assessment'}).waitFor();
  await page.getByLabel('Title', {exact: true}).fill('Data engineer: C screen');
  await page.getByLabel(/^Rules/).fill('Work alone. Comments welcome.');
  await page.getByLabel(/^Time for each candidate/).fill('60');
  const row = page.locator('.pick-row[data-slug=missing-number]');
  await row.locator('input[type=checkbox]').check();
  await row.locator('input[type=number]').fill('80');
  assert.match(await page.locator('.form-grid [role=status]').textContent(), /1 problem picked, 80 points/);
  await shot(page, 'team-new-assessment', {fullPage: true});
  await page.locator('button', {hasText: 'Create the assessment'}).click();
  await page.waitForURL(/\/team\/a\/\d+$/);
  aid = page.url().match(/\/team\/a\/(\d+)$/)[1];
  await page.locator('h1', {hasText: 'Data engineer: C screen'}).waitFor();
});

test('team: invites show their link once', {skip: skip || false}, async () => {
  for (const [name, email] of [['Ada Lovelace', 'ada@example.com'], ['Grace Hopper', 'grace@example.com']]) {
    await page.getByLabel('Candidate’s name').fill(name);
    await page.getByLabel('Email', {exact: true}).fill(email);
    await page.locator('button', {hasText: 'Create the invite link'}).click();
    const link = page.locator('[data-testid=invite-link]');
    await link.waitFor();
    await page.locator('.invite-link-box', {hasText: name}).waitFor();
    const url = await link.inputValue();
    assert.ok(url.startsWith(`${URL_}/invite#`), url);
    tokens.push(url.split('#')[1]);
    if (tokens.length === 1) await shot(page, 'team-invite-link');
  }
  await page.locator('table', {hasText: 'grace@example.com'}).first().waitFor();
  // The invites list never shows a token again.
  const html = await page.locator('main').innerHTML();
  assert.ok(!html.includes(tokens[0]), 'the first link is not shown any more');
});

test('team: the report, its CSV, a candidate’s code and the similarity flag', {skip: skip || false}, async () => {
  for (const token of tokens) {
    const st = await apiCall('POST', '/api/v1/candidate/start', {token});
    assert.equal(st.status, 200, JSON.stringify(st.body));
    const s = await apiCall('POST', '/api/v1/submissions?wait=true', {token, body: {problem: 'missing-number', language: 'c', source: SHARED}});
    assert.equal(s.body.verdict, 'AC', JSON.stringify(s.body));
  }
  await apiCall('POST', '/api/v1/candidate/finish', {token: tokens[0]});
  await page.locator('button', {hasText: 'Refresh'}).click();
  const table = page.locator('[data-testid=report] table');
  await table.locator('tbody tr', {hasText: 'Grace Hopper'}).locator('text=80').first().waitFor({timeout: 15000});
  assert.equal(await table.locator('tbody tr').count(), 2);
  assert.match(await table.locator('tbody tr', {hasText: 'Ada Lovelace'}).textContent(), /finished/);
  await page.locator('#sim-h').scrollIntoViewIfNeeded();
  await page.locator('.sim-item').first().waitFor();
  await page.locator('#rep-h').scrollIntoViewIfNeeded();
  await shot(page, 'team-report');
  await shot(page, 'team-assessment-full', {fullPage: true});

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.locator('button', {hasText: 'Download CSV'}).click(),
  ]);
  assert.equal(download.suggestedFilename(), `assessment-${aid}-report.csv`);
  const csv = fs.readFileSync(await download.path(), 'utf8');
  assert.match(csv, /Ada Lovelace/);
  assert.match(csv, /Grace Hopper/);

  await page.locator('a', {hasText: 'Compare side by side'}).first().click();
  await page.locator('h1', {hasText: 'Similar code'}).waitFor();
  await page.locator('.sim-pair .cm-content').nth(1).waitFor();
  assert.equal(await page.locator('.sim-pair .cm-editor').count(), 2, 'both sources in viewers');
  assert.match(await page.locator('.sim-pair h2').first().textContent(), /\d+% alike/);
  assert.equal(await page.locator('.sim-pair .cm-content').first().getAttribute('aria-readonly'), 'true');
  // The matching regions: listed in text, and their lines tinted in both viewers.
  assert.ok(await page.locator('.sim-pair .sim-regions li').count() >= 1, 'the matching regions are listed');
  assert.ok(await page.locator('.sim-pair .cm-editor').first().locator('.cm-sim-0').count() >= 1, 'a region is highlighted in a');
  assert.ok(await page.locator('.sim-pair .cm-editor').nth(1).locator('.cm-sim-0').count() >= 1, 'a region is highlighted in b');
  assert.ok(await page.locator('.sim-pair .sim-reasons li').count() >= 1, 'the reasons are shown');
  await shot(page, 'team-similarity');

  await page.locator('.sim-pair figcaption a', {hasText: 'Ada Lovelace'}).click();
  await page.locator('h1', {hasText: 'Ada Lovelace'}).waitFor();
  await page.locator('[data-testid=viewer] .cm-content').waitFor();
  assert.match(await page.locator('[data-testid=viewer] .cm-content').textContent(), /range_sum/);
  assert.equal(await page.locator('[data-testid=viewer] .cm-content').getAttribute('aria-readonly'), 'true');
  assert.ok(await page.locator('.sub-detail .tests-table tbody tr').count() >= 2, 'per-test results');
  await shot(page, 'team-candidate');
  assert.deepEqual(await cspViolations(page), []);
  assert.deepEqual(page.problems.errors, []);
});

test('team: phone width', {skip: skip || false}, async () => {
  const phone = await newPage(browser, {viewport: 'phone'});
  await phone.goto('/team');
  await phone.locator('#team-key').fill(key);
  await phone.locator('button', {hasText: 'Continue'}).click();
  await phone.locator('h1', {hasText: 'Assessments'}).waitFor();
  await phone.goto(`/team/a/${aid}`);
  await phone.locator('[data-testid=report] table').waitFor();
  const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `no sideways scrolling of the page (${overflow}px); wide tables scroll in their box`);
  await shot(phone, 'team-assessment-phone', {fullPage: true});
  await phone.context().close();
});
