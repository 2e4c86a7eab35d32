// The team side (issue 17, item 11): a team's key holders create and revoke its keys; an
// assessment is edited until its first candidate starts; the problem picker shows difficulty and
// tags, filters, and previews a statement; form errors sit under their fields (the judge's too);
// a bad candidate address says what is wrong.
// SKIPPED, saying so, when this judged has no assessment API (GET /api/v1/assessments is 404).
import {test, before, after} from 'node:test';
import assert from 'node:assert/strict';
import {launch, newPage, apiCall, hiringSkipReason, makeTeam, axeViolations, cspViolations, shot} from './lib.mjs';

const skip = await hiringSkipReason();
if (skip) console.log(`# ${skip}`);

let browser, page, key, team;
before(async () => {
  if (skip) return;
  browser = await launch();
  page = await newPage(browser);
  ({key, team} = await makeTeam('team-ui'));
  await page.goto('/team');
  await page.locator('#team-key').fill(key);
  await page.locator('button', {hasText: 'Continue'}).click();
  await page.locator('h1', {hasText: 'Assessments'}).waitFor();
});
after(async () => { await browser?.close(); });

async function noAxe(what) {
  const v = await axeViolations(page);
  assert.ok(v.length === 0, `${what}: axe\n  ${v.join('\n  ')}`);
}

test('team keys: create one (shown once), revoke it', {skip: skip || false}, async () => {
  await page.locator('.who-bar a', {hasText: 'Team keys'}).click();
  await page.locator('h1', {hasText: 'Team keys'}).waitFor();
  await page.locator('[data-testid=keys] tbody tr').first().waitFor();
  assert.match(await page.locator('[data-testid=keys] tbody').textContent(), /\(this browser\)/);
  await page.locator('button', {hasText: 'Create a key'}).click();
  const nameInput = page.getByLabel('Name of the new key');
  assert.equal(await nameInput.getAttribute('aria-invalid'), 'true', 'an empty name is refused at the field');
  assert.match(await page.locator('.field-error:not([hidden])').textContent(), /Give the key a name/);
  await nameInput.fill('CI runner');
  await page.locator('button', {hasText: 'Create a key'}).click();
  const out = page.locator('[data-testid=new-key]');
  await out.waitFor();
  const token = await out.inputValue();
  assert.match(token, /^jd_/);
  assert.equal(await nameInput.getAttribute('aria-invalid'), null, 'the error is gone');
  assert.equal((await apiCall('GET', '/api/v1/me', {token})).status, 200, 'the new key works');
  const row = page.locator('[data-testid=keys] tbody tr', {hasText: 'CI runner'});
  await row.waitFor();
  await noAxe('keys page');
  await shot(page, 'team-keys');
  await row.locator('button', {hasText: 'Revoke'}).click();
  await page.locator('dialog[open] .btn-danger').click();
  await row.locator('text=revoked').waitFor();
  assert.equal((await apiCall('GET', '/api/v1/me', {token})).status, 401, 'the revoked key no longer works');
  assert.deepEqual(await cspViolations(page), []);
});

test('new assessment: the picker, and errors under their fields', {skip: skip || false}, async () => {
  await page.goto('/team/new');
  await page.locator('h1', {hasText: 'New assessment'}).waitFor();
  const row = page.locator('.pick-row[data-slug=trapping-rain-water]');
  assert.equal(await row.locator('[data-testid=difficulty]').textContent(), 'Medium');
  assert.deepEqual(await row.locator('.tag').allTextContents(), ['arrays', 'two pointers']);
  await page.locator('.form-grid input[type=search]').fill('two pointers');
  assert.deepEqual(await page.locator('.pick-row:not([hidden])').evaluateAll((r) => r.map((x) => x.dataset.slug)), ['trapping-rain-water']);
  await page.locator('.form-grid input[type=search]').fill('');
  await page.locator('.form-grid select').first().selectOption('easy');
  const easy = await page.locator('.pick-row:not([hidden])').evaluateAll((r) => r.map((x) => x.dataset.slug));
  assert.ok(easy.includes('missing-number') && !easy.includes('trapping-rain-water'), easy.join());
  await page.locator('.form-grid select').first().selectOption('');
  await row.locator('summary', {hasText: 'Preview'}).click();
  await row.locator('.pick-preview-body', {hasText: /terrain|bars/i}).waitFor();

  // Nothing filled: each error under its field, focus on the first.
  await page.locator('button', {hasText: 'Create the assessment'}).click();
  const title = page.getByLabel('Title', {exact: true});
  assert.equal(await title.getAttribute('aria-invalid'), 'true');
  const described = await title.getAttribute('aria-describedby');
  assert.match(await page.locator(`#${described.split(' ')[0]}`).textContent(), /title/i);
  assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('aria-label') || document.activeElement?.id), await title.getAttribute('id'));
  assert.match(await page.locator('.field-error:not([hidden])', {hasText: 'Pick at least one problem'}).textContent(), /problem/);
  // The error of a field sits right after its input.
  assert.ok(await title.evaluate((el) => el.nextElementSibling?.classList.contains('field-error')), 'the message follows the field');
  await noAxe('new assessment with errors');

  // The judge's field errors (RFC 9457 pointers) land under their fields too.
  await title.fill('Screen');
  await row.locator('input[type=checkbox]').check();
  await page.route('**/api/v1/assessments', (route) => route.request().method() === 'POST'
    ? route.fulfill({status: 422, contentType: 'application/problem+json', body: JSON.stringify({
      type: 'about:blank', title: 'Unprocessable Content', status: 422, detail: 'the assessment has 2 invalid fields',
      errors: [{pointer: '/duration_minutes', detail: 'is required: an integer from 1 to 1440'},
        {pointer: '/problems/0', detail: "no problem 'trapping-rain-water' that this team may use"}]})})
    : route.continue());
  await page.locator('button', {hasText: 'Create the assessment'}).click();
  const dur = page.getByLabel(/^Time for each candidate/);
  await page.waitForFunction(() => document.querySelector('[aria-invalid=true]'));
  assert.equal(await dur.getAttribute('aria-invalid'), 'true');
  assert.match(await page.locator(`#${(await dur.getAttribute('aria-describedby')).split(' ')[0]}`).textContent(), /1 to 1440/);
  assert.match(await page.locator('.field-error:not([hidden])', {hasText: 'may use'}).textContent(), /trapping-rain-water: no problem/);
  assert.equal(await title.getAttribute('aria-invalid'), null);
  await page.unroute('**/api/v1/assessments');
});

test('an assessment is edited until a candidate starts', {skip: skip || false}, async () => {
  const a = await apiCall('POST', '/api/v1/assessments', {token: key, body: {title: 'Editable', duration_minutes: 20,
    problems: [{slug: 'missing-number', points: 50}]}});
  assert.equal(a.status, 201);
  const inv = await apiCall('POST', `/api/v1/assessments/${a.body.id}/invites`, {token: key, body: {name: 'Ed It', email: 'ed@example.com'}});
  await page.goto(`/team/a/${a.body.id}`);
  await page.locator('[data-testid=edit]:not([hidden])').click();
  await page.locator('h1', {hasText: 'Edit “Editable”'}).waitFor();
  const title = page.getByLabel('Title', {exact: true});
  assert.equal(await title.inputValue(), 'Editable');
  assert.equal(await page.locator('.pick-row[data-slug=missing-number] input[type=number]').inputValue(), '50');
  await title.fill('Edited');
  await page.locator('.pick-row[data-slug=trapping-rain-water] input[type=checkbox]').check();
  await page.locator('.pick-row[data-slug=trapping-rain-water] input[type=number]').fill('30');
  await noAxe('edit form');
  await page.locator('button', {hasText: 'Save the changes'}).click();
  await page.locator('h1', {hasText: 'Edited'}).waitFor();
  const now = await apiCall('GET', `/api/v1/assessments/${a.body.id}`, {token: key});
  assert.deepEqual(now.body.problems.map((p) => [p.slug, p.points]), [['missing-number', 50], ['trapping-rain-water', 30]]);

  // The form is open when the first candidate starts: saving then says why it cannot.
  await page.locator('[data-testid=edit]:not([hidden])').click();
  await page.locator('h1', {hasText: 'Edit'}).waitFor();
  assert.equal((await apiCall('POST', '/api/v1/candidate/start', {token: inv.body.token})).status, 200);
  await page.getByLabel('Title', {exact: true}).fill('Too late');
  await page.locator('button', {hasText: 'Save the changes'}).click();
  await page.locator('[role=alert]', {hasText: 'can no longer be edited'}).waitFor();
  await page.goto(`/team/a/${a.body.id}`);
  await page.locator('[data-testid=edit-closed]:not([hidden])').waitFor();
  assert.equal(await page.locator('[data-testid=edit]').isHidden(), true);
  await page.goto(`/team/a/${a.body.id}/edit`);
  await page.locator('h1', {hasText: 'can no longer be edited'}).waitFor();
});

test('a bad candidate address says what is wrong', {skip: skip || false}, async () => {
  const a = await apiCall('POST', '/api/v1/assessments', {token: key, body: {title: 'Addresses', duration_minutes: 20,
    problems: [{slug: 'missing-number'}]}});
  for (const [path, heading, why] of [
    [`/team/a/${a.body.id}/c/abc`, 'Not a candidate', /“abc” is not a candidate number/],
    [`/team/a/${a.body.id}/c/987654`, 'No such candidate', /has no candidate 987654/],
    ['/team/a/987654/c/1', 'No such assessment', /no assessment 987654/],
    ['/team/a/x1/c/1', 'Not an assessment', /“x1” is not an assessment number/]]) {
    await page.goto(path);
    await page.locator('h1', {hasText: heading}).waitFor();
    assert.match(await page.locator('main').textContent(), why);
    assert.equal(await page.locator('h1', {hasText: 'Something went wrong'}).count(), 0);
  }
  await noAxe('bad candidate address');
});
