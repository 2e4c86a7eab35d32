// axe-core on every page state (issue 17, item 8): zero violations of WCAG 2.x A/AA and axe's
// best practices, in the light and the dark theme and at phone width, on the catalogue, a
// problem with its editor, a Run's and a Submit's results, the settings, the team pages (key
// form, list, new assessment, an assessment with its report, a candidate's code, similarity)
// and the candidate's (rules, the session, the end, a bad link).
import {test, before, after} from 'node:test';
import assert from 'node:assert/strict';
import {launch, newPage, setEditor, read, apiCall, hiringSkipReason, makeTeam, axeViolations} from './lib.mjs';

const AC = read('problems/missing-number/submissions/accepted/xor.c');
const skip = await hiringSkipReason();

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

async function clean(page, state) {
  await page.waitForLoadState('networkidle').catch(() => {});
  const v = await axeViolations(page);
  assert.ok(v.length === 0, `${state}: ${v.length} axe violation(s)\n  ${v.join('\n  ')}`);
}

const editorReady = (page) => page.locator('[data-testid=editor] >> .cm-editor').waitFor();

for (const theme of ['light', 'dark']) {
  test(`practice, ${theme}: catalogue, problem, settings, Run and Submit results`, async () => {
    const page = await newPage(browser, {context: {colorScheme: theme}});
    await page.goto('/');
    await page.locator('a[href="/p/missing-number"]').first().waitFor();
    await clean(page, `catalogue (${theme})`);
    await page.locator('#problem-filter').fill('zzzz-nothing');
    await clean(page, `catalogue, nothing matches (${theme})`);

    await page.goto('/p/missing-number');
    await editorReady(page);
    await clean(page, `problem (${theme})`);
    await page.locator('.editor-settings summary').click();
    await clean(page, `problem, settings open (${theme})`);
    await page.keyboard.press('Escape');

    await setEditor(page, AC);
    await page.locator('button', {hasText: /^Run/}).click();
    await page.locator('[data-testid=console] .output .result:not(.result-pending)').waitFor({timeout: 90000});
    await clean(page, `problem, Run on the samples (${theme})`);
    await page.locator('.run-mode input[value=input]').check();
    await page.locator('button', {hasText: /^Run/}).click();
    await page.locator('[data-testid=run-stdout]').waitFor({timeout: 90000});
    await clean(page, `problem, Run on custom input (${theme})`);
    await setEditor(page, 'int missing_number(int *a, int n) { return @; }\n');
    await page.locator('button', {hasText: /^Run/}).click();
    await page.locator('[data-testid=console] .result-ce').waitFor({timeout: 90000});
    await clean(page, `problem, compilation error (${theme})`);

    await setEditor(page, AC);
    await page.locator('button', {hasText: /^Submit/}).click();
    await page.locator('[data-testid=console] .output', {hasText: /points/}).waitFor({timeout: 120000});
    await page.locator('[data-testid=console] .result-head .verdict').first().waitFor();
    await clean(page, `problem, Submit judged (${theme})`);
    await page.locator('[data-testid=history] button', {hasText: 'Show'}).first().click();
    await page.locator('[data-testid=console] .output h2', {hasText: 'Submission'}).waitFor();
    await clean(page, `problem, a past submission (${theme})`);

    await page.goto('/no/such/page');
    await page.locator('h1', {hasText: 'Page not found'}).waitFor();
    await clean(page, `not found (${theme})`);
    await page.context().close();
  });
}

test('practice at phone width: catalogue and problem', async () => {
  const page = await newPage(browser, {viewport: 'phone'});
  await page.goto('/');
  await page.locator('a[href="/p/missing-number"]').first().waitFor();
  await clean(page, 'catalogue (phone)');
  await page.goto('/p/trapping-rain-water');
  await editorReady(page);
  await clean(page, 'problem (phone)');
  await page.context().close();
});

test('team and candidate pages', {skip: skip || false}, async () => {
  const {key} = await makeTeam('a11y');
  const a = await apiCall('POST', '/api/v1/assessments', {token: key, body: {
    title: 'Accessible screen', rules: 'Work **alone**.', duration_minutes: 30, max_submissions: 5,
    problems: [{slug: 'missing-number', points: 60}, {slug: 'trapping-rain-water', points: 40}]}});
  assert.equal(a.status, 201, JSON.stringify(a.body));
  const aid = a.body.id;
  const inv = [];
  for (const name of ['Ada Lovelace', 'Grace Hopper', 'Alan Turing']) {
    const r = await apiCall('POST', `/api/v1/assessments/${aid}/invites`, {token: key, body: {name, email: `${name.split(' ')[0].toLowerCase()}@example.com`}});
    assert.equal(r.status, 201, JSON.stringify(r.body));
    inv.push(r.body);
  }
  for (const t of inv.slice(0, 2)) {
    assert.equal((await apiCall('POST', '/api/v1/candidate/start', {token: t.token})).status, 200);
    const s = await apiCall('POST', '/api/v1/submissions?wait=true', {token: t.token, body: {problem: 'missing-number', language: 'c', source: AC}});
    assert.equal(s.body.verdict, 'AC', JSON.stringify(s.body));
  }
  await apiCall('POST', '/api/v1/candidate/finish', {token: inv[0].token});

  const page = await newPage(browser);
  await page.goto('/team');
  await page.locator('#team-key').waitFor();
  await clean(page, 'team key form');
  await page.locator('#team-key').fill('jd_not-a-key');
  await page.locator('button', {hasText: 'Continue'}).click();
  await page.locator('[role=alert]').waitFor();
  await clean(page, 'team key form, refused');
  await page.locator('#team-key').fill(key);
  await page.locator('button', {hasText: 'Continue'}).click();
  await page.locator('h1', {hasText: 'Assessments'}).waitFor();
  await clean(page, 'team: assessments');
  await page.goto('/team/new');
  await page.locator('h1', {hasText: 'New assessment'}).waitFor();
  await clean(page, 'team: new assessment');
  await page.locator('button', {hasText: 'Create the assessment'}).click();
  await page.locator('[role=alert]').first().waitFor();
  await clean(page, 'team: new assessment with errors');
  await page.goto(`/team/a/${aid}`);
  await page.locator('[data-testid=report] table').waitFor();
  await page.locator('.sim-item, #sim-h').first().waitFor();
  await clean(page, 'team: an assessment');
  await page.goto(`/team/a/${aid}/c/${inv[0].id}`);
  await page.locator('[data-testid=viewer] .cm-content').waitFor();
  await clean(page, 'team: a candidate');
  await page.goto(`/team/a/${aid}/similarity`);
  await page.locator('h1', {hasText: 'Similar code'}).waitFor();
  await page.waitForLoadState('networkidle');
  await clean(page, 'team: similarity');
  await page.context().close();

  const cand = await newPage(browser);
  await cand.goto(`/invite#${inv[2].token}`);
  await cand.locator('h1', {hasText: 'Accessible screen'}).waitFor();
  await clean(cand, 'candidate: rules');
  await cand.locator('button', {hasText: /^Start/}).click();
  const dlg = cand.locator('dialog[open]');
  if (await dlg.count()) await dlg.locator('.btn-primary').click();
  await editorReady(cand);
  await clean(cand, 'candidate: the session');
  await cand.goto(`/invite#${inv[0].token}`);
  await cand.locator('h1').first().waitFor();
  await cand.waitForLoadState('networkidle');
  await clean(cand, 'candidate: finished');
  await cand.goto('/invite#not-a-real-token');
  await cand.locator('h1').first().waitFor();
  await clean(cand, 'candidate: a bad link');
  await cand.context().close();
});
