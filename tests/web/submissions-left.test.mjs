// Under a submission cap the candidate sees how many submissions are left, per problem
// (issue 17, item 10), updated after each submission.
import {test, before, after} from 'node:test';
import assert from 'node:assert/strict';
import {launch, newPage, apiCall, hiringSkipReason, makeTeam} from './lib.mjs';

const SLUG = 'missing-number';
const skip = await hiringSkipReason();
let browser;
before(async () => { if (!skip) browser = await launch(); });
after(async () => { await browser?.close(); });

test('the tab says how many submissions are left of the cap', {skip: skip || false}, async () => {
  const {key} = await makeTeam('cap');
  const a = await apiCall('POST', '/api/v1/assessments', {token: key, body: {title: 'Capped', duration_minutes: 30,
    problems: [{slug: SLUG}], max_submissions: 3}});
  assert.equal(a.status, 201, JSON.stringify(a.body));
  const inv = await apiCall('POST', `/api/v1/assessments/${a.body.id}/invites`, {token: key, body: {name: 'Cap Tain', email: 'cap@example.com'}});
  const tok = inv.body.token;
  const started = await apiCall('POST', '/api/v1/candidate/start', {token: tok});
  assert.ok(started.status === 200 || started.status === 201, JSON.stringify(started.body));
  const page = await newPage(browser);
  await page.goto(`/invite#${tok}`);
  const left = page.locator('[data-testid=submissions-left]').first();
  await left.waitFor({timeout: 30000});
  assert.match(await left.textContent(), /3 of 3 left/);
  const s = await apiCall('POST', '/api/v1/submissions', {token: tok, body: {problem: SLUG, language: 'c', source: 'int x;'}});
  assert.ok(s.status === 202 || s.status === 200, JSON.stringify(s.body));
  await page.reload();
  await page.locator('[data-testid=submissions-left]', {hasText: '2 of 3 left'}).first().waitFor({timeout: 30000});
  await page.context().close();
});
