// The assessment form of the team side: new (POST) and edit (PUT, until the first candidate
// starts). The problem picker shows each problem's difficulty and tags, filters by words,
// difficulty and tag, and previews a statement in place. Every error sits under its field
// (aria-invalid, aria-describedby), the judge's field errors too (RFC 9457 `errors` pointers).
import {h, replace, clear, id, field, setFieldError, fieldErrorFor, fmtScore, fmtMs, plural} from '../dom.js';
import {api} from '../api.js';
import {renderMarkdown} from '../markdown.js';
import {loading, errorAlert} from './common.js';
import {difficultyBadge, DIFFICULTIES} from './practice.js';
import {gate, whoBar} from './team-gate.js';

/* 'YYYY-MM-DDTHH:MM' in local time, what <input type=datetime-local> holds, from ms. */
function localInput(ms) {
  if (!ms) return '';
  const d = new Date(ms);
  const two = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())}T${two(d.getHours())}:${two(d.getMinutes())}`;
}

function toMs(v) {
  if (!v) return undefined;
  const t = new Date(v).getTime();
  return Number.isFinite(t) ? t : undefined;
}

export async function teamNew(main, opts) {
  return assessmentForm(main, opts, null);
}

export async function teamEdit(main, opts) {
  const {params, signal} = opts;
  loading(main);
  const ctx = await gate(main, opts);
  if (!ctx) return;
  let a, invites;
  try {
    [a, {invites}] = await Promise.all([api(`/api/v1/assessments/${params[0]}`, {token: ctx.token, signal}),
      api(`/api/v1/assessments/${params[0]}/invites`, {token: ctx.token, signal})]);
  } catch (e) {
    if (e.status !== 404) throw e;
    replace(main, h('div', {class: 'page page-narrow'}, h('h1', {tabindex: '-1'}, 'No such assessment'),
      h('p', {class: 'lead'}, `There is no assessment ${params[0]} of your team.`),
      h('p', null, h('a', {href: '/team'}, 'Back to the assessments'))));
    return;
  }
  if ((invites || []).some((i) => i.started_at)) {
    opts.setTitle(`Edit ${a.title}`);
    replace(main, h('div', {class: 'page page-narrow'}, whoBar(ctx, opts.navigate),
      h('h1', {tabindex: '-1'}, `“${a.title}” can no longer be edited`),
      h('p', {class: 'lead'}, 'A candidate has started it: what candidates were shown stays as it was. Create a new assessment to change it.'),
      h('p', null, h('a', {href: `/team/a/${a.id}`}, 'Back to the assessment'))));
    return;
  }
  return assessmentForm(main, opts, a, ctx);
}

async function assessmentForm(main, opts, existing, ctx_ = null) {
  const {signal, setTitle, navigate} = opts;
  if (!ctx_) loading(main);
  const ctx = ctx_ || await gate(main, opts);
  if (!ctx) return;
  const editing = !!existing;
  setTitle(editing ? `Edit ${existing.title}` : 'New assessment');
  const [{problems}, langs] = await Promise.all([api('/api/v1/problems', {token: ctx.token, signal}),
    api('/api/v1/languages', {signal}).then((r) => (r.languages || []).filter((l) => l.available !== false)).catch(() => [])]);

  const title = h('input', {type: 'text', required: true, maxlength: '200', autocomplete: 'off'});
  const rules = h('textarea', {rows: '4', placeholder: 'For example: You may use the C standard library documentation. Work alone.'});
  const duration = h('input', {type: 'number', min: '1', max: '1440', value: '90', required: true, class: 'input-short'});
  const maxSubs = h('input', {type: 'number', min: '0', max: '1000', value: '0', class: 'input-short'});
  const showHidden = h('input', {type: 'checkbox', id: id('cb')});
  const submitDrafts = h('input', {type: 'checkbox', id: id('cb'), checked: true});
  const counts = id('counts');
  const countsBest = h('input', {type: 'radio', name: counts, value: 'best', checked: true, id: id('rb')});
  const countsLast = h('input', {type: 'radio', name: counts, value: 'last', id: id('rb')});
  const opens = h('input', {type: 'datetime-local'});
  const closes = h('input', {type: 'datetime-local'});
  const webhook = h('input', {type: 'url', placeholder: 'https://…', autocomplete: 'off'});
  const filter = h('input', {type: 'search', id: id('flt'), placeholder: 'Title, id or tag', autocomplete: 'off'});
  const diffSel = h('select', {id: id('dif')}, h('option', {value: ''}, 'Any difficulty'),
    DIFFICULTIES.map((d) => h('option', {value: d}, d[0].toUpperCase() + d.slice(1))));
  const picked = h('p', {class: 'muted', role: 'status', 'aria-live': 'polite'});
  const pickHead = id('pick-h');
  const pickList = h('ul', {class: 'pick-list', 'aria-labelledby': pickHead, 'data-testid': 'picker'});
  const langBoxes = langs.map((l) => h('input', {type: 'checkbox', id: id('lang'), value: l.id, checked: true}));
  const langSet = langs.length ? h('fieldset', {class: 'field lang-set'}, h('legend', null, 'Languages candidates may use'),
    fieldErrorFor(langBoxes), langs.map((l, i) => h('label', {class: 'radio', for: langBoxes[i].id}, langBoxes[i], ` ${l.name}`))) : null;
  const summary = h('div');

  // Prefill from the assessment being edited.
  if (existing) {
    title.value = existing.title;
    rules.value = existing.rules || '';
    duration.value = String(existing.duration_minutes);
    maxSubs.value = String(existing.max_submissions || 0);
    showHidden.checked = !!existing.show_hidden_results;
    submitDrafts.checked = existing.submit_drafts_at_end !== false;
    countsLast.checked = existing.counts === 'last';
    countsBest.checked = existing.counts !== 'last';
    opens.value = localInput(existing.opens_at);
    closes.value = localInput(existing.closes_at);
    webhook.value = existing.webhook_url || '';
    if (Array.isArray(existing.languages)) for (const b of langBoxes) b.checked = existing.languages.includes(b.value);
  }
  const had = new Map((existing?.problems || []).map((p, i) => [p.slug, {points: p.points, at: i}]));

  const rows = problems.map((p) => {
    const cb = h('input', {type: 'checkbox', id: id('pp'), value: p.slug, checked: had.has(p.slug)});
    const pts = h('input', {type: 'number', min: '0', max: '10000', value: String(had.get(p.slug)?.points ?? 100), class: 'input-short',
      'aria-label': `Points for ${p.title}`, disabled: !had.has(p.slug)});
    cb.addEventListener('change', () => { pts.disabled = !cb.checked; count(); });
    pts.addEventListener('input', count);
    // It scrolls on its own: reachable by keyboard to scroll it.
    const body = h('div', {class: 'pick-preview-body prose', tabindex: '0', role: 'region', 'aria-label': `Statement of ${p.title}`});
    const preview = h('details', {class: 'pick-preview'}, h('summary', null, 'Preview', h('span', {class: 'visually-hidden'}, ` ${p.title}`)), body);
    preview.addEventListener('toggle', async () => {
      if (!preview.open || body.dataset.loaded) return;
      body.dataset.loaded = '1';
      replace(body, h('p', {class: 'muted'}, 'Loading…'));
      try {
        const d = await api(`/api/v1/problems/${encodeURIComponent(p.slug)}`, {token: ctx.token, signal});
        replace(body, h('p', {class: 'muted'}, `${fmtMs(d.limits?.time_ms)} · ${d.limits?.memory_mb ?? '–'} MiB · ${plural(d.tests ?? 0, 'hidden test')}`),
          renderMarkdown(d.statement || '*No statement.*'));
      } catch (e) {
        delete body.dataset.loaded;
        replace(body, errorAlert(e));
      }
    });
    const li = h('li', {class: 'pick-row', dataset: {slug: p.slug}},
      h('div', {class: 'pick-main'},
        h('label', {for: cb.id, class: 'pick-label'}, cb, ' ', h('span', null, p.title),
          h('span', {class: 'muted'}, ` ${p.slug}${p.public === false ? ' · private' : ''}`)),
        p.difficulty || p.tags?.length ? h('div', {class: 'problem-tags'}, p.difficulty ? difficultyBadge(p.difficulty) : null,
          (p.tags || []).map((t) => h('span', {class: 'tag tag-static'}, t))) : null,
        preview),
      h('span', {class: 'pick-points'}, pts, h('span', {class: 'muted', 'aria-hidden': 'true'}, ' pts')));
    return {p, cb, pts, li};
  });
  // Edited assessments keep their problems' order; the others follow in catalogue order.
  rows.sort((x, y) => (had.get(x.p.slug)?.at ?? 1e9) - (had.get(y.p.slug)?.at ?? 1e9));
  replace(pickList, rows.map((r) => r.li));

  function count() {
    const sel = rows.filter((r) => r.cb.checked);
    const pts = sel.reduce((x, r) => x + (Number(r.pts.value) || 0), 0);
    picked.textContent = sel.length ? `${plural(sel.length, 'problem')} picked, ${fmtScore(pts)} points in all` : 'No problem picked yet';
  }
  const applyFilter = () => {
    const words = filter.value.trim().toLowerCase().split(/\s+/).filter(Boolean);
    for (const r of rows) {
      const hay = [r.p.title.toLowerCase(), r.p.slug, ...(r.p.tags || []).map((t) => t.toLowerCase())].join('\n');
      r.li.hidden = !(words.every((w) => hay.includes(w)) && (!diffSel.value || r.p.difficulty === diffSel.value));
    }
  };
  filter.addEventListener('input', applyFilter);
  diffSel.addEventListener('change', applyFilter);
  count();

  // Which control an error pointer of the judge's answer belongs to.
  const controls = {title, rules, duration_minutes: duration, max_submissions: maxSubs, opens_at: opens,
    closes_at: closes, webhook_url: webhook, problems: pickList, languages: langSet ? langBoxes : null};
  const pickError = fieldErrorFor(pickList);
  const fields = {
    title: field('Title', title), rules: field('Rules (Markdown, shown to candidates before they start)', rules),
    duration: field('Time for each candidate, in minutes', duration), maxSubs: field('Submissions allowed per problem (0: no limit)', maxSubs),
    opens: field('Opens (optional)', opens), closes: field('Closes (optional)', closes),
    webhook: field('Webhook URL (optional)', webhook, 'judged POSTs there when a candidate finishes.'),
  };

  const form = h('form', {class: 'form-grid', novalidate: true},
    h('section', {class: 'card'},
      h('h2', null, 'About'), fields.title.field, fields.rules.field, fields.duration.field),
    h('section', {class: 'card'},
      h('h2', {id: pickHead}, 'Problems'),
      h('div', {class: 'filters'},
        h('div', {class: 'field field-inline'}, h('label', {for: filter.id}, 'Search'), filter),
        h('div', {class: 'field field-inline'}, h('label', {for: diffSel.id}, 'Difficulty'), diffSel)),
      pickError,
      pickList,
      picked),
    h('section', {class: 'card'},
      h('h2', null, 'Options'),
      h('fieldset', {class: 'field'}, h('legend', null, 'A problem’s score is that of'),
        h('label', {class: 'radio', for: countsBest.id}, countsBest, ' the best submission'),
        h('label', {class: 'radio', for: countsLast.id}, countsLast, ' the last submission')),
      fields.maxSubs.field,
      langSet,
      h('div', {class: 'field field-check'}, showHidden, h('label', {for: showHidden.id}, 'Show candidates the results of hidden tests')),
      h('div', {class: 'field field-check'}, submitDrafts, h('label', {for: submitDrafts.id},
        'When the time runs out, judge each problem’s saved code that changed since its last submission')),
      h('div', {class: 'field-pair'}, fields.opens.field, fields.closes.field),
      fields.webhook.field),
    summary,
    h('div', {class: 'btn-row'},
      h('button', {type: 'submit', class: 'btn btn-primary'}, editing ? 'Save the changes' : 'Create the assessment'),
      h('a', {href: editing ? `/team/a/${existing.id}` : '/team', class: 'btn btn-quiet'}, 'Cancel')));

  /* Puts each error under its control; returns the ones that belong to no control. */
  function showErrors(errors) {
    const loose = [];
    for (const e of errors) {
      const key = String(e.pointer || '').split('/')[1] || '';
      const control = controls[key];
      if (!control) { loose.push(e.detail); continue; }
      let msg = e.detail;
      const n = /^\/problems\/(\d+)/.exec(e.pointer || '')?.[1];
      if (n !== undefined) msg = `${chosen()[Number(n)]?.slug ?? `Problem ${Number(n) + 1}`}: ${e.detail}`;
      const prev = fieldErrorFor(control).textContent;
      setFieldError(control, prev ? `${prev} ${msg}` : msg);
    }
    return loose;
  }
  const chosen = () => rows.filter((r) => r.cb.checked).map((r) => ({slug: r.p.slug, points: Number(r.pts.value) || 0}));
  function clearErrors() {
    for (const c of Object.values(controls)) if (c) setFieldError(c, '');
    clear(summary);
  }
  function focusFirstError(loose) {
    const bad = Object.values(controls).filter((c) => c && !fieldErrorFor(c).hidden);
    if (loose.length || bad.length) {
      summary.append(h('div', {class: 'alert alert-error', role: 'alert', tabindex: '-1'},
        h('p', null, h('strong', null, bad.length ? `Check the ${plural(bad.length, 'marked field')}.` : 'The assessment was not saved.')),
        loose.length ? h('ul', null, loose.map((m) => h('li', null, m))) : null));
    }
    const first = bad[0];
    if (first === pickList) pickList.querySelector('li:not([hidden]) input')?.focus();
    else if (Array.isArray(first)) first[0].focus();
    else if (first) first.focus();
    else summary.querySelector('[role=alert]')?.focus();
  }

  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    clearErrors();
    const picks = chosen();
    const local = [];
    if (!title.value.trim()) local.push({pointer: '/title', detail: 'Give the assessment a title.'});
    if (!picks.length) local.push({pointer: '/problems', detail: 'Pick at least one problem.'});
    const d = Number(duration.value);
    if (!(Number.isInteger(d) && d >= 1 && d <= 1440)) local.push({pointer: '/duration_minutes', detail: 'The time must be a whole number of minutes from 1 to 1440.'});
    const m = Number(maxSubs.value || 0);
    if (!(Number.isInteger(m) && m >= 0 && m <= 1000)) local.push({pointer: '/max_submissions', detail: 'Give a whole number from 0 (no limit) to 1000.'});
    if (toMs(opens.value) && toMs(closes.value) && toMs(closes.value) <= toMs(opens.value)) local.push({pointer: '/closes_at', detail: 'It must close after it opens.'});
    if (webhook.value.trim() && !/^https?:\/\/\S+$/.test(webhook.value.trim())) local.push({pointer: '/webhook_url', detail: 'Give an http:// or https:// address.'});
    const langsChosen = langBoxes.filter((b) => b.checked).map((b) => b.value);
    if (langBoxes.length && !langsChosen.length) local.push({pointer: '/languages', detail: 'Allow at least one language.'});
    if (local.length) { focusFirstError(showErrors(local)); return; }
    const body = {
      title: title.value.trim(), rules: rules.value, problems: picks,
      duration_minutes: d, max_submissions: m,
      counts: countsLast.checked ? 'last' : 'best', show_hidden_results: showHidden.checked,
      submit_drafts_at_end: submitDrafts.checked,
      languages: langBoxes.length && langsChosen.length < langBoxes.length ? langsChosen : null,
    };
    if (toMs(opens.value)) body.opens_at = toMs(opens.value);
    if (toMs(closes.value)) body.closes_at = toMs(closes.value);
    if (webhook.value.trim()) body.webhook_url = webhook.value.trim();
    try {
      const a = editing
        ? await api(`/api/v1/assessments/${existing.id}`, {method: 'PUT', body, token: ctx.token, signal})
        : await api('/api/v1/assessments', {method: 'POST', body, token: ctx.token, signal});
      navigate(`/team/a/${a.id}`);
    } catch (e) {
      if (e.name === 'AbortError') return;
      if (e.status === 409) {
        summary.append(h('div', {class: 'alert alert-error', role: 'alert', tabindex: '-1'},
          h('p', null, h('strong', null, 'A candidate has started this assessment: it can no longer be edited.')),
          h('p', null, 'Your changes were not saved. Create a new assessment to change it.')));
        summary.querySelector('[role=alert]').focus();
        return;
      }
      const loose = showErrors(e.errors || []);
      if (!(e.errors || []).length) { summary.append(errorAlert(e)); summary.querySelector('[role=alert]')?.setAttribute('tabindex', '-1'); }
      focusFirstError(loose);
    }
  });

  const crumb = editing ? [h('a', {href: `/team/a/${existing.id}`}, existing.title), h('span', {'aria-hidden': 'true'}, ' / '), h('span', {'aria-current': 'page'}, 'Edit')]
    : [h('span', {'aria-current': 'page'}, 'New')];
  replace(main, h('div', {class: 'page page-narrow'},
    whoBar(ctx, navigate),
    h('nav', {class: 'crumbs', 'aria-label': 'Breadcrumb'}, h('a', {href: '/team'}, 'Assessments'), h('span', {'aria-hidden': 'true'}, ' / '), crumb),
    h('h1', {tabindex: '-1'}, editing ? `Edit “${existing.title}”` : 'New assessment'),
    editing ? h('p', {class: 'lead'}, 'You can change everything until the first candidate starts. Invites already sent stay valid.') : null,
    form));
}
