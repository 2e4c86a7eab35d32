// The hiring team's pages: a team API key (kept in sessionStorage) opens assessments, invites,
// the report with its CSV, each candidate's submissions and the similarity flags.
import {h, replace, clear, id, field, fmtDate, fmtScore, fmtDuration, fmtMs, fmtKb, plural, copyButton, confirmDialog, announce} from '../dom.js';
import {api, headers, ApiError} from '../api.js';
import {session as sstore} from '../storage.js';
import {Decoration, EditorView} from '@codemirror/view';
import {RangeSetBuilder, StateEffect} from '@codemirror/state';
import {verdictBadge, verdictName} from '../verdicts.js';
import {testsTable, compileOutput} from '../results.js';

/* CodeMirror, loaded on demand: only the candidate pages show code. */
let createEditor = null;
async function loadEditor() {
  if (!createEditor) ({createEditor} = await import('../editor.js'));
}
import {loading, errorAlert} from './common.js';
import {gate, whoBar, can} from './team-gate.js';

export {teamNew, teamEdit} from './team-form.js';
export {teamKeys} from './team-keys.js';
export {teamMembers} from './team-members.js';
export {teamAccount} from './team-account.js';
export {teamLogin} from './team-gate.js';

function stateClass(st) {
  return `pill pill-${st || 'none'}`;
}

function statePill(st) {
  return h('span', {class: stateClass(st)}, st || '–');
}

function notAvailable(main, e) {
  if (e.status === 404 && /no API endpoint/i.test(e.message)) {
    replace(main, h('div', {class: 'page page-narrow'}, h('h1', {tabindex: '-1'}, 'Assessments are not available'),
      h('p', {class: 'lead'}, 'This judge does not offer the assessment API.')));
    return true;
  }
  return false;
}

export async function teamHome(main, opts) {
  const {signal, setTitle, navigate} = opts;
  loading(main);
  const ctx = await gate(main, opts);
  if (!ctx) return;
  setTitle('Assessments');
  let list;
  try {
    list = (await api('/api/v1/assessments', {token: ctx.token, signal})).assessments || [];
  } catch (e) {
    if (notAvailable(main, e)) return;
    throw e;
  }
  list.sort((x, y) => (y.created_at || 0) - (x.created_at || 0));
  replace(main, h('div', {class: 'page'},
    whoBar(ctx, navigate),
    h('div', {class: 'page-head page-head-row'},
      h('h1', {tabindex: '-1'}, 'Assessments'),
      can(ctx, 'recruiter') ? h('a', {href: '/team/new', class: 'btn btn-primary'}, 'New assessment') : null),
    list.length ? h('div', {class: 'table-scroll'}, h('table', {class: 'table', 'data-testid': 'assessments'},
      h('caption', {class: 'visually-hidden'}, 'Your assessments'),
      h('thead', null, h('tr', null, ['Title', 'Problems', 'Time', 'Invites', 'Created'].map((c) => h('th', {scope: 'col'}, c)))),
      h('tbody', null, list.map((a) => h('tr', null,
        h('td', null, h('a', {href: `/team/a/${a.id}`}, a.title)),
        h('td', null, (a.problems || []).map((p) => p.title || p.slug).join(', ') || '–'),
        h('td', null, `${a.duration_minutes} min`),
        h('td', {class: 'num'}, String(a.invites ?? '–')),
        h('td', null, fmtDate(a.created_at)))))))
      : h('div', {class: 'empty-state card'}, h('p', null, 'No assessments yet.'),
        can(ctx, 'recruiter') ? h('p', null, h('a', {href: '/team/new', class: 'btn btn-primary'}, 'Create the first one')) : null)));
}

async function downloadCsv(aid, token, btn) {
  btn.disabled = true;
  try {
    const res = await api(`/api/v1/assessments/${aid}/report.csv`, {token, raw: true});
    const blob = await res.blob();
    const url = URL.createObjectURL(blob);
    const a = h('a', {href: url, download: `assessment-${aid}-report.csv`, class: 'visually-hidden'}, 'download');
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
    announce('The CSV report is downloading.');
  } catch (e) {
    btn.after(errorAlert(e));
  } finally {
    btn.disabled = false;
  }
}

export async function teamAssessment(main, opts) {
  const {params, signal, setTitle, navigate} = opts;
  const aid = params[0];
  loading(main);
  const ctx = await gate(main, opts);
  if (!ctx) return;
  const token = ctx.token;
  let a;
  try {
    a = await api(`/api/v1/assessments/${aid}`, {token, signal});
  } catch (e) {
    if (notAvailable(main, e)) return;
    if (e.status === 404) {
      replace(main, h('div', {class: 'page page-narrow'}, h('h1', {tabindex: '-1'}, 'No such assessment'),
        h('p', null, h('a', {href: '/team'}, 'Back to the assessments'))));
      return;
    }
    throw e;
  }
  setTitle(a.title);

  const reportBox = h('div', {'data-testid': 'report'});
  const invitesBox = h('div');
  const linkBox = h('div', {class: 'invite-link-box'});
  const simBox = h('div');

  // Invite form
  const iname = h('input', {type: 'text', required: true, autocomplete: 'off'});
  const iemail = h('input', {type: 'email', required: true, autocomplete: 'off'});
  const ihours = h('input', {type: 'number', min: '1', max: '8760', value: '168', class: 'input-short'});
  const ierr = h('div');
  const inviteForm = h('form', {class: 'invite-form'},
    h('div', {class: 'field-row'},
      field('Candidate’s name', iname).field,
      field('Email', iemail).field,
      field('Valid for (hours)', ihours).field),
    ierr,
    h('button', {type: 'submit', class: 'btn btn-primary'}, 'Create the invite link'));
  inviteForm.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    clear(ierr);
    if (!iname.value.trim() || !iemail.value.trim()) {
      ierr.append(errorAlert(new Error('Give the candidate’s name and email.')));
      return;
    }
    try {
      const inv = await api(`/api/v1/assessments/${aid}/invites`, {method: 'POST', token, signal,
        body: {name: iname.value.trim(), email: iemail.value.trim(), expires_in_hours: Number(ihours.value) || 168}});
      const url = new URL(inv.link || `/invite#${inv.token}`, location.origin).href;
      const out = h('input', {type: 'text', readonly: true, class: 'link-output', value: url, id: id('link'),
        'data-testid': 'invite-link'});
      replace(linkBox, h('div', {class: 'alert alert-success', role: 'status'},
        h('p', null, h('strong', null, `Invite link for ${inv.name}`), ` — valid until ${fmtDate(inv.expires_at)}.`),
        h('p', null, 'Copy it now and send it to the candidate. It is shown only once: the judge keeps only a fingerprint of it.'),
        h('div', {class: 'copy-row'}, h('label', {for: out.id, class: 'visually-hidden'}, 'Invite link'), out,
          copyButton('Copy link', () => url, 'btn-primary'))));
      out.focus();
      out.select();
      iname.value = '';
      iemail.value = '';
      loadInvites();
      loadReport();
    } catch (e) {
      if (e.name !== 'AbortError') ierr.append(errorAlert(e));
    }
  });

  async function loadInvites() {
    try {
      const {invites} = await api(`/api/v1/assessments/${aid}/invites`, {token, signal});
      const started = (invites || []).some((i) => i.started_at);
      editLink.hidden = started;
      editNote.hidden = !started;
      if (!invites?.length) { replace(invitesBox, h('p', {class: 'muted'}, 'No invites yet.')); return; }
      replace(invitesBox, h('div', {class: 'table-scroll'}, h('table', {class: 'table'},
        h('caption', {class: 'visually-hidden'}, 'Invites'),
        h('thead', null, h('tr', null, ['Name', 'Email', 'State', 'Valid until', 'Started', 'Finished'].map((c) => h('th', {scope: 'col'}, c)),
          h('th', {scope: 'col'}, h('span', {class: 'visually-hidden'}, 'Actions')))),
        h('tbody', null, invites.map((i) => h('tr', null,
          h('td', null, i.name), h('td', null, i.email), h('td', null, statePill(i.state)),
          h('td', null, fmtDate(i.expires_at)), h('td', null, fmtDate(i.started_at)),
          h('td', null, fmtDate(i.finished_at), i.finish_reason === 'time' ? h('span', {class: 'muted'}, ' (time ran out)') : null),
          h('td', null, i.state === 'invited' || i.state === 'started'
            ? h('button', {type: 'button', class: 'btn btn-small btn-danger-quiet', 'aria-label': `Revoke the invite of ${i.name}`,
              onclick: async () => {
                const ok = await confirmDialog({title: `Revoke ${i.name}’s invite?`, body: 'The link stops working at once. Submissions made so far are kept.', confirm: 'Revoke', danger: true});
                if (!ok) return;
                try { await api(`/api/v1/invites/${i.id}`, {method: 'DELETE', token}); } catch (e) { invitesBox.prepend(errorAlert(e)); }
                loadInvites();
                loadReport();
              }}, 'Revoke') : null)))))));
    } catch (e) {
      if (e.name !== 'AbortError') replace(invitesBox, errorAlert(e));
    }
  }

  let sortBy = 'total';
  async function loadReport() {
    try {
      const rep = await api(`/api/v1/assessments/${aid}/report`, {token, signal});
      renderReport(rep);
      renderSimilarity(rep.similarity || []);
    } catch (e) {
      if (e.name !== 'AbortError') replace(reportBox, errorAlert(e));
    }
  }

  function renderReport(rep) {
    const probs = rep.problems || a.problems || [];
    const cands = [...(rep.candidates || [])];
    if (!cands.length) { replace(reportBox, h('p', {class: 'muted'}, 'No candidates yet: create an invite above.')); return; }
    cands.sort((x, y) => sortBy === 'name' ? String(x.name).localeCompare(String(y.name))
      : sortBy === 'time' ? (x.time_used_s ?? 1e12) - (y.time_used_s ?? 1e12)
        : (y.total ?? 0) - (x.total ?? 0) || String(x.name).localeCompare(String(y.name)));
    const table = h('table', {class: 'table report-table'},
      h('caption', {class: 'visually-hidden'}, 'Report: one row per candidate'),
      h('thead', null, h('tr', null,
        h('th', {scope: 'col'}, 'Candidate'), h('th', {scope: 'col'}, 'State'), h('th', {scope: 'col', class: 'num'}, 'Time used'),
        probs.map((p) => h('th', {scope: 'col', class: 'num'}, p.title || p.slug, h('span', {class: 'th-sub'}, `${fmtScore(p.points)} pts`))),
        h('th', {scope: 'col', class: 'num'}, 'Total'))),
      h('tbody', null, cands.map((c) => h('tr', null,
        h('th', {scope: 'row'}, h('a', {href: `/team/a/${aid}/c/${c.invite_id}`}, c.name), h('span', {class: 'cell-sub'}, c.email)),
        h('td', null, statePill(c.state)),
        h('td', {class: 'num'}, c.time_used_s === null || c.time_used_s === undefined ? '–' : fmtDuration(c.time_used_s)),
        probs.map((p) => {
          const x = c.problems?.[p.slug];
          if (!x || !x.submissions) return h('td', {class: 'num muted'}, '–');
          return h('td', {class: 'num'}, h('span', {class: 'score-cell'}, verdictBadge(x.best_verdict), ' ', fmtScore(x.score)),
            h('span', {class: 'cell-sub'}, plural(x.submissions, 'submission'), x.final_submission ? ' · one at time-up' : ''));
        }),
        h('td', {class: 'num total'}, h('strong', null, fmtScore(c.total)), h('span', {class: 'cell-sub'}, `of ${fmtScore(c.max_total)}`))))));
    const sortSel = h('select', {id: id('sort')},
      h('option', {value: 'total'}, 'Total, highest first'),
      h('option', {value: 'name'}, 'Name'),
      h('option', {value: 'time'}, 'Time used, least first'));
    sortSel.value = sortBy;
    sortSel.addEventListener('change', () => { sortBy = sortSel.value; renderReport(rep); reportBox.querySelector('select')?.focus(); });
    replace(reportBox,
      h('div', {class: 'field field-inline'}, h('label', {for: sortSel.id}, 'Sort by'), sortSel),
      h('div', {class: 'table-scroll'}, table));
  }

  function renderSimilarity(pairs) {
    if (!pairs.length) {
      replace(simBox, h('p', {class: 'muted'}, 'No pair of candidates has suspiciously similar code.'));
      return;
    }
    const title = (slug) => (a.problems || []).find((p) => p.slug === slug)?.title || slug;
    replace(simBox, h('ul', {class: 'sim-list'}, pairs.map((p, i) => h('li', {class: 'sim-item'},
      h('span', {class: 'sim-score'}, `${Math.round((p.score || 0) * 100)}%`),
      h('span', null, h('strong', null, p.a?.name), ' and ', h('strong', null, p.b?.name),
        p.scope === 'other_assessment' ? ` (of “${p.b?.assessment_title}”)` : '', ' on ', title(p.problem)),
      h('a', {href: `/team/a/${aid}/similarity#pair-${i + 1}`, class: 'btn btn-small'}, 'Compare side by side')))));
  }

  const csvBtn = h('button', {type: 'button', class: 'btn'}, 'Download CSV');
  csvBtn.addEventListener('click', () => downloadCsv(aid, token, csvBtn));
  const refreshBtn = h('button', {type: 'button', class: 'btn btn-quiet', onclick: () => { loadReport(); loadInvites(); announce('Refreshed'); }}, 'Refresh');
  const delBtn = h('button', {type: 'button', class: 'btn btn-small btn-danger-quiet'}, 'Delete the assessment');
  delBtn.addEventListener('click', async () => {
    const ok = await confirmDialog({title: `Delete “${a.title}”?`, body: 'Its invites stop working and its report is gone. This cannot be undone.', confirm: 'Delete', danger: true});
    if (!ok) return;
    try {
      await api(`/api/v1/assessments/${aid}`, {method: 'DELETE', token});
      navigate('/team');
    } catch (e) { delBtn.after(errorAlert(e)); }
  });

  // Editing is open until the first candidate starts (the invites say when).
  const editLink = h('a', {href: `/team/a/${aid}/edit`, class: 'btn btn-small', hidden: true, 'data-testid': 'edit'}, 'Edit');
  const editNote = h('p', {class: 'muted', hidden: true, 'data-testid': 'edit-closed'},
    'A candidate has started: the assessment can no longer be edited.');
  const window_ = [a.opens_at ? `opens ${fmtDate(a.opens_at)}` : null, a.closes_at ? `closes ${fmtDate(a.closes_at)}` : null].filter(Boolean).join(', ');
  replace(main, h('div', {class: 'page'},
    whoBar(ctx, navigate),
    h('nav', {class: 'crumbs', 'aria-label': 'Breadcrumb'}, h('a', {href: '/team'}, 'Assessments'), h('span', {'aria-hidden': 'true'}, ' / '), h('span', {'aria-current': 'page'}, a.title)),
    h('div', {class: 'page-head page-head-row'}, h('h1', {tabindex: '-1'}, a.title),
      can(ctx, 'recruiter') ? h('div', {class: 'btn-row'}, editLink, delBtn) : null),
    editNote,
    h('dl', {class: 'facts'},
      h('div', {class: 'fact'}, h('dt', null, 'Time'), h('dd', null, `${a.duration_minutes} min`)),
      h('div', {class: 'fact'}, h('dt', null, 'Problems'), h('dd', null, (a.problems || []).map((p) => `${p.title || p.slug} (${fmtScore(p.points)})`).join(', '))),
      h('div', {class: 'fact'}, h('dt', null, 'Counts'), h('dd', null, a.counts === 'last' ? 'last submission' : 'best submission')),
      h('div', {class: 'fact'}, h('dt', null, 'Submissions'), h('dd', null, a.max_submissions ? `at most ${a.max_submissions} per problem` : 'no limit')),
      h('div', {class: 'fact'}, h('dt', null, 'Hidden results'), h('dd', null, a.show_hidden_results ? 'shown to candidates' : 'not shown')),
      window_ ? h('div', {class: 'fact'}, h('dt', null, 'Window'), h('dd', null, window_)) : null),
    can(ctx, 'recruiter') ? h('section', {class: 'card', 'aria-labelledby': 'inv-h'}, h('h2', {id: 'inv-h'}, 'Invite a candidate'), inviteForm, linkBox) : null,
    h('section', {class: 'card', 'aria-labelledby': 'rep-h'},
      h('div', {class: 'section-head'}, h('h2', {id: 'rep-h'}, 'Report'), h('div', {class: 'btn-row'}, refreshBtn, can(ctx, 'recruiter') ? csvBtn : null)),
      reportBox),
    can(ctx, 'reviewer') ? h('section', {class: 'card', 'aria-labelledby': 'sim-h'}, h('h2', {id: 'sim-h'}, 'Similar code'), simBox) : null,
    h('section', {class: 'card', 'aria-labelledby': 'invs-h'}, h('h2', {id: 'invs-h'}, 'Invites'), invitesBox)));
  await Promise.all([loadReport(), loadInvites()]);
}

function codeViewer(host, source, label) {
  return createEditor(host, {doc: source || '', readOnly: true, minimal: true, label});
}

export async function teamCandidate(main, opts) {
  const {params, signal, setTitle, navigate} = opts;
  await loadEditor();
  const [aid, inv] = params;
  loading(main);
  const ctx = await gate(main, opts);
  if (!ctx) return;
  const token = ctx.token;
  /* A candidate address that is wrong says how, and where to go instead. */
  const badAddress = (heading, why, back = `/team/a/${encodeURIComponent(aid)}`) => {
    setTitle(heading);
    replace(main, h('div', {class: 'page page-narrow'}, whoBar(ctx, navigate),
      h('h1', {tabindex: '-1'}, heading), h('p', {class: 'lead'}, why),
      h('p', null, 'Candidate pages are ', h('code', null, '/team/a/ASSESSMENT/c/CANDIDATE'),
        ', both numbers; the report of the assessment links each of its candidates.'),
      h('p', null, h('a', {href: /^\d+$/.test(aid) ? back : '/team'}, /^\d+$/.test(aid) ? 'Go to the assessment' : 'Go to the assessments'))));
  };
  if (!/^[1-9]\d{0,17}$/.test(aid)) return badAddress('Not an assessment', `“${aid}” is not an assessment number.`);
  if (!/^[1-9]\d{0,17}$/.test(inv)) {
    return badAddress('Not a candidate', inv ? `“${inv}” is not a candidate number.` : 'The address names no candidate.');
  }
  let a, c, tl;
  try {
    [a, c, tl] = await Promise.all([
      api(`/api/v1/assessments/${aid}`, {token, signal}),
      api(`/api/v1/assessments/${aid}/candidates/${inv}`, {token, signal}),
      api(`/api/v1/assessments/${aid}/candidates/${inv}/timeline`, {token, signal}).catch((e) => {
        if (e.name === 'AbortError') throw e;
        return null; // an older judge: no playback
      }),
    ]);
  } catch (e) {
    if (notAvailable(main, e)) return;
    if (e.status === 404 && !a) {
      try {
        await api(`/api/v1/assessments/${aid}`, {token, signal});
      } catch (e2) {
        if (e2.status === 404) return badAddress('No such assessment', `Your team has no assessment ${aid}.`, '/team');
        throw e2;
      }
      return badAddress('No such candidate', `Assessment ${aid} has no candidate ${inv}: the invite may have been deleted with its assessment, or the address was cut short.`);
    }
    throw e;
  }
  setTitle(`${c.name} · ${a.title}`);
  const subs = c.submissions || [];
  const viewers = [];
  const detail = h('div', {class: 'sub-detail', 'aria-live': 'polite'});
  const buttons = [];

  function show(s, btn) {
    for (const b of buttons) b.setAttribute('aria-pressed', String(b === btn));
    for (const v of viewers.splice(0)) v.destroy();
    const host = h('div', {class: 'viewer-frame', 'data-testid': 'viewer'});
    const title = (a.problems || []).find((p) => p.slug === s.problem)?.title || s.problem;
    replace(detail,
      h('h2', {class: 'h-section'}, title, ' — ', h('span', {class: 'muted'}, fmtDate(s.created_at))),
      h('div', {class: 'result-head'}, verdictBadge(s.verdict, {large: true}),
        h('div', {class: 'result-title'}, h('p', {class: 'result-name'}, s.status === 'done' ? verdictName(s.verdict) : s.status),
          h('p', {class: 'result-score'}, `${fmtScore(s.score)} of ${fmtScore(s.max_score)} · ${fmtMs(s.time_ms)} · ${fmtKb(s.memory_kb)}`))),
      host,
      s.compile_output ? [h('h3', {class: 'h-small'}, 'Compiler messages'), compileOutput(s.compile_output, (l, col) => viewers[0]?.gotoLine(l, col))] : null,
      testsTable(s.tests, {caption: 'Results per test'}) || '');
    viewers.push(codeViewer(host, s.source, `Source of ${c.name}’s submission to ${title}, read only`));
  }

  const groups = (a.problems || []).map((p) => {
    const mine = subs.filter((s) => s.problem === p.slug);
    return h('section', {class: 'sub-group'},
      h('h3', {class: 'h-small'}, p.title || p.slug, h('span', {class: 'muted'}, ` · ${plural(mine.length, 'submission')}`)),
      mine.length ? h('ul', {class: 'sub-list'}, mine.map((s) => {
        const fin = tl?.submissions?.find((x) => x.id === s.id)?.final;
        const b = h('button', {type: 'button', class: 'sub-button', 'aria-pressed': 'false'},
          verdictBadge(s.verdict), h('span', null, `${fmtScore(s.score)} / ${fmtScore(s.max_score)}`),
          h('span', {class: 'muted'}, fmtDate(s.created_at)), fin ? h('span', {class: 'tag-final'}, 'time-up') : null);
        b.addEventListener('click', () => show(s, b));
        buttons.push(b);
        b._sub = s;
        return h('li', null, b);
      })) : h('p', {class: 'muted'}, 'Nothing submitted.'));
  });

  replace(main, h('div', {class: 'page'},
    whoBar(ctx, navigate),
    h('nav', {class: 'crumbs', 'aria-label': 'Breadcrumb'}, h('a', {href: '/team'}, 'Assessments'), h('span', {'aria-hidden': 'true'}, ' / '),
      h('a', {href: `/team/a/${aid}`}, a.title), h('span', {'aria-hidden': 'true'}, ' / '), h('span', {'aria-current': 'page'}, c.name)),
    h('div', {class: 'page-head'}, h('h1', {tabindex: '-1'}, c.name), h('p', {class: 'lead'}, c.email)),
    h('dl', {class: 'facts'},
      h('div', {class: 'fact'}, h('dt', null, 'State'), h('dd', null, statePill(c.state))),
      h('div', {class: 'fact'}, h('dt', null, 'Started'), h('dd', null, fmtDate(c.started_at))),
      h('div', {class: 'fact'}, h('dt', null, 'Finished'), h('dd', null, fmtDate(c.finished_at), c.finish_reason === 'time' ? ' (time ran out)' : '')),
      h('div', {class: 'fact'}, h('dt', null, 'Submissions'), h('dd', null, String(subs.length)))),
    h('div', {class: 'split'},
      h('div', {class: 'split-side card'}, h('h2', {class: 'h-section'}, 'Submissions'), groups),
      h('div', {class: 'split-main card'}, detail)),
    tl ? playback(tl, {a, aid, inv, token, signal, viewers}) : null));
  const lastBtn = buttons[buttons.length - 1];
  if (lastBtn) show(lastBtn._sub, lastBtn);
  else replace(detail, h('p', {class: 'muted'}, 'This candidate has not submitted anything.'));
  return () => { for (const v of viewers) v.destroy(); };
}

/* A position on the session's time axis, as a percentage. */
function axis(tl) {
  const times = [...tl.snapshots.map((x) => x.at), ...tl.submissions.map((x) => x.at), ...tl.signals.map((x) => x.at)];
  const t0 = tl.started_at ?? Math.min(...times);
  const t1 = Math.max(tl.ended_at ?? 0, ...times, t0 + 1);
  return (t) => `${(((t - t0) / (t1 - t0)) * 100).toFixed(2)}%`;
}

/* Places an element at `left` on the strip through the CSSOM (the CSP forbids style attributes). */
function placed(el, left) {
  el.style.left = left;
  return el;
}

function fmtClock(ms) {
  return new Date(ms).toLocaleTimeString([], {hour: '2-digit', minute: '2-digit', second: '2-digit'});
}

/*
 * Code playback: the candidate's saved drafts as a timeline. A slider steps through the
 * snapshots (their code fetched as the slider moves); the strip under it shows where each
 * submission happened and the signals (pastes, focus losses) with their times.
 */
function playback(tl, {a, aid, inv, token, signal, viewers}) {
  const headId = id('play');
  const title = (slug) => (a.problems || []).find((p) => p.slug === slug)?.title || slug || '–';
  const signalsList = tl.signals.length
    ? h('ul', {class: 'signal-list', 'data-testid': 'signals'}, tl.signals.map((x) => h('li', null,
      h('span', {class: 'muted'}, fmtClock(x.at)), ' ',
      x.kind === 'paste' ? `Pasted ${plural(x.size ?? 0, 'character')}` : `Left the page for ${fmtDuration(Math.round((x.duration_ms ?? 0) / 1000))}`,
      x.problem ? h('span', {class: 'muted'}, ` · ${title(x.problem)}`) : null)))
    : h('p', {class: 'muted'}, 'No pastes or focus losses were reported.');
  const intro = h('p', {class: 'hint'}, 'Signals are for a conversation with the candidate, not verdicts: a paste may be their own code, a focus loss a look at the documentation.');
  if (!tl.snapshots.length) {
    return h('section', {class: 'card playback', 'aria-labelledby': headId},
      h('h2', {id: headId, class: 'h-section'}, 'Code playback'),
      h('p', {class: 'muted', 'data-testid': 'playback-empty'}, 'No draft of this candidate was saved.'),
      h('h3', {class: 'h-small'}, 'Signals'), intro, signalsList);
  }
  const at = axis(tl);
  const snaps = tl.snapshots;
  const slider = h('input', {type: 'range', min: '0', max: String(snaps.length - 1), step: '1', value: String(snaps.length - 1),
    id: id('slider'), class: 'playback-slider', 'data-testid': 'playback-slider'});
  const label = h('p', {class: 'playback-label', role: 'status', 'aria-live': 'polite', 'data-testid': 'playback-label'});
  const host = h('div', {class: 'viewer-frame', 'data-testid': 'playback-viewer'});
  const cache = new Map();
  let viewer = null;
  let want = -1;
  async function showSnap(i) {
    want = i;
    const snap = snaps[i];
    label.textContent = `Snapshot ${i + 1} of ${snaps.length} · ${title(snap.problem)} · ${fmtClock(snap.at)}`;
    let src = cache.get(snap.id);
    if (src === undefined) {
      try {
        src = (await api(`/api/v1/assessments/${aid}/candidates/${inv}/snapshots/${snap.id}`, {token, signal})).source;
      } catch (e) {
        if (e.name === 'AbortError') return;
        src = `/* could not load this snapshot: ${e.message} */`;
      }
      cache.set(snap.id, src);
    }
    if (want !== i) return; // the slider moved on meanwhile
    if (!viewer) {
      viewer = createEditor(host, {doc: src, readOnly: true, minimal: true, label: 'The candidate’s code at this snapshot, read only'});
      viewers.push(viewer);
    } else {
      viewer.setText(src);
    }
    host.dataset.snapshot = String(snap.id);
  }
  slider.addEventListener('input', () => showSnap(Number(slider.value)));
  const jumpTo = (t) => {
    let i = 0;
    while (i + 1 < snaps.length && snaps[i + 1].at <= t) i++;
    slider.value = String(i);
    showSnap(i);
  };
  const strip = h('div', {class: 'playback-strip', 'aria-hidden': 'true'},
    snaps.map((x) => placed(h('span', {class: 'mark mark-snap'}), at(x.at))),
    tl.signals.map((x) => placed(h('span', {class: `mark mark-${x.kind}`, title: x.kind}), at(x.at))));
  const subMarks = h('ol', {class: 'playback-subs', 'data-testid': 'playback-submissions'}, tl.submissions.map((x) =>
    placed(h('li', null,
      h('button', {type: 'button', class: 'mark-sub', onclick: () => jumpTo(x.at),
        'aria-label': `Submission to ${title(x.problem)} at ${fmtClock(x.at)}: ${x.verdict || x.status}${x.final ? ', made from the saved code at time-up' : ''}. Show the code then.`},
      verdictBadge(x.verdict), x.final ? ' time-up' : '')), at(x.at))));
  const section = h('section', {class: 'card playback', 'aria-labelledby': headId, 'data-testid': 'playback'},
    h('h2', {id: headId, class: 'h-section'}, 'Code playback'),
    h('p', {class: 'hint'}, `The code as it was saved while the candidate worked (${plural(snaps.length, 'snapshot')}). Move the slider; the marks below it are the submissions (select one to see the code then), pastes and focus losses.`),
    h('div', {class: 'field'}, h('label', {for: slider.id}, 'Snapshot'), slider),
    strip, subMarks, label, host,
    h('h3', {class: 'h-small'}, 'Signals'), intro, signalsList);
  showSnap(snaps.length - 1);
  return section;
}

// Marks the matched lines of a read-only viewer, each region in one of two alternating tints (the
// region list under the pair says the same in text). The editor lives in a shadow root, so the
// tint is an editor theme, not page CSS.
const matchTheme = EditorView.theme({
  '.cm-sim-0': {backgroundColor: 'rgba(255, 196, 0, 0.22)'},
  '.cm-sim-1': {backgroundColor: 'rgba(0, 140, 255, 0.16)'},
});

function markRegions(viewer, ranges) {
  const doc = viewer.view.state.doc;
  const lineRegion = new Map();
  ranges.forEach(([from, to], k) => {
    for (let l = Math.max(1, from); l <= Math.min(to, doc.lines); l++) if (!lineRegion.has(l)) lineRegion.set(l, k);
  });
  const b = new RangeSetBuilder();
  for (const l of [...lineRegion.keys()].sort((x, y) => x - y)) {
    b.add(doc.line(l).from, doc.line(l).from, Decoration.line({class: `cm-sim-${lineRegion.get(l) % 2}`}));
  }
  viewer.view.dispatch({effects: StateEffect.appendConfig.of([matchTheme, EditorView.decorations.of(b.finish())])});
}

function scrollToLine(viewer, line) {
  const doc = viewer.view.state.doc;
  const pos = doc.line(Math.min(Math.max(1, line), doc.lines)).from;
  viewer.view.dispatch({effects: EditorView.scrollIntoView(pos, {y: 'start'})});
}

const span = ([from, to]) => (from === to ? `line ${from}` : `lines ${from}–${to}`);

export async function teamSimilarity(main, opts) {
  await loadEditor();
  const {params, signal, setTitle, navigate} = opts;
  const aid = params[0];
  loading(main);
  const ctx = await gate(main, opts);
  if (!ctx) return;
  const token = ctx.token;
  let a, sim;
  try {
    [a, sim] = await Promise.all([
      api(`/api/v1/assessments/${aid}`, {token, signal}),
      api(`/api/v1/assessments/${aid}/similarity`, {token, signal}),
    ]);
  } catch (e) {
    if (notAvailable(main, e)) return;
    throw e;
  }
  setTitle(`Similar code · ${a.title}`);
  const viewers = [];
  const makers = [];
  const title = (slug) => (a.problems || []).find((p) => p.slug === slug)?.title || slug;
  const card = (p, key) => {
    const ha = h('div', {class: 'viewer-frame viewer-compare'}), hb = h('div', {class: 'viewer-frame viewer-compare'});
    const other = p.scope === 'other_assessment';
    const bAid = other ? p.b?.assessment_id : aid;
    const regions = p.regions || [];
    let va = null, vb = null;
    const regionList = regions.length ? h('ol', {class: 'sim-regions'}, regions.map((r) => h('li', null,
      h('button', {type: 'button', class: 'btn btn-small btn-quiet', onclick: () => { if (va) scrollToLine(va, r.a[0]); if (vb) scrollToLine(vb, r.b[0]); }},
        `${p.a?.name}: ${span(r.a)} ↔ ${p.b?.name}: ${span(r.b)}`)))) : null;
    const m = p.measures || {};
    const el = h('section', {class: 'card sim-pair', id: key, 'aria-labelledby': `${key}-h`},
      h('h2', {id: `${key}-h`, class: 'h-section'}, `${Math.round((p.score || 0) * 100)}% alike — ${title(p.problem)}`,
        other ? ` (with “${p.b?.assessment_title}”)` : ''),
      m.fingerprints !== undefined
        ? h('p', {class: 'muted'}, `Fingerprints ${Math.round(m.fingerprints * 100)}%, structure ${Math.round((m.structure || 0) * 100)}%.`)
        : null,
      (p.reasons || []).length ? h('ul', {class: 'sim-reasons'}, p.reasons.map((r) => h('li', null, r))) : null,
      regionList ? h('h3', null, 'Matching lines (highlighted)') : null,
      regionList,
      h('div', {class: 'compare'},
        h('figure', null, h('figcaption', null, h('a', {href: `/team/a/${aid}/c/${p.a?.invite_id}`}, p.a?.name)), ha),
        h('figure', null, h('figcaption', null, h('a', {href: `/team/a/${bAid}/c/${p.b?.invite_id}`}, p.b?.name),
          other ? ` · ${p.b?.assessment_title}` : ''), hb)));
    makers.push(() => {
      va = codeViewer(ha, p.a?.source, `Source of ${p.a?.name}, read only`);
      vb = codeViewer(hb, p.b?.source, `Source of ${p.b?.name}, read only`);
      markRegions(va, regions.map((r) => r.a));
      markRegions(vb, regions.map((r) => r.b));
      viewers.push(va, vb);
    });
    return el;
  };
  const cards = (sim.pairs || []).map((p, i) => card(p, `pair-${i + 1}`));
  const near = (sim.near_misses || []).map((p, i) => card(p, `near-${i + 1}`));
  replace(main, h('div', {class: 'page'},
    whoBar(ctx, navigate),
    h('nav', {class: 'crumbs', 'aria-label': 'Breadcrumb'}, h('a', {href: '/team'}, 'Assessments'), h('span', {'aria-hidden': 'true'}, ' / '),
      h('a', {href: `/team/a/${aid}`}, a.title), h('span', {'aria-hidden': 'true'}, ' / '), h('span', {'aria-current': 'page'}, 'Similar code')),
    h('h1', {tabindex: '-1'}, 'Similar code'),
    h('p', {class: 'lead'}, `Pairs of candidates whose counted submissions to a problem are alike (flagged from ${Math.round((sim.threshold ?? 0.6) * 100)}%), `,
      'also against your other assessments of the same problem. ',
      'Similar code is a reason to look closer, not proof: short problems have few good answers.'),
    cards.length ? cards : h('p', {class: 'empty-state card'}, 'No pair is flagged.'),
    near.length ? h('h2', {class: 'h-section'}, `Near misses (from ${Math.round((sim.near_threshold ?? 0.4) * 100)}%, not flagged)`) : null,
    near));
  for (const mk of makers) mk();
  if (location.hash) document.getElementById(location.hash.slice(1))?.scrollIntoView();
  return () => { for (const v of viewers) v.destroy?.(); };
}
