// The candidate's side: /invite#TOKEN. The token is taken from the fragment (never sent to the
// server in a URL), kept in sessionStorage, and the address bar is cleaned at once.
import {h, replace, clear, id, fmtDate, fmtScore, plural, announce, confirmDialog} from '../dom.js';
import {api, ApiError} from '../api.js';
import {session as sstore, local, tag} from '../storage.js';
import {renderMarkdown} from '../markdown.js';
import {verdictBadge} from '../verdicts.js';
import {loading, errorAlert} from './common.js';

const TOKEN_KEY = 'invite';

/** Takes the token out of location.hash into sessionStorage; the URL keeps no trace of it. */
export function takeInviteToken() {
  const frag = location.hash.replace(/^#/, '');
  if (frag) {
    let tok = frag;
    try { tok = decodeURIComponent(frag); } catch { /* use it as it is */ }
    sstore.set(TOKEN_KEY, tok.trim());
    history.replaceState(null, '', '/invite');
  }
  return sstore.get(TOKEN_KEY, null);
}

function clock(ms) {
  const s = Math.max(0, Math.ceil(ms / 1000));
  const hh = Math.floor(s / 3600), mm = Math.floor((s % 3600) / 60), ss = s % 60;
  const two = (n) => String(n).padStart(2, '0');
  return hh ? `${hh}:${two(mm)}:${two(ss)}` : `${two(mm)}:${two(ss)}`;
}

function spoken(ms) {
  const m = Math.ceil(ms / 60000);
  return m >= 2 ? `${m} minutes left` : ms > 60000 ? '2 minutes left' : `${Math.max(0, Math.ceil(ms / 1000))} seconds left`;
}

export async function invitePage(main, {signal, setTitle}) {
  const token = takeInviteToken();
  setTitle('Assessment');
  if (!token) {
    replace(main, h('div', {class: 'page page-narrow'},
      h('h1', {tabindex: '-1'}, 'Open your invite link'),
      h('p', {class: 'lead'}, 'This page needs the invite link you were sent: it looks like ',
        h('code', null, `${location.origin}/invite#…`), '. Open that link again in this browser tab.')));
    return undefined;
  }
  const scope = `c-${tag(token)}`;
  let offset = 0; // server clock minus ours, in ms
  let sess = null;
  const cleanups = [];
  const serverNow = () => Date.now() + offset;

  /* Saves a draft; with keepalive the request outlives the page (closing the tab, leaving). */
  async function saveDraft(path, source, keepalive, language = 'c') {
    const res = await fetch(path, {method: 'PUT', keepalive: keepalive && source.length < 60000,
      headers: {'Authorization': `Bearer ${token}`, 'Content-Type': 'application/json'},
      body: JSON.stringify({language, source})});
    if (!res.ok) {
      let detail = `HTTP ${res.status}`;
      try { detail = (await res.json()).detail || detail; } catch { /* keep the status */ }
      throw new Error(detail);
    }
    return res.json();
  }

  /* Integrity signals (pastes, focus losses): best effort, never in the candidate's way. */
  function sendSignal(body) {
    if (sess?.state !== 'started') return;
    fetch('/api/v1/candidate/signals', {method: 'POST', keepalive: true,
      headers: {'Authorization': `Bearer ${token}`, 'Content-Type': 'application/json'},
      body: JSON.stringify(body)}).catch(() => {});
  }

  async function load() {
    const t0 = Date.now();
    const s = await api('/api/v1/candidate', {token, signal});
    const t1 = Date.now();
    if (typeof s.now === 'number') offset = s.now - (t0 + t1) / 2;
    sess = s;
    return s;
  }

  loading(main, 'Opening your assessment…');
  try {
    await load();
  } catch (e) {
    if (e.name === 'AbortError') throw e;
    const title = e.status === 401 ? 'This invite link does not work'
      : e.status === 404 ? 'Assessments are not available here' : 'The assessment could not be opened';
    const detail = e.status === 401 ? 'The link is unknown or was withdrawn by the hiring team. Check that you opened the whole link, or ask them for a new one.'
      : e.message;
    setTitle(title);
    replace(main, h('div', {class: 'page page-narrow'}, h('h1', {tabindex: '-1'}, title), h('p', {class: 'lead'}, detail)));
    return undefined;
  }

  const teardown = () => { while (cleanups.length) cleanups.pop()(); };
  show();
  return teardown;

  function show() {
    teardown();
    main.classList.remove('main-fill');
    const a = sess.assessment || {};
    setTitle(a.title || 'Assessment');
    if (sess.state === 'invited') startScreen();
    else if (sess.state === 'started') workspace();
    else endScreen();
  }

  function ruleFacts(a) {
    const n = a.problems?.length || 0;
    const total = (a.problems || []).reduce((x, p) => x + (Number(p.points) || 0), 0);
    return h('dl', {class: 'facts facts-large'},
      h('div', {class: 'fact'}, h('dt', null, 'Time'), h('dd', null, `${a.duration_minutes} minutes`)),
      h('div', {class: 'fact'}, h('dt', null, 'Problems'), h('dd', null, String(n))),
      total ? h('div', {class: 'fact'}, h('dt', null, 'Points'), h('dd', null, fmtScore(total))) : null,
      h('div', {class: 'fact'}, h('dt', null, 'Submissions'), h('dd', null,
        a.max_submissions ? `up to ${a.max_submissions} per problem` : 'no limit')),
      h('div', {class: 'fact'}, h('dt', null, 'What counts'), h('dd', null,
        a.counts === 'last' ? 'your last submission' : 'your best submission')));
  }

  function startScreen() {
    const a = sess.assessment;
    const err = h('div');
    const startBtn = h('button', {type: 'button', class: 'btn btn-primary btn-large'}, `Start — the ${a.duration_minutes}-minute timer begins`);
    startBtn.addEventListener('click', async () => {
      startBtn.disabled = true;
      clear(err);
      try {
        const t0 = Date.now();
        const s = await api('/api/v1/candidate/start', {method: 'POST', token, signal});
        const t1 = Date.now();
        if (typeof s?.now === 'number') offset = s.now - (t0 + t1) / 2;
        if (s?.state) sess = s; else await load();
        show();
        main.querySelector('h1')?.focus();
      } catch (e) {
        if (e.name === 'AbortError') return;
        startBtn.disabled = false;
        err.append(errorAlert(e));
        if (e.status === 409) { await load().catch(() => {}); show(); }
      }
    });
    const closes = a.closes_at ? h('p', null, `The assessment closes on ${fmtDate(a.closes_at)}; your time ends then at the latest.`) : null;
    const opens = a.opens_at && a.opens_at > serverNow() ? h('p', {class: 'alert alert-warn'}, `It opens on ${fmtDate(a.opens_at)}.`) : null;
    replace(main, h('div', {class: 'page page-narrow start-page'},
      h('p', {class: 'eyebrow'}, sess.candidate?.name ? `Welcome, ${sess.candidate.name}` : 'Welcome'),
      h('h1', {tabindex: '-1'}, a.title),
      ruleFacts(a),
      a.rules ? h('section', {class: 'card rules', 'aria-labelledby': 'rules-h'},
        h('h2', {id: 'rules-h'}, 'Rules from the hiring team'), h('div', {class: 'prose'}, renderMarkdown(a.rules))) : null,
      h('section', {class: 'card', 'aria-labelledby': 'how-h'},
        h('h2', {id: 'how-h'}, 'How it works'),
        h('ul', {class: 'checklist'},
          h('li', null, 'The timer starts when you press Start and does not pause, even if you close the page.'),
          h('li', null, 'Write C in the editor. Your code is saved on the server a few seconds after you type, and when you leave the editor or the page: open the link in another browser and it is there.'),
          h('li', null, 'Run checks your code on the samples or on your own input, as often as you like. Submit judges it on hidden tests too.'),
          a.submit_drafts_at_end !== false
            ? h('li', null, 'When the time is up the editor locks. Your submissions stand, and the saved code of each problem you changed since your last submission is judged as a final submission.')
            : h('li', null, 'When the time is up the editor locks. Your last submissions stand, so submit as you go: code you did not submit is not judged.'))),
      h('section', {class: 'card', 'aria-labelledby': 'rec-h', 'data-testid': 'recorded'},
        h('h2', {id: 'rec-h'}, 'What is recorded'),
        h('p', null, 'The hiring team sees, besides your submissions:'),
        h('ul', {class: 'checklist'},
          h('li', null, 'Your code as it was saved while you worked (every few seconds), and can play it back.'),
          h('li', null, 'When you paste into the editor, and how many characters.'),
          h('li', null, 'When this page loses focus (another tab or window), and for how long.')),
        h('p', {class: 'muted'}, 'These are signals for a conversation, not verdicts: nothing is decided from them automatically.')),
      a.problems?.length ? h('section', {class: 'card', 'aria-labelledby': 'probs-h'},
        h('h2', {id: 'probs-h'}, 'Problems'),
        h('ol', {class: 'plain-list'}, a.problems.map((p) => h('li', null, p.title,
          p.points ? h('span', {class: 'muted'}, ` · ${fmtScore(p.points)} points`) : null)))) : null,
      closes, opens, err,
      h('div', {class: 'start-actions'}, startBtn)));
  }

  function endScreen() {
    const a = sess.assessment || {};
    const byTime = sess.state === 'finished' && sess.ends_at && sess.finished_at && sess.finished_at >= sess.ends_at;
    let title, text;
    if (sess.state === 'finished') {
      title = 'You have finished';
      text = byTime ? (a.submit_drafts_at_end !== false
        ? 'The time ran out. Your submissions stand, and your saved code of each problem you changed since your last submission was judged as a final submission.'
        : 'The time ran out. Your last submissions stand and have been sent to the hiring team.')
        : 'Your submissions have been sent to the hiring team. Thank you for your time.';
    } else if (sess.state === 'expired') {
      title = 'This invite has expired';
      text = `It could be used until ${fmtDate(sess.expires_at)}. Ask the hiring team for a new one.`;
    } else if (sess.state === 'revoked') {
      title = 'This invite was withdrawn';
      text = 'The hiring team withdrew it. Contact them if you think this is a mistake.';
    } else {
      title = 'Assessment';
      text = `State: ${sess.state}`;
    }
    replace(main, h('div', {class: 'page page-narrow end-page'},
      h('p', {class: 'eyebrow'}, a.title || ''),
      h('h1', {tabindex: '-1'}, title),
      h('p', {class: 'lead'}, text),
      sess.state === 'finished' && a.problems?.length ? h('section', {class: 'card'},
        h('h2', null, 'What you submitted'),
        h('ul', {class: 'plain-list', 'data-testid': 'submitted'}, a.problems.map((p) => h('li', null, h('strong', null, p.title), ': ',
          p.submissions ? plural(p.submissions, 'submission') : 'nothing submitted',
          p.final_submission ? h('span', {class: 'final-note'}, ' — including your saved code, judged when the time ran out') : null)))) : null,
      sess.state === 'finished' && byTime && a.submit_drafts_at_end !== false && !(a.problems || []).some((p) => p.final_submission)
        ? h('p', {class: 'muted', 'data-testid': 'finals-pending'}, 'Saved code you changed since your last submission is judged as a final submission; it may take a moment to appear here.') : null,
      sess.state === 'finished' ? h('p', {class: 'muted'}, 'You can close this page.') : null));
  }

  function workspace() {
    const a = sess.assessment;
    main.classList.add('main-fill');
    const problems = a.problems || [];
    const timer = h('span', {class: 'timer-value', role: 'timer', 'aria-live': 'off', 'data-testid': 'countdown'}, '--:--');
    // The warning in words beside the colour: shown, and read out (a live region) when it changes.
    const timerNote = h('span', {class: 'timer-note', role: 'status', 'aria-live': 'polite', 'data-testid': 'timer-note'});
    const timerBox = h('div', {class: 'timer', 'aria-label': 'Time left'}, h('span', {class: 'timer-label'}, 'Time left'), timer, timerNote);
    const finishBtn = h('button', {type: 'button', class: 'btn btn-finish'}, 'Finish');
    const notice = h('div', {class: 'alert alert-warn timeup', role: 'alert', hidden: true});
    const tablist = h('div', {class: 'tabs', role: 'tablist', 'aria-label': 'Problems'});
    const panels = h('div', {class: 'tab-panels'});
    const solvers = new Map();
    const tabs = [];
    let current = null;
    let timeUp = false;

    problems.forEach((p, i) => {
      const tabId = id('tab'), panelId = id('panel');
      const tab = h('button', {type: 'button', role: 'tab', id: tabId, class: 'tab', 'aria-controls': panelId,
        'aria-selected': 'false', tabindex: '-1', dataset: {slug: p.slug}});
      const panel = h('div', {role: 'tabpanel', id: panelId, 'aria-labelledby': tabId, class: 'tab-panel', hidden: true});
      tab.addEventListener('click', () => select(i, false));
      tab.addEventListener('keydown', (ev) => {
        const k = ev.key;
        let j = null;
        if (k === 'ArrowRight') j = (i + 1) % problems.length;
        else if (k === 'ArrowLeft') j = (i - 1 + problems.length) % problems.length;
        else if (k === 'Home') j = 0;
        else if (k === 'End') j = problems.length - 1;
        if (j !== null) { ev.preventDefault(); select(j, true); }
      });
      tabs.push({tab, panel, p});
      tablist.append(tab);
      panels.append(panel);
    });

    function paintTabs() {
      const byslug = new Map((sess.assessment.problems || []).map((p) => [p.slug, p]));
      tabs.forEach(({tab, p}, i) => {
        const cur = byslug.get(p.slug) || p;
        const n = cur.submissions || 0;
        replace(tab,
          h('span', {class: 'tab-title'}, `${i + 1}. ${p.title}`),
          h('span', {class: 'tab-state'},
            n ? [verdictBadge(cur.best_verdict), ` ${plural(n, 'submission')}`] : 'Not submitted',
            // Under a cap, how many are left: a candidate should not find out by a refusal.
            a.max_submissions ? h('span', {class: 'tab-left', 'data-testid': 'submissions-left'},
              ` · ${Math.max(0, a.max_submissions - n)} of ${a.max_submissions} left`) : null));
      });
    }

    async function select(i, focusTab) {
      const t = tabs[i];
      if (!t) return;
      for (const o of tabs) {
        const on = o === t;
        o.tab.setAttribute('aria-selected', String(on));
        o.tab.tabIndex = on ? 0 : -1;
        o.panel.hidden = !on;
      }
      if (focusTab) t.tab.focus();
      current = t.p.slug;
      history.replaceState(null, '', `/invite?p=${encodeURIComponent(t.p.slug)}`);
      if (solvers.has(t.p.slug)) return;
      solvers.set(t.p.slug, null);
      replace(t.panel, h('p', {class: 'loading page'}, h('span', {class: 'spinner', 'aria-hidden': 'true'}), ' Loading the problem…'));
      try {
        const [prob, {mountSolver}] = await Promise.all([
          api(`/api/v1/candidate/problems/${encodeURIComponent(t.p.slug)}`, {token, signal}), import('../solve.js')]);
        const cur = (sess.assessment.problems || []).find((x) => x.slug === t.p.slug) || t.p;
        const extra = [];
        if (cur.points) extra.push(['Points', fmtScore(cur.points)]);
        if (a.max_submissions) extra.push(['Submissions', `at most ${a.max_submissions}`]);
        const slug = t.p.slug;
        const draftPath = `/api/v1/candidate/drafts/${encodeURIComponent(slug)}`;
        const solver = mountSolver(t.panel, {
          problem: {...prob, slug: prob.slug || slug}, scope, token, headingLevel: 2, extraFacts: extra,
          allowedLanguages: Array.isArray(a.languages) ? a.languages : null,
          serverHistory: true, hiddenResults: !!a.show_hidden_results,
          drafts: {
            load: () => api(draftPath, {token, signal}).catch((e) => { if (e.status === 404) return null; throw e; }),
            save: (source, {keepalive, language}) => saveDraft(draftPath, source, keepalive, language),
          },
          draftSaveMs: sess.ends_at && sess.ends_at - serverNow() < 60000 ? 1000 : undefined,
          onPaste: (size) => sendSignal({kind: 'paste', problem: slug, size}),
          locked: timeUp ? lockMessage() : null,
          onResult: () => refresh(),
        });
        solvers.set(t.p.slug, solver);
      } catch (e) {
        solvers.delete(t.p.slug);
        if (e.name === 'AbortError') return;
        replace(t.panel, h('div', {class: 'page'}, errorAlert(e)));
        if (e.status === 403) refresh();
      }
    }

    function lockMessage() {
      return 'Time is up. The editor is locked; your last submissions stand.';
    }

    function onTimeUp() {
      if (timeUp) return;
      timeUp = true;
      timer.textContent = '00:00';
      timerBox.classList.add('timer-over');
      finishBtn.hidden = true;
      notice.hidden = false;
      replace(notice, h('strong', null, 'Time is up.'), ' The editor is locked and nothing more can be run or submitted. ',
        a.submit_drafts_at_end !== false
          ? 'Your submissions stand, and your saved code of each problem changed since its last submission is judged as a final submission.'
          : 'Your last submissions stand: they have been sent to the hiring team.');
      for (const s of solvers.values()) s?.lock(lockMessage());
      announce('Time is up. Your last submissions stand.');
      setTimeout(() => refresh(), 1500);
    }

    /*
     * Warnings in words as well as colour: under 5 minutes and under 1 minute, the note beside the
     * timer says so (a polite live region: read out when it changes). 15 minutes is only said.
     */
    let said15 = false;
    function tick() {
      if (!sess.ends_at) return;
      const left = sess.ends_at - serverNow();
      if (left <= 0) { onTimeUp(); return; }
      timer.textContent = clock(left);
      timerBox.classList.toggle('timer-warn', left <= 5 * 60000);
      timerBox.classList.toggle('timer-danger', left <= 60000);
      const note = left <= 60000 ? 'Less than 1 minute left' : left <= 5 * 60000 ? 'Less than 5 minutes left' : '';
      if (timerNote.textContent !== note) timerNote.textContent = note;
      if (!said15 && left <= 15 * 60000) {
        said15 = true;
        if (left > 14 * 60000) announce(spoken(left));
      }
    }
    const iv = setInterval(tick, 250);
    cleanups.push(() => clearInterval(iv));
    // Focus losses: the page hidden or the window left, and for how long.
    let leftAt = 0;
    const onBlur = () => { if (!leftAt && !timeUp) leftAt = Date.now(); };
    const onFocus = () => {
      if (!leftAt) return;
      const duration = Date.now() - leftAt;
      leftAt = 0;
      if (!timeUp) sendSignal({kind: 'blur', problem: current, duration_ms: duration});
    };
    const onVisibility = () => (document.visibilityState === 'hidden' ? onBlur() : onFocus());
    window.addEventListener('blur', onBlur);
    window.addEventListener('focus', onFocus);
    document.addEventListener('visibilitychange', onVisibility);
    cleanups.push(() => {
      window.removeEventListener('blur', onBlur);
      window.removeEventListener('focus', onFocus);
      document.removeEventListener('visibilitychange', onVisibility);
    });
    const resync = setInterval(() => refresh(), 30000);
    cleanups.push(() => clearInterval(resync));
    cleanups.push(() => { for (const s of solvers.values()) s?.destroy(); solvers.clear(); });

    async function refresh() {
      try {
        await load();
      } catch (e) {
        if (e.name === 'AbortError') return;
        return;
      }
      if (sess.state === 'started') { paintTabs(); return; }
      if (sess.state === 'finished' && !timeUp && sess.finished_at && sess.ends_at && sess.finished_at < sess.ends_at) {
        show(); // finished elsewhere (another tab)
        return;
      }
      paintTabs();
      if (sess.state === 'finished') onTimeUp();
    }

    finishBtn.addEventListener('click', async () => {
      const left = sess.ends_at - serverNow();
      const counts = new Map((sess.assessment.problems || []).map((p) => [p.slug, p.submissions || 0]));
      const never = problems.filter((p) => !counts.get(p.slug));
      const changed = problems.filter((p) => {
        const d = local.get(`draft:${scope}:${p.slug}`, null);
        return counts.get(p.slug) && d !== null && d !== local.get(`submitted:${scope}:${p.slug}`, null);
      });
      const ok = await confirmDialog({
        title: 'Finish the assessment?',
        body: [
          `You still have ${clock(left)} left.`,
          never.length || changed.length ? h('div', {class: 'alert alert-warn'},
            never.length ? h('p', null, h('strong', null, 'Not submitted yet: '), never.map((p) => p.title).join(', '), '.') : null,
            changed.length ? h('p', null, h('strong', null, 'Changed since your last submission: '), changed.map((p) => p.title).join(', '),
              '. Code that is not submitted is not sent.') : null) : null,
          'Once you finish you cannot run or submit any more. The submissions you made stand.',
        ].filter(Boolean),
        confirm: 'Finish now', cancel: 'Keep working', danger: true,
      });
      if (!ok) { finishBtn.focus(); return; }
      finishBtn.disabled = true;
      try {
        const s = await api('/api/v1/candidate/finish', {method: 'POST', token, signal});
        if (s?.state) sess = s; else await load();
        show();
        main.querySelector('h1')?.focus();
      } catch (e) {
        finishBtn.disabled = false;
        if (e.name === 'AbortError') return;
        notice.hidden = false;
        replace(notice, errorAlert(e));
      }
    });

    replace(main,
      h('div', {class: 'assess-bar'},
        h('div', {class: 'assess-title'},
          h('h1', {tabindex: '-1'}, a.title),
          h('span', {class: 'muted'}, sess.candidate?.name || '')),
        timerBox,
        finishBtn),
      notice,
      h('div', {class: 'tabs-wrap'}, tablist),
      panels);
    paintTabs();
    tick();
    const want = new URLSearchParams(location.search).get('p');
    const start = Math.max(0, problems.findIndex((p) => p.slug === want));
    select(start, false);
  }
}
