// Results shown outside the editor too (team pages): compiler output and per-test tables. Kept
// apart from solve.js so that pages without an editor do not load CodeMirror.
import {h, fmtMs, fmtKb, plural} from './dom.js';
import {verdictBadge} from './verdicts.js';

/** Compiler output with every main.EXT:LINE:COL (Main.java too) made a button that moves the editor there. */
export function compileOutput(text, goto) {
  const pre = h('pre', {class: 'compile-output'});
  const re = /\b(?:main\.[a-z]{1,4}|Main\.java):(\d+)(?::(\d+))?/g;
  let last = 0;
  for (let m; (m = re.exec(text));) {
    pre.append(text.slice(last, m.index));
    const line = Number(m[1]), col = m[2] ? Number(m[2]) : 1;
    if (goto) {
      pre.append(h('button', {type: 'button', class: 'src-ref', dataset: {line: String(line), col: String(col)},
        'aria-label': `Go to line ${line}, column ${col}`, onclick: () => goto(line, col)}, m[0]));
    } else {
      pre.append(h('span', {class: 'src-ref-static'}, m[0]));
    }
    last = m.index + m[0].length;
  }
  pre.append(text.slice(last));
  return pre;
}

/*
 * A test's name with break opportunities after its separators (secret/group1/01-edge-case):
 * a narrow column wraps it there, never inside a word.
 */
function breakableName(name) {
  const out = [];
  for (const part of String(name).split(/(?<=[/_.-])/)) out.push(part, h('wbr'));
  out.pop();
  return out;
}

/** Per-test results as a table. */
export function testsTable(tests, {caption = 'Tests', hidden = 0} = {}) {
  if (!tests?.length && !hidden) return null;
  const rows = (tests || []).map((t, i) => {
    const row = h('tr', {class: t.verdict && t.verdict !== 'AC' ? 'row-fail' : null},
      h('td', {class: 'num col-index'}, String((t.index ?? i) + 1)),
      h('td', {class: 'test-name'}, t.name ? breakableName(t.name) : '–', t.message ? h('div', {class: 'test-message'}, t.message) : null),
      h('td', null, verdictBadge(t.verdict)),
      h('td', {class: 'num'}, fmtMs(t.time_ms)),
      h('td', {class: 'num'}, fmtKb(t.memory_kb)));
    return row;
  });
  return h('div', {class: 'table-scroll'},
    h('table', {class: 'table tests-table'},
      h('caption', {class: 'visually-hidden'}, caption),
      h('thead', null, h('tr', null,
        h('th', {scope: 'col', class: 'num col-index'}, '#'), h('th', {scope: 'col'}, 'Test'), h('th', {scope: 'col'}, 'Verdict'),
        h('th', {scope: 'col', class: 'num'}, 'Time'), h('th', {scope: 'col', class: 'num'}, 'Memory'))),
      h('tbody', null, rows)),
    hidden ? h('p', {class: 'hint'}, `${plural(hidden, 'hidden test')} not shown: their results stay with the hiring team.`) : null);
}

