// The problem workspace shared by practice and the candidate flow: statement, samples, editor,
// Run (samples or custom input), Submit with live per-test results, and this browser's history.
import {
  h, append, replace, clear, id, fmtMs, fmtKb, fmtScore, fmtDate, plural, copyButton, announce,
  confirmDialog, modKey, kbd,
} from './dom.js';
import {api, followSubmission, ApiError} from './api.js';
import {renderMarkdown} from './markdown.js';
import {compileOutput, testsTable} from './results.js';

export {compileOutput, testsTable};
import {createEditor} from './editor.js';
import {verdictBadge, verdictName, explainVerdict} from './verdicts.js';
import {local, history as readHistory, recordHistory} from './storage.js';

/*
 * Element.append turns null into the text "null" and an array into "[object HTML...]": results
 * are built from optional parts and lists, so they are added through dom.js's append, which skips
 * the absent and flattens the lists.
 */
const add = (el, ...kids) => append(el, kids);

/* How long the editor waits after the last keystroke before saving the draft on the server. */
const DRAFT_SAVE_MS = 3000;

const PROGRAM_SKELETON = '#include <stdio.h>\n\nint main(void)\n{\n    \n    return 0;\n}\n';

/* Starter code per language when the problem brings none. */
const SKELETONS = {
  c: PROGRAM_SKELETON,
  cpp: '#include <iostream>\n\nint main()\n{\n    \n    return 0;\n}\n',
  python: 'import sys\n\n\ndef main():\n    data = sys.stdin.read().split()\n\n\nmain()\n',
  java: 'import java.util.*;\n\npublic class Main {\n    public static void main(String[] args) {\n        \n    }\n}\n',
  javascript: "const input = require('fs').readFileSync(0, 'utf8');\n\n",
  go: 'package main\n\nimport "fmt"\n\nfunc main() {\n\tfmt.Println()\n}\n',
  rust: 'use std::io::*;\n\nfn main() {\n    \n}\n',
};

/* What a judge without GET /api/v1/languages (an older one) runs: C only. */
const FALLBACK_LANGUAGES = [{id: 'c', name: 'C', available: true, extensions: ['.c']}];
let languagesOnce = null;

/** The languages the judge can run now (available ones), C only when it cannot say. */
export function serverLanguages() {
  languagesOnce ??= api('/api/v1/languages').then((r) => {
    const list = (Array.isArray(r?.languages) ? r.languages : [])
      .filter((l) => l && typeof l.id === 'string' && l.available !== false);
    return list.length ? list : FALLBACK_LANGUAGES;
  }).catch(() => {
    languagesOnce = null; // try again on the next page
    return FALLBACK_LANGUAGES;
  });
  return languagesOnce;
}

/** The statement as a fragment, its leading "# Title" dropped when the page shows the title. */
export function statementFragment(problem) {
  const frag = renderMarkdown(problem.statement || '*This problem has no statement.*');
  const first = frag.firstElementChild;
  if (first?.tagName === 'H1' && first.textContent.trim().toLowerCase() === String(problem.title).trim().toLowerCase())
    first.remove();
  for (const hx of frag.querySelectorAll('h1')) {
    const h2 = document.createElement('h2');
    h2.append(...hx.childNodes);
    hx.replaceWith(h2);
  }
  return frag;
}

export function factsList(problem, extra = []) {
  const l = problem.limits || {};
  const items = [
    ['Time limit', l.time_ms ? fmtMs(l.time_ms) : '–'],
    ['Memory', l.memory_mb ? `${l.memory_mb} MiB` : '–'],
    l.output_mb ? ['Output', `${l.output_mb} MiB`] : null,
    typeof problem.tests === 'number' ? ['Hidden tests', String(problem.tests)] : null,
    ['Kind', problem.function_signature ? 'Write a function' : 'Full program (stdin → stdout)'],
    problem.difficulty ? ['Difficulty', problem.difficulty[0].toUpperCase() + problem.difficulty.slice(1)] : null,
    problem.tags?.length ? ['Tags', problem.tags.join(', ')] : null,
    problem.type === 'scoring' ? ['Scoring', 'Partial, by test group'] : null,
    ...extra,
  ].filter(Boolean);
  return h('dl', {class: 'facts'}, items.map(([k, v]) => h('div', {class: 'fact'}, h('dt', null, k), h('dd', null, v))));
}

/** A submission's result (live or final). */
export function submissionView(r, {limits, totalTests, goto} = {}) {
  const done = r.status === 'done';
  const box = h('div', {class: ['result', done && r.verdict ? `result-${r.verdict.toLowerCase()}` : 'result-pending']});
  if (done) {
    add(box, h('div', {class: 'result-head'},
      verdictBadge(r.verdict, {large: true}),
      h('div', {class: 'result-title'},
        h('p', {class: 'result-name'}, verdictName(r.verdict)),
        h('p', {class: 'result-score'},
          `${fmtScore(r.score)} of ${fmtScore(r.max_score ?? 100)} points`,
          r.verdict !== 'CE' ? ` · ${fmtMs(r.time_ms)} · ${fmtKb(r.memory_kb)}` : ''))),
    h('p', {class: 'result-explain'}, explainVerdict(r.verdict, limits)));
  } else {
    const n = r.tests?.length || 0;
    const label = r.status === 'queued' ? 'Waiting for a judge…'
      : r.status === 'compiling' ? 'Compiling…'
        : totalTests ? `Running test ${Math.min(n + 1, totalTests)} of ${totalTests}…` : 'Running the tests…';
    const prog = h('progress', {max: String(totalTests || 1), 'aria-label': 'Judging progress'});
    if (totalTests && r.status === 'running') prog.value = n;
    else prog.removeAttribute('value');
    add(box, h('div', {class: 'result-head'}, h('span', {class: 'spinner', 'aria-hidden': 'true'}),
      h('div', {class: 'result-title'}, h('p', {class: 'result-name'}, label), prog)));
  }
  if (r.compile_output) {
    const out = compileOutput(r.compile_output, goto);
    if (r.verdict === 'CE') add(box, h('h3', {class: 'h-small'}, 'Compiler messages'), out);
    else add(box, h('details', {class: 'compiler-warnings'}, h('summary', null, 'Compiler warnings'), out));
  }
  add(box, testsTable(r.tests, {caption: 'Results per test', hidden: r.tests_hidden || 0}) || '');
  return box;
}

function runView(r, problem, goto) {
  const box = h('div', {class: 'result'});
  if (!r.compiled) {
    box.classList.add('result-ce');
    add(box, h('div', {class: 'result-head'}, verdictBadge('CE', {large: true}),
      h('div', {class: 'result-title'}, h('p', {class: 'result-name'}, 'Compilation error'))),
    h('p', {class: 'result-explain'}, explainVerdict('CE')),
    h('h3', {class: 'h-small'}, 'Compiler messages'), compileOutput(r.compile_output || '', goto));
    return box;
  }
  if (r.mode === 'input') {
    const ok = r.verdict === 'AC';
    box.classList.add(ok ? 'result-ran' : `result-${String(r.verdict).toLowerCase()}`);
    add(box, h('div', {class: 'result-head'},
      ok ? h('span', {class: 'verdict v-ran verdict-large'}, h('span', {'aria-hidden': 'true'}, 'RAN'), h('span', {class: 'visually-hidden'}, 'Ran')) : verdictBadge(r.verdict, {large: true}),
      h('div', {class: 'result-title'},
        h('p', {class: 'result-name'}, ok ? 'Ran on your input' : verdictName(r.verdict)),
        h('p', {class: 'result-score'}, `exit code ${r.exit_code ?? '–'} · ${fmtMs(r.time_ms)} · ${fmtKb(r.memory_kb)}`))),
    ok ? h('p', {class: 'result-explain'}, 'The program finished normally. Nothing is checked on custom input: compare the output yourself.')
      : h('p', {class: 'result-explain'}, explainVerdict(r.verdict, problem.limits)),
    r.message ? h('p', {class: 'test-message'}, r.message) : null,
    h('h3', {class: 'h-small'}, 'Standard output'),
    h('pre', {class: 'io io-out', 'data-testid': 'run-stdout'}, r.stdout || h('span', {class: 'empty'}, '(nothing)')),
    r.stdout_truncated ? h('p', {class: 'hint'}, 'The output was cut: only its beginning is shown.') : null,
    r.stderr ? [h('h3', {class: 'h-small'}, 'Standard error'), h('pre', {class: 'io io-err'}, r.stderr)] : null);
    if (r.compile_output) add(box, h('details', {class: 'compiler-warnings'}, h('summary', null, 'Compiler warnings'), compileOutput(r.compile_output, goto)));
    return box;
  }
  const tests = r.tests || [];
  const failed = tests.filter((t) => t.verdict !== 'AC').length;
  const verdict = r.verdict || (failed ? tests.find((t) => t.verdict !== 'AC').verdict : 'AC');
  box.classList.add(`result-${verdict.toLowerCase()}`);
  add(box, h('div', {class: 'result-head'}, verdictBadge(verdict, {large: true}),
    h('div', {class: 'result-title'},
      h('p', {class: 'result-name'}, failed ? `${failed} of ${plural(tests.length, 'sample')} failed` : `All ${plural(tests.length, 'sample')} passed`),
      h('p', {class: 'result-score'}, 'Run on the samples only: Submit to be judged on every test.'))),
  failed ? h('p', {class: 'result-explain'}, explainVerdict(verdict, problem.limits)) : null);
  const answers = new Map((problem.samples || []).map((s) => [s.name, s]));
  for (const t of tests) {
    const base = String(t.name || '').split('/').pop();
    const sample = answers.get(base) || answers.get(t.name);
    const body = h('div', {class: 'sample-compare'},
      h('div', null, h('h4', {class: 'h-tiny'}, 'Your output'), h('pre', {class: 'io io-out'}, t.output || h('span', {class: 'empty'}, '(nothing)'))),
      sample ? h('div', null, h('h4', {class: 'h-tiny'}, 'Expected'), h('pre', {class: 'io'}, sample.answer)) : null);
    const head = [verdictBadge(t.verdict), ' ', h('span', {class: 'sample-name'}, `Sample ${base}`), ' ',
      h('span', {class: 'muted'}, `${fmtMs(t.time_ms)} · ${fmtKb(t.memory_kb)}`)];
    add(box, h('details', {class: 'sample-result', open: t.verdict !== 'AC'},
      h('summary', null, head), t.message ? h('p', {class: 'test-message'}, t.message) : null, body));
  }
  if (r.compile_output) add(box, h('details', {class: 'compiler-warnings'}, h('summary', null, 'Compiler warnings'), compileOutput(r.compile_output, goto)));
  return box;
}

function errorBox(err) {
  const msgs = err instanceof ApiError ? err.messages() : [String(err?.message || err)];
  return h('div', {class: 'alert alert-error', role: 'alert'}, h('p', null, h('strong', null, msgs[0])),
    msgs.length > 1 ? h('ul', null, msgs.slice(1).map((m) => h('li', null, m))) : null);
}

function samplesSection(problem, useAsInput) {
  const samples = problem.samples || [];
  if (!samples.length) return null;
  const headId = id('samples');
  return h('section', {class: 'samples', 'aria-labelledby': headId},
    h('h2', {id: headId}, 'Sample tests'),
    samples.map((s, i) => h('div', {class: 'sample'},
      h('h3', {class: 'h-small'}, `Sample ${s.name || i + 1}`),
      h('div', {class: 'sample-grid'},
        h('div', {class: 'sample-io'},
          h('div', {class: 'sample-io-head'}, h('span', null, 'Input'),
            h('span', {class: 'btn-row'},
              copyButton('Copy', () => s.input),
              useAsInput ? h('button', {type: 'button', class: 'btn btn-small', onclick: () => useAsInput(s.input),
                'aria-label': `Use as input: sample ${s.name || i + 1}`}, 'Use as input') : null)),
          h('pre', {class: 'io'}, s.input || h('span', {class: 'empty'}, '(empty)'))),
        h('div', {class: 'sample-io'},
          h('div', {class: 'sample-io-head'}, h('span', null, 'Output'), copyButton('Copy', () => s.answer)),
          h('pre', {class: 'io'}, s.answer || h('span', {class: 'empty'}, '(empty)')))),
      s.truncated ? h('p', {class: 'hint'}, 'This sample is long: only its beginning is shown.') : null)));
}

/**
 * mountSolver(root, options) → {destroy(), lock(message), editor}
 * options: problem; scope ('practice' or a candidate tag: keys drafts and history);
 * token (bearer or null); headingLevel (1 or 2); extraFacts; onResult(result) after a submission
 * is judged; serverHistory (list own submissions from the API); locked (message) to start locked.
 */
export function mountSolver(root, opts) {
  const {problem, scope, token = null, headingLevel = 1, extraFacts = [], onResult, serverHistory = false} = opts;
  const slug = problem.slug;
  const allowed = Array.isArray(opts.allowedLanguages) && opts.allowedLanguages.length ? opts.allowedLanguages : null;
  // The last language chosen (any problem), if this problem may use it; C is where everyone starts.
  let lang = local.get('language', 'c');
  if (typeof lang !== 'string' || (allowed && !allowed.includes(lang))) lang = allowed ? allowed[0] : 'c';
  let langInfo = FALLBACK_LANGUAGES.find((l) => l.id === lang) || {id: lang, name: lang, extensions: []};
  // C keeps the key drafts had before there were languages.
  const draftKeyOf = (l) => (l === 'c' ? `draft:${scope}:${slug}` : `draft:${scope}:${slug}:${l}`);
  const templateOf = (l) => problem.templates?.[l] ?? (l === 'c' ? problem.template : null) ?? SKELETONS[l] ?? '';
  let draftKey = draftKeyOf(lang);
  const inputKey = `input:${scope}:${slug}`;
  const abort = new AbortController();
  let locked = false;
  let busyRun = false, busySubmit = false;
  let busyId = null; // the submission submit() follows itself
  const totalTests = opts.hiddenResults === false ? 0
    : (problem.samples?.length || 0) + (typeof problem.tests === 'number' ? problem.tests : 0);

  const titleId = id('ptitle');
  const title = h(`h${headingLevel}`, {id: titleId, class: 'problem-title', tabindex: '-1'}, problem.title);
  const statement = h('article', {class: 'statement prose', 'aria-label': 'Statement'}, statementFragment(problem));

  // Editor column
  const saveState = h('span', {class: 'save-state'}, '');
  const resetBtn = h('button', {type: 'button', class: 'btn btn-small btn-quiet'}, 'Reset to starter code');
  const editorHost = h('div', {class: 'editor-frame', 'data-testid': 'editor'});
  const modeName = `mode-${id('m')}`;
  const rbSamples = h('input', {type: 'radio', name: modeName, value: 'samples', checked: true, id: id('rb')});
  const rbCustom = h('input', {type: 'radio', name: modeName, value: 'input', id: id('rb')});
  const customInput = h('textarea', {id: id('ci'), class: 'custom-input', rows: '5', spellcheck: 'false',
    autocomplete: 'off', placeholder: 'The program’s standard input'});
  customInput.value = local.get(inputKey, null) ?? problem.samples?.[0]?.input ?? '';
  customInput.addEventListener('input', () => local.set(inputKey, customInput.value));
  const customWrap = h('div', {class: 'field custom-wrap', hidden: true},
    h('label', {for: customInput.id}, 'Custom input'), customInput);
  const runBtn = h('button', {type: 'button', class: 'btn', 'aria-keyshortcuts': 'Control+Enter Meta+Enter'},
    'Run ', kbd(modKey(), 'Enter'));
  const submitBtn = h('button', {type: 'button', class: 'btn btn-primary', 'aria-keyshortcuts': 'Control+Shift+Enter Meta+Shift+Enter'},
    'Submit ', kbd(modKey(), 'Shift', 'Enter'));
  const lockNotice = h('div', {class: 'alert alert-warn', role: 'status', hidden: true});
  const statusLine = h('p', {class: 'status-line', role: 'status', 'aria-live': 'polite', 'aria-atomic': 'true'});
  const output = h('div', {class: 'output', 'data-testid': 'output'});
  const historyList = h('ol', {class: 'history-list', 'data-testid': 'history'});
  const historyHead = id('hist');

  const drafts = opts.drafts || null; // {load(), save(text, {keepalive})}: the server's copy
  const hhmm = () => new Date().toLocaleTimeString([], {hour: '2-digit', minute: '2-digit'});
  let serverText = null; // what the server holds, as far as this page knows
  let saveTimer = null;
  let saving = null;
  const ed = createEditor(editorHost, {
    doc: local.get(draftKey, null) ?? templateOf(lang),
    language: lang,
    label: `Code editor for ${problem.title}`,
    onChange: (text) => {
      localSave(text);
      if (!drafts || locked) return;
      saveState.textContent = 'Unsaved changes…';
      clearTimeout(saveTimer);
      saveTimer = setTimeout(() => saveDraft(), opts.draftSaveMs ?? DRAFT_SAVE_MS);
    },
    onRun: () => run(),
    onSubmit: () => submit(),
    onPaste: (text) => { if (text.length && !locked) opts.onPaste?.(text.length); },
  });
  const goto = (line, col) => ed.gotoLine(line, col);

  /*
   * The language picker: the judge's available languages (those the assessment allows). Each
   * language keeps its own draft in this browser; switching saves the one left and opens the
   * other's (or its starter code).
   */
  const langSelect = h('select', {id: id('lang'), class: 'lang-select', 'data-testid': 'language'},
    h('option', {value: lang}, langInfo.name));
  const fileName = h('span', {class: 'editor-file'}, '');
  const showFile = () => {
    const ext = langInfo.extensions?.[0] || (lang === 'c' ? '.c' : '');
    fileName.textContent = lang === 'java' ? 'Main.java' : `main${ext}`;
  };
  showFile();
  function setLanguage(next, {quiet = false} = {}) {
    if (next === lang) return;
    if (!quiet) local.set(draftKey, ed.text());
    lang = next;
    langInfo = offered.find((l) => l.id === next) || {id: next, name: next, extensions: []};
    draftKey = draftKeyOf(lang);
    serverText = null;
    langSelect.value = lang;
    showFile();
    ed.setLanguage(lang);
    if (!quiet) {
      local.set('language', lang);
      ed.setText(local.get(draftKey, null) ?? templateOf(lang));
      statusLine.textContent = `Language: ${langInfo.name}.`;
    }
  }
  let offered = [langInfo];
  serverLanguages().then((list) => {
    if (abort.signal.aborted) return;
    offered = allowed ? list.filter((l) => allowed.includes(l.id)) : list;
    if (!offered.length) offered = allowed ? allowed.map((l) => ({id: l, name: l, extensions: []})) : FALLBACK_LANGUAGES;
    replace(langSelect, offered.map((l) => h('option', {value: l.id}, l.name)));
    if (!offered.some((l) => l.id === lang)) setLanguage(offered[0].id);
    else { langInfo = offered.find((l) => l.id === lang); langSelect.value = lang; showFile(); }
    langSelect.disabled = locked || offered.length < 2;
  });
  langSelect.addEventListener('change', () => setLanguage(langSelect.value));

  /*
   * Editor settings, remembered for every problem: font size and key bindings. The size is a
   * custom property on the host (set through the CSSOM, which the CSP allows).
   */
  const fontSel = h('select', {id: id('fs'), 'data-testid': 'font-size'},
    [12, 13, 14, 15, 16, 18, 20, 22].map((n) => h('option', {value: String(n)}, `${n} px`)));
  const keymapSel = h('select', {id: id('km'), 'data-testid': 'keymap'},
    h('option', {value: 'default'}, 'Standard'), h('option', {value: 'vim'}, 'Vim'), h('option', {value: 'emacs'}, 'Emacs'));
  const applyFont = () => editorHost.style.setProperty('--ed-font-size', `${fontSel.value}px`);
  fontSel.value = String(local.get('editor:font-size', 14));
  if (!fontSel.value) fontSel.value = '14';
  applyFont();
  fontSel.addEventListener('change', () => { local.set('editor:font-size', Number(fontSel.value)); applyFont(); });
  keymapSel.value = ['vim', 'emacs'].includes(local.get('editor:keymap', 'default')) ? local.get('editor:keymap') : 'default';
  if (keymapSel.value !== 'default') ed.setKeymap(keymapSel.value);
  keymapSel.addEventListener('change', () => { local.set('editor:keymap', keymapSel.value); ed.setKeymap(keymapSel.value); });
  const settings = h('details', {class: 'editor-settings'},
    h('summary', null, 'Settings'),
    h('div', {class: 'editor-settings-body'},
      h('label', {for: fontSel.id}, 'Font size'), fontSel,
      h('label', {for: keymapSel.id}, 'Keys'), keymapSel));
  // The settings close like a menu: a click elsewhere, or Esc (focus back on their summary).
  const closeSettings = (ev) => { if (settings.open && !settings.contains(ev.target)) settings.open = false; };
  document.addEventListener('pointerdown', closeSettings);
  settings.addEventListener('keydown', (ev) => {
    if (ev.key !== 'Escape') return;
    settings.open = false;
    settings.querySelector('summary').focus();
  });
  /* Full screen: the code pane covers the window (a class, not the Fullscreen API, so the
     console and the buttons stay with the editor). */
  const fullBtn = h('button', {type: 'button', class: 'btn btn-small btn-quiet', 'aria-pressed': 'false', 'data-testid': 'fullscreen'}, 'Full screen');
  const setFull = (on) => {
    fullBtn.setAttribute('aria-pressed', String(on));
    right.classList.toggle('pane-full', on);
    document.body.classList.toggle('has-full-editor', on);
  };
  fullBtn.addEventListener('click', () => setFull(fullBtn.getAttribute('aria-pressed') !== 'true'));
  const localSave = debounce((text) => {
    local.set(draftKey, text);
    local.set(`${draftKey}:at`, Date.now());
    if (!drafts) saveState.textContent = `Draft saved in this browser ${hhmm()}`;
  }, 400);

  /** Sends the editor's code to the server when it changed; keepalive outlives the page. */
  async function saveDraft({keepalive = false} = {}) {
    clearTimeout(saveTimer);
    if (!drafts || locked) return;
    const text = ed.text();
    // The untouched starter code is no draft: nothing would be judged from it at time-up.
    if (text === serverText || (serverText === null && text === templateOf(lang))) return;
    if (saving && !keepalive) { await saving.catch(() => {}); return saveDraft(); }
    saving = drafts.save(text, {keepalive, language: lang});
    try {
      await saving;
      serverText = text;
      if (ed.text() === text) saveState.textContent = `Saved ${hhmm()}`;
    } catch (e) {
      if (!abort.signal.aborted) saveState.textContent = `Not saved: ${e.message}`;
    } finally {
      saving = null;
    }
  }
  if (drafts) {
    // The server's copy wins unless this browser changed the code after it was saved there.
    drafts.load().then((d) => {
      if (abort.signal.aborted || !d) { if (!abort.signal.aborted) saveDraft(); return; }
      if (d.language && d.language !== lang && (!allowed || allowed.includes(d.language))) setLanguage(d.language, {quiet: true});
      serverText = d.source;
      const localAt = local.get(`${draftKey}:at`, 0);
      if (d.source !== ed.text() && !(localAt > (d.updated_at ?? 0) && local.get(draftKey, null) !== null)) {
        ed.setText(d.source);
        local.set(draftKey, d.source);
        saveState.textContent = `Restored from the server (saved ${fmtDate(d.updated_at)})`;
      } else if (d.source !== ed.text()) {
        saveDraft();
      } else {
        saveState.textContent = `Saved ${fmtDate(d.updated_at)}`;
      }
    }).catch((e) => { if (!abort.signal.aborted) saveState.textContent = `Could not read the saved draft: ${e.message}`; });
    editorHost.addEventListener('focusout', () => saveDraft());
  }
  const onHide = () => { if (document.visibilityState === 'hidden') saveDraft({keepalive: true}); };
  const onPageHide = () => saveDraft({keepalive: true});
  document.addEventListener('visibilitychange', onHide);
  window.addEventListener('pagehide', onPageHide);

  resetBtn.addEventListener('click', async () => {
    const ok = await confirmDialog({title: 'Reset to the starter code?',
      body: 'Your code in the editor is replaced by the starter code. Submissions you made are kept.',
      confirm: 'Reset', danger: true});
    if (ok) { ed.setText(templateOf(lang)); ed.focus(); }
    else resetBtn.focus();
  });
  for (const rb of [rbSamples, rbCustom]) {
    rb.addEventListener('change', () => { customWrap.hidden = !rbCustom.checked; });
  }

  const useAsInput = (text) => {
    rbCustom.checked = true;
    customWrap.hidden = false;
    customInput.value = text;
    local.set(inputKey, text);
    customInput.focus();
  };

  const codeId = id('code');
  const left = h('section', {class: 'pane pane-statement', 'aria-labelledby': titleId},
    h('div', {class: 'problem-head'}, title, factsList(problem, extraFacts)),
    h('a', {class: 'jump-link', href: `#${codeId}`, onclick: (ev) => {
      ev.preventDefault(); // no fragment in the URL: /invite reads its fragment as a token
      right.scrollIntoView();
      ed.focus();
    }}, 'Jump to the code editor'),
    statement,
    samplesSection(problem, useAsInput));

  /*
   * The console docked under the editor: the status line, the results and the history, in a
   * box that scrolls on its own, so a Run never scrolls the code away. Two separators resize
   * the panes and the console (mouse, touch, or arrow keys); the sizes are remembered.
   */
  const consoleId = id('console');
  const consoleBox = h('section', {class: 'console', id: consoleId, 'aria-label': 'Console', 'data-testid': 'console',
    tabindex: '0'}, // it scrolls on its own: reachable by keyboard to scroll it
    statusLine,
    output,
    h('section', {class: 'history', 'aria-labelledby': historyHead},
      h('h2', {id: historyHead, class: 'h-section'}, 'Your submissions'),
      historyList));
  const consoleSep = h('div', {class: 'sep sep-rows', role: 'separator', tabindex: '0', 'aria-orientation': 'horizontal',
    'aria-controls': consoleId, 'aria-label': 'Resize the console', 'aria-valuemin': '10', 'aria-valuemax': '85', 'data-testid': 'console-sep'});
  const right = h('section', {class: 'pane pane-code', id: codeId, tabindex: '-1', 'aria-label': 'Your solution'},
    h('div', {class: 'editor-bar'},
      h('label', {class: 'visually-hidden', for: langSelect.id}, 'Language'),
      langSelect,
      fileName,
      saveState,
      h('span', {class: 'spacer'}),
      settings,
      fullBtn,
      resetBtn),
    editorHost,
    h('p', {class: 'hint editor-hint'}, 'Tab indents. To leave the editor with the keyboard, press Esc, then Tab.'),
    lockNotice,
    h('div', {class: 'run-bar'},
      h('fieldset', {class: 'run-mode'},
        h('legend', null, 'Run on'),
        h('label', {class: 'radio', for: rbSamples.id}, rbSamples, ' Samples'),
        h('label', {class: 'radio', for: rbCustom.id}, rbCustom, ' Custom input')),
      h('div', {class: 'btn-row actions'}, runBtn, submitBtn)),
    customWrap,
    consoleSep,
    consoleBox);
  const paneSep = h('div', {class: 'sep sep-cols', role: 'separator', tabindex: '0', 'aria-orientation': 'vertical',
    'aria-controls': codeId, 'aria-label': 'Resize the statement and the code', 'aria-valuemin': '20', 'aria-valuemax': '80',
    'data-testid': 'pane-sep'});
  const workspace = h('div', {class: 'workspace'}, left, paneSep, right);
  layoutSizes(workspace, right, paneSep, consoleSep);

  replace(root, workspace);

  runBtn.addEventListener('click', () => run());
  submitBtn.addEventListener('click', () => submit());

  /* Brings the result's head into view (inside the scrolling pane on wide screens). */
  function reveal() {
    // Not scrollIntoView(): that scrolls every ancestor, the window too, and shifts the whole
    // fixed-height layout. Scroll the pane when it scrolls on its own, else the window.
    const head = output.firstElementChild || output;
    const behavior = window.matchMedia('(prefers-reduced-motion: reduce)').matches ? 'auto' : 'smooth';
    const pane = head.closest('.console') || head.closest('.pane');
    if (pane && /auto|scroll/.test(getComputedStyle(pane).overflowY) && pane.scrollHeight > pane.clientHeight) {
      const top = head.getBoundingClientRect().top - pane.getBoundingClientRect().top + pane.scrollTop - 12;
      pane.scrollTo({top, behavior});
    } else {
      const bar = document.querySelector('.assess-bar');
      const sticky = bar && getComputedStyle(bar).position === 'sticky' ? bar.offsetHeight : 0;
      window.scrollTo({top: head.getBoundingClientRect().top + window.scrollY - sticky - 12, behavior});
    }
  }

  /*
   * Busy buttons stay enabled (aria-disabled, their clicks ignored): a disabled button drops
   * keyboard focus to <body> in the middle of a Run. Locked ones are disabled outright.
   */
  function setBusy() {
    runBtn.disabled = locked;
    submitBtn.disabled = locked;
    runBtn.setAttribute('aria-disabled', String(locked || busyRun));
    submitBtn.setAttribute('aria-disabled', String(locked || busySubmit));
    runBtn.setAttribute('aria-busy', String(busyRun));
    submitBtn.setAttribute('aria-busy', String(busySubmit));
  }

  function sourceOrComplain() {
    const source = ed.text();
    if (!source.trim()) {
      statusLine.textContent = 'The editor is empty: write some code first.';
      return null;
    }
    return source;
  }

  async function run() {
    if (locked || busyRun) return;
    const source = sourceOrComplain();
    if (source === null) return;
    busyRun = true;
    setBusy();
    const custom = rbCustom.checked;
    statusLine.textContent = custom ? 'Running on your input…' : 'Running on the samples…';
    replace(output, h('div', {class: 'result result-pending'}, h('div', {class: 'result-head'},
      h('span', {class: 'spinner', 'aria-hidden': 'true'}),
      h('p', {class: 'result-name'}, custom ? 'Compiling and running on your input…' : 'Compiling and running on the samples…'))));
    reveal();
    try {
      const body = {problem: slug, language: lang, source};
      if (custom) body.input = customInput.value;
      const r = await api('/api/v1/run', {method: 'POST', body, token, signal: abort.signal});
      replace(output, h('h2', {class: 'h-section'}, custom ? 'Run on custom input' : 'Run on the samples'), runView(r, problem, goto));
      reveal();
      statusLine.textContent = !r.compiled ? 'Run: compilation error.'
        : custom ? `Run finished: ${r.verdict === 'AC' ? 'ran normally' : verdictName(r.verdict)}.`
          : `Run on the samples: ${r.verdict === 'AC' ? 'all passed' : verdictName(r.verdict)}.`;
    } catch (e) {
      if (abort.signal.aborted) return;
      replace(output, errorBox(e));
      statusLine.textContent = `Run failed: ${e.message}`;
    } finally {
      busyRun = false;
      setBusy();
    }
  }

  async function submit() {
    if (locked || busySubmit) return;
    const source = sourceOrComplain();
    if (source === null) return;
    busySubmit = true;
    setBusy();
    statusLine.textContent = 'Submitting…';
    let sub;
    try {
      sub = await api('/api/v1/submissions', {method: 'POST', body: {problem: slug, language: lang, source}, token,
        signal: abort.signal, extraHeaders: opts.submitHeaders || {}});
    } catch (e) {
      busySubmit = false;
      setBusy();
      if (abort.signal.aborted) return;
      replace(output, errorBox(e));
      statusLine.textContent = `Not submitted: ${e.message}`;
      return;
    }
    local.set(`submitted:${scope}:${slug}`, source);
    busyId = sub.id;
    recordHistory(scope, slug, {id: sub.id, at: Date.now(), status: 'queued', verdict: null});
    renderHistory();
    const heading = h('h2', {class: 'h-section'}, 'Submission ', h('code', null, sub.id.slice(0, 8)));
    const holder = h('div');
    replace(output, heading, holder);
    let lastStatus = '';
    let revealed = false;
    try {
      const final = await followSubmission(sub.id, {
        token, signal: abort.signal,
        onUpdate: (r) => {
          replace(holder, submissionView(r, {limits: problem.limits, totalTests, goto}));
          if (!revealed || r.status === 'done') { revealed = true; reveal(); }
          if (r.status !== lastStatus && r.status !== 'done') {
            lastStatus = r.status;
            statusLine.textContent = r.status === 'queued' ? 'Submitted: waiting for a judge.' : r.status === 'compiling' ? 'Compiling.' : 'Running the tests.';
          }
        },
      });
      const msg = `${verdictName(final.verdict)}: ${fmtScore(final.score)} of ${fmtScore(final.max_score ?? 100)} points.`;
      statusLine.textContent = msg;
      recordHistory(scope, slug, {id: sub.id, at: final.created_at || Date.now(), status: 'done', verdict: final.verdict,
        score: final.score, max_score: final.max_score, time_ms: final.time_ms});
      renderHistory();
      onResult?.(final);
    } catch (e) {
      if (abort.signal.aborted) return;
      holder.append(errorBox(e));
      statusLine.textContent = `Could not follow the submission: ${e.message}`;
    } finally {
      busyId = null;
      busySubmit = false;
      setBusy();
    }
  }

  async function showSubmission(entryId) {
    replace(output, h('p', {class: 'muted'}, 'Loading…'));
    try {
      const r = await api(`/api/v1/submissions/${encodeURIComponent(entryId)}`, {token, signal: abort.signal});
      replace(output, h('h2', {class: 'h-section'}, 'Submission ', h('code', null, entryId.slice(0, 8)), ' ',
        h('span', {class: 'muted'}, fmtDate(r.created_at))),
      submissionView(r, {limits: problem.limits, totalTests, goto: null}),
      r.source && !locked ? h('p', null, h('button', {type: 'button', class: 'btn btn-small', onclick: async () => {
        const ok = await confirmDialog({title: 'Put this submission in the editor?',
          body: 'The code in the editor is replaced by the code of this submission.', confirm: 'Replace'});
        if (ok) { ed.setText(r.source); ed.focus(); }
      }}, 'Put this code in the editor')) : null);
      output.querySelector('h2')?.setAttribute('tabindex', '-1');
      output.querySelector('h2')?.focus();
    } catch (e) {
      if (!abort.signal.aborted) replace(output, errorBox(e));
    }
  }

  /*
   * The history: from the server when it keeps one (the candidate's submissions, or this
   * browser's practice submissions), else this browser's. Entries still being judged are
   * followed until done, even when they were submitted before the page was opened again.
   */
  const following = new Set();
  async function renderHistory() {
    let list = readHistory(scope, slug);
    const source = opts.history || (serverHistory
      ? () => api(`/api/v1/submissions?problem=${encodeURIComponent(slug)}&limit=50`, {token, signal: abort.signal}).then((r) => r.submissions)
      : null);
    if (source) {
      try {
        list = (await source()).map((s) => ({id: s.id, at: s.created_at, status: s.status, verdict: s.verdict,
          score: s.score, max_score: s.max_score, time_ms: s.time_ms}));
      } catch { /* the local list will do */ }
    }
    if (abort.signal.aborted) return;
    clear(historyList);
    if (!list.length) {
      historyList.append(h('li', {class: 'muted empty-item'}, source ? 'None yet.' : 'None yet. Your submissions from this browser appear here.'));
      return;
    }
    for (const e of list) {
      historyList.append(h('li', {class: 'history-item', dataset: {status: e.status}},
        verdictBadge(e.status === 'done' ? e.verdict : null),
        h('span', {class: 'history-score'}, e.status === 'done' ? `${fmtScore(e.score)} / ${fmtScore(e.max_score ?? 100)}` : 'judging'),
        h('span', {class: 'muted history-time'}, fmtDate(e.at)),
        h('button', {type: 'button', class: 'btn btn-small btn-quiet', onclick: () => showSubmission(e.id),
          'aria-label': `Show submission ${e.id.slice(0, 8)} from ${fmtDate(e.at)}`}, 'Show')));
      if (e.status !== 'done' && !following.has(e.id) && e.id !== busyId) settle(e);
    }
  }

  /* Follows a history entry still being judged (live stream, else polling) and records it. */
  async function settle(e) {
    following.add(e.id);
    try {
      const final = await followSubmission(e.id, {token, signal: abort.signal});
      recordHistory(scope, slug, {id: e.id, at: final.created_at || e.at, status: 'done', verdict: final.verdict,
        score: final.score, max_score: final.max_score, time_ms: final.time_ms});
      onResult?.(final);
      renderHistory();
    } catch { /* left the page, or the submission is gone */ } finally {
      following.delete(e.id);
    }
  }
  renderHistory();

  // Ctrl/Cmd+Enter outside the editor too (the editor handles its own and prevents the default).
  const onKey = (ev) => {
    if (ev.defaultPrevented || ev.key !== 'Enter' || !(ev.ctrlKey || ev.metaKey)) return;
    if (!root.isConnected || root.closest('[hidden]') || document.querySelector('dialog[open]')) return; // another tab's, or a dialog is up
    ev.preventDefault();
    if (ev.shiftKey) submit(); else run();
  };
  document.addEventListener('keydown', onKey);

  function lock(message) {
    locked = true;
    ed.setReadOnly(true);
    setBusy();
    resetBtn.disabled = true;
    langSelect.disabled = true;
    lockNotice.hidden = false;
    replace(lockNotice, h('strong', null, message || 'Time is up.'));
  }
  if (opts.locked) lock(opts.locked);

  return {
    editor: ed,
    lock,
    saveDraft,
    focusTitle: () => title.focus(),
    destroy() {
      if (!locked) {
        local.set(draftKey, ed.text());
        saveDraft({keepalive: true});
      }
      document.removeEventListener('visibilitychange', onHide);
      window.removeEventListener('pagehide', onPageHide);
      abort.abort();
      document.removeEventListener('keydown', onKey);
      document.body.classList.remove('has-full-editor');
      document.removeEventListener('pointerdown', closeSettings);
      ed.destroy();
    },
  };
}

/*
 * The two separators: the statement/code split (a percentage of the workspace's width) and the
 * console's height (a percentage of the code pane's), kept in localStorage. Sizes are set
 * through the CSSOM (custom properties), which the strict CSP allows, unlike style attributes.
 */
function layoutSizes(workspace, codePane, paneSep, consoleSep) {
  const clamp = (v, lo, hi) => Math.min(hi, Math.max(lo, v));
  const sizes = {cols: clamp(Number(local.get('layout:cols', 48)) || 48, 20, 80),
    console: clamp(Number(local.get('layout:console', 38)) || 38, 10, 85)};
  const apply = () => {
    workspace.style.setProperty('--cols', `${sizes.cols}%`);
    codePane.style.setProperty('--console', `${sizes.console}%`);
    paneSep.setAttribute('aria-valuenow', String(Math.round(sizes.cols)));
    consoleSep.setAttribute('aria-valuenow', String(Math.round(sizes.console)));
  };
  const save = () => { local.set('layout:cols', Math.round(sizes.cols * 10) / 10); local.set('layout:console', Math.round(sizes.console * 10) / 10); };
  apply();
  const drag = (sep, at) => sep.addEventListener('pointerdown', (ev) => {
    ev.preventDefault();
    sep.setPointerCapture(ev.pointerId);
    const move = (e) => { at(e); apply(); };
    const up = () => { sep.removeEventListener('pointermove', move); sep.removeEventListener('pointerup', up); save(); };
    sep.addEventListener('pointermove', move);
    sep.addEventListener('pointerup', up);
  });
  drag(paneSep, (e) => {
    const r = workspace.getBoundingClientRect();
    sizes.cols = clamp(((e.clientX - r.left) / r.width) * 100, 20, 80);
  });
  drag(consoleSep, (e) => {
    const r = codePane.getBoundingClientRect();
    sizes.console = clamp(((r.bottom - e.clientY) / r.height) * 100, 10, 85);
  });
  const keys = (sep, which, lo, hi, sign) => sep.addEventListener('keydown', (ev) => {
    const step = ev.shiftKey ? 10 : 2;
    const d = {ArrowLeft: -step, ArrowUp: -step, ArrowRight: step, ArrowDown: step}[ev.key];
    if (ev.key === 'Home' || ev.key === 'End') sizes[which] = ev.key === 'Home' ? lo : hi;
    else if (d) sizes[which] = clamp(sizes[which] + d * sign, lo, hi);
    else return;
    ev.preventDefault();
    apply();
    save();
  });
  keys(paneSep, 'cols', 20, 80, 1);
  keys(consoleSep, 'console', 10, 85, -1); // down makes the console smaller
}

function debounce(fn, ms) {
  let t = null;
  return (...args) => {
    clearTimeout(t);
    t = setTimeout(() => fn(...args), ms);
  };
}
