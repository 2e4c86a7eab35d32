// The editor's languages (issue 16): the judge's available languages offered, each highlighted,
// its own template and draft, the choice remembered; C alone on a judge without
// GET /api/v1/languages; an assessment's `languages` restricting both the picker and the API.
import {test, before, after} from 'node:test';
import assert from 'node:assert/strict';
import {execFileSync} from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {launch, newPage, editorText, apiCall, hiringSkipReason, makeTeam, ROOT, ADMIN, URL_} from './lib.mjs';

const SLUG = 'missing-number';
const PY_TEMPLATE = 'def missing_number(nums):\n    # the python template of the package\n    return 0\n';
const FAKE = {languages: [
  {id: 'c', name: 'C (gcc)', version: 'gcc 12', available: true, extensions: ['.c']},
  {id: 'python', name: 'Python 3', version: 'Python 3.11', available: true, extensions: ['.py']},
  {id: 'go', name: 'Go', version: '', available: false, extensions: ['.go'], reason: 'no toolchain'},
]};

let browser;
const skip = await hiringSkipReason();
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

/* A copy of missing-number under another slug, with a Python template added. */
async function importWithTemplates(slug) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'judged-web-lang-'));
  fs.cpSync(path.join(ROOT, 'problems', SLUG), dir, {recursive: true});
  fs.mkdirSync(path.join(dir, 'attachments/templates/python'), {recursive: true});
  fs.writeFileSync(path.join(dir, 'attachments/templates/python/main.py'), PY_TEMPLATE);
  execFileSync('zip', ['-qr', path.join(dir, 'p.zip'), '.'], {cwd: dir});
  const zip = fs.readFileSync(path.join(dir, 'p.zip'));
  const res = await fetch(`${URL_}/api/v1/problems/${slug}`, {method: 'PUT', body: zip,
    headers: {Authorization: `Bearer ${ADMIN}`, 'Content-Type': 'application/zip'}});
  fs.rmSync(dir, {recursive: true, force: true});
  assert.ok(res.status === 200 || res.status === 201, `import ${slug}: ${res.status} ${await res.text()}`);
}

const options = (page) => page.locator('select[data-testid=language] option').evaluateAll((os) => os.map((o) => o.value));

test('the picker offers the judge\'s available languages (C alone when it cannot say)', async () => {
  const page = await newPage(browser);
  const r = await apiCall('GET', '/api/v1/languages');
  const want = r.status === 200 ? r.body.languages.filter((l) => l.available).map((l) => l.id) : ['c'];
  await page.goto(`/p/${SLUG}`);
  await page.locator('select[data-testid=language]').waitFor();
  await page.waitForFunction((n) => document.querySelectorAll('select[data-testid=language] option').length === n, want.length);
  assert.deepEqual(await options(page), want);
  await page.context().close();

  const old = await newPage(browser);
  await old.route('**/api/v1/languages', (route) => route.fulfill({status: 404, contentType: 'application/problem+json',
    body: JSON.stringify({title: 'Not Found', status: 404, detail: 'no API endpoint'})}));
  await old.goto(`/p/${SLUG}`);
  await old.locator('select[data-testid=language]').waitFor();
  assert.deepEqual(await options(old), ['c'], 'an older judge: C only');
  assert.equal(await old.locator('.editor-file').textContent(), 'main.c');
  await old.context().close();
});

test('templates per language, highlighting, a draft each, the choice remembered', async () => {
  const slug = 'lang-templates'; // not matched by other tests' catalogue filters
  await importWithTemplates(slug);
  const p = await apiCall('GET', `/api/v1/problems/${slug}`);
  assert.equal(p.body.templates?.python, PY_TEMPLATE, 'the API gives the Python template');
  assert.equal(p.body.templates?.c, p.body.template, '`template` stays the C one');

  const page = await newPage(browser);
  await page.route('**/api/v1/languages', (route) => route.fulfill({status: 200, contentType: 'application/json', body: JSON.stringify(FAKE)}));
  await page.goto(`/p/${slug}`);
  const sel = page.locator('select[data-testid=language]');
  await page.waitForFunction(() => document.querySelectorAll('select[data-testid=language] option').length === 2);
  assert.deepEqual(await options(page), ['c', 'python'], 'unavailable Go is not offered');
  const cText = await editorText(page);
  assert.equal(cText, p.body.template);
  await sel.selectOption('python');
  await page.locator('.cm-editor[data-language=python]').waitFor();
  assert.equal(await editorText(page), PY_TEMPLATE);
  assert.equal(await page.locator('.editor-file').textContent(), 'main.py');
  // Highlighted by the Python grammar: `def` is a keyword token.
  await page.waitForFunction(() => {
    const host = document.querySelector('[data-testid=editor]');
    const spans = [...host.shadowRoot.querySelectorAll('.cm-line span')];
    return spans.some((s) => s.textContent === 'def' && getComputedStyle(s).color !== getComputedStyle(s.parentElement).color);
  });
  await page.reload();
  await page.locator('.cm-editor[data-language=python]').waitFor();
  assert.equal(await sel.inputValue(), 'python', 'the choice is remembered');
  await sel.selectOption('c');
  await page.locator('.cm-editor[data-language=c]').waitFor();
  assert.equal(await editorText(page), cText, 'C keeps its own draft');
  await page.evaluate(() => localStorage.removeItem('judged:language'));
  await page.context().close();
  // Its title is Missing Number's: gone, so that other tests' catalogue counts stay theirs.
  const del = await apiCall('DELETE', `/api/v1/problems/${slug}`);
  assert.ok(del.status === 204 || del.status === 200, `delete ${slug}: ${del.status} ${JSON.stringify(del.body)}`);
});

/* Keywords of each language's starter code (template or skeleton), one of which its grammar must
   colour apart from the line's text. */
const KEYWORDS = {
  c: ['return', 'int', 'void', '#include'], cpp: ['return', 'int', '#include'], python: ['def', 'import', 'return'],
  java: ['public', 'class', 'static', 'void'], javascript: ['const', 'function', 'return'],
  go: ['package', 'func', 'import'], rust: ['fn', 'use', 'pub', 'let'],
};

test('every offered language, Rust included, is highlighted by its own grammar; Rust is remembered', async () => {
  const r = await apiCall('GET', '/api/v1/languages');
  assert.equal(r.status, 200);
  const offered = r.body.languages.filter((l) => l.available).map((l) => l.id);
  assert.ok(offered.includes('rust'), `the judge offers Rust (rustc is installed by ./run): ${offered}`);
  const page = await newPage(browser);
  await page.goto(`/p/${SLUG}`);
  const sel = page.locator('select[data-testid=language]');
  await page.waitForFunction((n) => document.querySelectorAll('select[data-testid=language] option').length === n, offered.length);
  for (const id of offered) {
    assert.ok(KEYWORDS[id], `a keyword list for ${id}: add one when a language is added`);
    await sel.selectOption(id);
    await page.locator(`.cm-editor[data-language=${id}]`).waitFor();
    assert.ok((await editorText(page)).trim().length > 0, `${id}: starter code shown`);
    await page.waitForFunction((words) => {
      const host = document.querySelector('[data-testid=editor]');
      const spans = [...host.shadowRoot.querySelectorAll('.cm-line span')];
      return spans.some((s) => words.includes(s.textContent.trim()) &&
        getComputedStyle(s).color !== getComputedStyle(s.closest('.cm-line')).color);
    }, KEYWORDS[id], {timeout: 30000}).catch(() => assert.fail(`${id}: no keyword of ${KEYWORDS[id]} highlighted`));
  }
  await sel.selectOption('rust');
  await page.locator('.cm-editor[data-language=rust]').waitFor();
  assert.match(await editorText(page), /fn main/, 'the Rust skeleton');
  await page.reload();
  await page.locator('.cm-editor[data-language=rust]').waitFor();
  assert.equal(await sel.inputValue(), 'rust', 'Rust, the last choice, is remembered');
  assert.equal(await page.locator('.editor-file').textContent(), 'main.rs');
  await page.evaluate(() => localStorage.removeItem('judged:language'));
  await page.context().close();
});

test('an assessment restricts the languages: in the API and in the candidate\'s picker', {skip: skip || false}, async () => {
  const {key} = await makeTeam('languages');
  const bad = await apiCall('POST', '/api/v1/assessments', {token: key, body: {title: 'Bad', duration_minutes: 30,
    problems: [{slug: SLUG}], languages: ['c', 'klingon', 'c']}});
  assert.equal(bad.status, 422);
  const pointers = (bad.body.errors || []).map((e) => e.pointer);
  assert.ok(pointers.includes('/languages/1') && pointers.includes('/languages/2'), JSON.stringify(bad.body));

  const a = await apiCall('POST', '/api/v1/assessments', {token: key, body: {title: 'C only', duration_minutes: 30,
    problems: [{slug: SLUG}], languages: ['c']}});
  assert.equal(a.status, 201, JSON.stringify(a.body));
  assert.deepEqual(a.body.languages, ['c']);
  const any = await apiCall('POST', '/api/v1/assessments', {token: key, body: {title: 'Any', duration_minutes: 30, problems: [{slug: SLUG}]}});
  assert.equal(any.body.languages, null, 'no restriction: null');

  const inv = await apiCall('POST', `/api/v1/assessments/${a.body.id}/invites`, {token: key, body: {name: 'Lin Guage', email: 'lin@example.com'}});
  assert.equal(inv.status, 201);
  const tok = inv.body.token;
  const started = await apiCall('POST', '/api/v1/candidate/start', {token: tok});
  assert.ok(started.status === 200 || started.status === 201, JSON.stringify(started.body));
  const raw = await apiCall('POST', '/api/v1/run', {token: tok, raw: true, body: {problem: SLUG, language: 'cpp', source: 'x'}});
  assert.equal(raw.status, 422);
  assert.match(raw.headers.get('content-type'), /^application\/problem\+json/);
  for (const [p, body] of [['/api/v1/run', {problem: SLUG, language: 'cpp', source: 'int main(){}'}],
    ['/api/v1/submissions', {problem: SLUG, language: 'cpp', source: 'int main(){}'}]]) {
    const r = await apiCall('POST', p, {token: tok, body});
    assert.equal(r.status, 422, `${p}: ${JSON.stringify(r.body)}`);
    assert.equal(r.body.errors?.[0]?.pointer, '/language');
    assert.match(r.body.errors[0].detail, /not allowed in this assessment/);
  }

  const page = await newPage(browser);
  await page.goto('/');
  await page.evaluate(() => localStorage.setItem('judged:language', JSON.stringify('python')));
  await page.route('**/api/v1/languages', (route) => route.fulfill({status: 200, contentType: 'application/json', body: JSON.stringify(FAKE)}));
  await page.goto(`/invite#${tok}`);
  const sel = page.locator('select[data-testid=language]');
  await sel.waitFor({timeout: 30000});
  await page.waitForFunction(() => document.querySelectorAll('select[data-testid=language] option').length >= 1);
  assert.deepEqual(await options(page), ['c'], 'only the allowed language, though Python was the last choice');
  assert.equal(await sel.inputValue(), 'c');
  await page.context().close();
});
