// Shared helpers of the browser tests: the judge started by run.sh (JUDGED_URL), Debian's
// Chromium through playwright-core, the editor, screenshots, and CSP violation tracking.
import {createRequire} from 'node:module';
import fs from 'node:fs';
import path from 'node:path';

const require = createRequire(path.resolve(import.meta.dirname, '../../web/package.json'));
const {chromium} = require('playwright-core');

export const ROOT = path.resolve(import.meta.dirname, '../..');
export const URL_ = process.env.JUDGED_URL || 'http://127.0.0.1:8080';
export const ADMIN = process.env.JUDGED_ADMIN || 'secret';
export const ARTIFACTS = path.join(ROOT, 'tests/artifacts/web');
fs.mkdirSync(ARTIFACTS, {recursive: true});

export const read = (rel) => fs.readFileSync(path.join(ROOT, rel), 'utf8');

/* Debian's Chromium. chromium.launch() gives every launch a fresh, empty user-data-dir of its
   own (a temporary folder it removes on close); it refuses a --user-data-dir argument. */
export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/**
 * A page whose CSP violations, page errors and dialogs are recorded in page.problems.
 * viewport: 'laptop' (1280x800) or 'phone' (390x844).
 */
export async function newPage(browser, {viewport = 'laptop', context: ctxOpts = {}} = {}) {
  const size = viewport === 'phone' ? {width: 390, height: 844} : {width: 1280, height: 800};
  const context = await browser.newContext({viewport: size, deviceScaleFactor: 1, baseURL: URL_,
    acceptDownloads: true, reducedMotion: 'reduce', isMobile: viewport === 'phone', hasTouch: viewport === 'phone', ...ctxOpts});
  await context.addInitScript(() => {
    window.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__csp.push(`${e.violatedDirective}: ${e.blockedURI || 'inline'} ${e.sourceFile || ''}:${e.lineNumber || ''}`);
    });
  });
  const page = await context.newPage();
  page.problems = {csp: [], errors: [], dialogs: []};
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) page.problems.csp.push(m.text());
  });
  page.on('pageerror', (e) => page.problems.errors.push(String(e)));
  page.on('dialog', async (d) => {
    page.problems.dialogs.push(`${d.type()}: ${d.message()}`);
    await d.dismiss().catch(() => {});
  });
  return page;
}

/** All CSP violations seen so far, from the console and from the page's own listener. */
export async function cspViolations(page) {
  const inPage = await page.evaluate(() => window.__csp || []).catch(() => []);
  return [...page.problems.csp, ...inPage];
}

/** Replaces the content of the (first visible) editor, as a paste would. */
export async function setEditor(page, text, {nth = 0} = {}) {
  const content = page.locator('.cm-content').nth(nth);
  await content.click();
  await page.keyboard.press('Control+A');
  await content.evaluate((el, t) => {
    const dt = new DataTransfer();
    dt.setData('text/plain', t);
    el.dispatchEvent(new ClipboardEvent('paste', {clipboardData: dt, bubbles: true, cancelable: true}));
  }, text);
}

/** The editor's text, from its rendered lines (short documents render whole). */
export async function editorText(page, {nth = 0} = {}) {
  return page.locator('.cm-content').nth(nth).evaluate((el) =>
    [...el.querySelectorAll('.cm-line')].map((l) => l.textContent).join('\n'));
}

export async function shot(page, name, {fullPage = false} = {}) {
  const file = path.join(ARTIFACTS, `${name}.png`);
  await page.screenshot({path: file, fullPage});
  return file;
}

export async function apiCall(method, p, {token = ADMIN, body, raw = false, type = 'application/json'} = {}) {
  const headers = {};
  if (token) headers.Authorization = `Bearer ${token}`;
  if (body !== undefined) headers['Content-Type'] = type;
  const res = await fetch(new URL(p, URL_), {method, headers,
    body: body === undefined ? undefined : type === 'application/json' ? JSON.stringify(body) : body});
  if (raw) return res;
  const text = await res.text();
  let json = null;
  try { json = text ? JSON.parse(text) : null; } catch { json = text; }
  return {status: res.status, body: json};
}

/**
 * Does this judge have the assessment API (docs/hiring.md)? Returns null when it does, or the
 * reason to skip when it does not.
 */
export async function hiringSkipReason() {
  const r = await apiCall('GET', '/api/v1/assessments');
  if (r.status === 404) return 'SKIPPED: GET /api/v1/assessments answers 404: the assessment API (docs/hiring.md) is not in this judged yet';
  if (r.status !== 200) return `SKIPPED: GET /api/v1/assessments answers ${r.status}`;
  return null;
}

/** A team and its key, through the admin token. */
export async function makeTeam(name) {
  const t = await apiCall('POST', '/api/v1/teams', {body: {name: `${name}-${Date.now()}`}});
  if (t.status !== 201 && t.status !== 200) throw new Error(`POST /api/v1/teams: ${t.status} ${JSON.stringify(t.body)}`);
  const k = await apiCall('POST', `/api/v1/teams/${t.body.id}/keys`, {body: {name: 'web tests'}});
  if (k.status !== 201 && k.status !== 200) throw new Error(`POST keys: ${k.status} ${JSON.stringify(k.body)}`);
  return {team: t.body, key: k.body.token || k.body.key};
}

export function fail(page, what) {
  return new Error(`${what}\npage errors: ${page.problems.errors.join('; ')}`);
}

/*
 * axe-core (web/node_modules, a dev dependency) run in the page: evaluated through the DevTools
 * protocol, which the page's CSP does not govern (an injected <script> would be refused). Returns
 * the violations as short lines, "rule-id (impact): target … — summary", for assertion messages.
 */
let axeSource = null;
export async function axeViolations(page, {exclude = []} = {}) {
  axeSource ??= fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  if (!await page.evaluate(() => typeof window.axe === 'object')) await page.evaluate(axeSource);
  const found = await page.evaluate(async (ex) => {
    const r = await window.axe.run({include: [document], exclude: ex.map((s) => [s])},
      {resultTypes: ['violations'], runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']}});
    return r.violations.map((v) => ({id: v.id, impact: v.impact,
      nodes: v.nodes.slice(0, 4).map((n) => `${JSON.stringify(n.target)} — ${(n.failureSummary || '').replace(/\s+/g, ' ').slice(0, 220)}`)}));
  }, exclude);
  return found.map((v) => `${v.id} (${v.impact}): ${v.nodes.join(' | ')}`);
}
