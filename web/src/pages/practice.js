// Practice: the catalogue of public problems, and one problem's page.
import {h, replace, plural, fmtMs, sleep} from '../dom.js';
import {api} from '../api.js';
import {practiceProgress, recordPractice, practiceHeaders} from '../storage.js';
import {errorPage, loading} from './common.js';

const STATE_LABEL = {solved: 'Solved', attempted: 'Attempted', none: 'Not started'};
export const DIFFICULTIES = ['easy', 'medium', 'hard'];
const DIFFICULTY_LABEL = {easy: 'Easy', medium: 'Medium', hard: 'Hard'};

/** A problem's difficulty as a small labelled badge (the word, never colour alone). */
export function difficultyBadge(d) {
  return h('span', {class: ['difficulty', `difficulty-${d}`], 'data-testid': 'difficulty'}, DIFFICULTY_LABEL[d] || d);
}

export async function cataloguePage(main, {signal, setTitle}) {
  setTitle('Practice problems');
  loading(main, 'Loading the problems…');
  const {problems} = await api('/api/v1/problems', {signal});
  let progress = practiceProgress();
  const publicOnes = problems.filter((p) => p.public !== false);
  const solved = publicOnes.filter((p) => progress[p.slug]?.state === 'solved').length;

  // Filters: words (title, id or tag), difficulty, tag and this browser's progress, kept in the
  // address (?q=&difficulty=&tag=&state=) so that a filtered list can be shared or reloaded.
  const params = new URLSearchParams(location.search);
  const search = h('input', {type: 'search', id: 'problem-filter', placeholder: 'Title, id or tag', autocomplete: 'off'});
  search.value = params.get('q') || '';
  const stateSel = h('select', {id: 'state-filter'},
    h('option', {value: ''}, 'All problems'),
    h('option', {value: 'none'}, 'Not started'),
    h('option', {value: 'attempted'}, 'Attempted'),
    h('option', {value: 'solved'}, 'Solved'));
  const diffSel = h('select', {id: 'difficulty-filter', 'data-testid': 'difficulty-filter'},
    h('option', {value: ''}, 'Any difficulty'),
    DIFFICULTIES.map((d) => h('option', {value: d}, DIFFICULTY_LABEL[d])));
  const allTags = [...new Set(publicOnes.flatMap((p) => p.tags || []))].sort((a, b) => a.localeCompare(b));
  const tagSel = h('select', {id: 'tag-filter', 'data-testid': 'tag-filter'},
    h('option', {value: ''}, 'Any tag'), allTags.map((t) => h('option', {value: t}, t)));
  for (const [sel, key] of [[stateSel, 'state'], [diffSel, 'difficulty'], [tagSel, 'tag']]) {
    const v = params.get(key);
    if (v && [...sel.options].some((o) => o.value === v)) sel.value = v;
  }
  const count = h('p', {class: 'muted', role: 'status', 'aria-live': 'polite'});
  const list = h('ul', {class: 'problem-list', 'data-testid': 'catalogue'});

  function remember() {
    const q = new URLSearchParams();
    if (search.value.trim()) q.set('q', search.value.trim());
    if (diffSel.value) q.set('difficulty', diffSel.value);
    if (tagSel.value) q.set('tag', tagSel.value);
    if (stateSel.value) q.set('state', stateSel.value);
    const url = q.size ? `/?${q}` : '/';
    if (url !== location.pathname + location.search) history.replaceState(null, '', url);
  }

  function render() {
    const words = search.value.trim().toLowerCase().split(/\s+/).filter(Boolean);
    const want = stateSel.value;
    const shown = publicOnes.filter((p) => {
      const st = progress[p.slug]?.state || 'none';
      const hay = [p.title.toLowerCase(), p.slug, ...(p.tags || []).map((t) => t.toLowerCase())].join('\n');
      return words.every((w) => hay.includes(w)) && (!want || st === want) &&
        (!diffSel.value || p.difficulty === diffSel.value) && (!tagSel.value || (p.tags || []).includes(tagSel.value));
    });
    replace(list, shown.map((p) => {
      const st = progress[p.slug]?.state || 'none';
      return h('li', {class: ['problem-card', `state-${st}`], dataset: {slug: p.slug}},
        h('div', {class: 'problem-main'},
          h('a', {href: `/p/${p.slug}`, class: 'problem-link'},
            h('span', {class: 'problem-name'}, p.title),
            h('span', {class: 'problem-meta'},
              p.function_signature ? 'Function' : 'Full program', ' · ',
              fmtMs(p.limits?.time_ms), ' · ', `${p.limits?.memory_mb ?? '–'} MiB`, ' · ',
              plural(p.tests ?? 0, 'test'))),
          p.difficulty || p.tags?.length ? h('div', {class: 'problem-tags'},
            p.difficulty ? difficultyBadge(p.difficulty) : null,
            (p.tags || []).map((t) => h('button', {type: 'button', class: 'tag', 'aria-pressed': String(tagSel.value === t),
              'aria-label': `Tag: ${t}`, onclick: () => { tagSel.value = tagSel.value === t ? '' : t; render(); }}, t))) : null),
        h('span', {class: ['state-pill', `pill-${st}`], 'data-testid': 'state'},
          st === 'solved' ? h('span', {'aria-hidden': 'true'}, '✓ ') : null, STATE_LABEL[st]));
    }));
    count.textContent = shown.length === publicOnes.length ? `${plural(publicOnes.length, 'problem')}`
      : `${shown.length} of ${plural(publicOnes.length, 'problem')} shown`;
    remember();
  }
  search.addEventListener('input', render);
  for (const sel of [stateSel, diffSel, tagSel]) sel.addEventListener('change', render);

  const solvedCount = h('strong', {class: 'big-number', 'data-testid': 'solved-count'}, String(solved));
  const solvedBar = h('progress', {max: String(publicOnes.length || 1), value: String(solved), 'aria-label': 'Problems solved'});
  replace(main, h('div', {class: 'page page-narrow'},
    h('div', {class: 'page-head'},
      h('h1', {tabindex: '-1'}, 'Practice problems'),
      h('p', {class: 'lead'}, 'Solve problems in C, run your code on the samples or your own input, and submit it to the judge. ',
        'Your drafts stay in this browser; the judge keeps this browser’s submissions and progress.')),
    h('div', {class: 'progress-summary'},
      h('div', null, solvedCount, h('span', null, ` of ${publicOnes.length} solved`)),
      solvedBar),
    h('div', {class: 'filters'},
      h('div', {class: 'field field-inline'}, h('label', {for: search.id}, 'Search'), search),
      h('div', {class: 'field field-inline'}, h('label', {for: diffSel.id}, 'Difficulty'), diffSel),
      allTags.length ? h('div', {class: 'field field-inline'}, h('label', {for: tagSel.id}, 'Tag'), tagSel) : null,
      h('div', {class: 'field field-inline'}, h('label', {for: stateSel.id}, 'Show'), stateSel),
      count),
    publicOnes.length ? list : h('p', {class: 'empty-state'}, 'No public problems yet. An administrator imports them with PUT /api/v1/problems/SLUG.')));
  render();
  // The server's record of this browser's practice (followed while submissions are judged).
  (async () => {
    for (;;) {
      let r;
      try {
        r = await api('/api/v1/practice/progress', {signal, extraHeaders: practiceHeaders()});
      } catch (e) {
        return; // left the page, or an older judge: this browser's record stands
      }
      const merged = {...practiceProgress()};
      for (const [slug, p] of Object.entries(r.problems || {})) {
        const prev = merged[slug] || {};
        const solvedNow = p.state === 'solved' || prev.state === 'solved';
        merged[slug] = {...prev, state: solvedNow ? 'solved' : 'attempted', best: Math.max(prev.best ?? 0, p.best ?? 0), pending: p.pending};
      }
      progress = merged;
      const n = publicOnes.filter((p) => progress[p.slug]?.state === 'solved').length;
      solvedCount.textContent = String(n);
      solvedBar.value = n;
      render();
      if (!r.pending) return;
      await sleep(1000, signal);
    }
  })().catch(() => {});
}

export async function problemPage(main, {params, signal, setTitle}) {
  const slug = params[0];
  loading(main, 'Loading the problem…');
  let problem;
  try {
    problem = await api(`/api/v1/problems/${encodeURIComponent(slug)}`, {signal});
  } catch (e) {
    if (e.status === 404) return errorPage(main, 'No such problem', `There is no public problem “${slug}”.`, setTitle);
    throw e;
  }
  setTitle(problem.title);
  main.classList.add('main-fill');
  const crumbs = h('nav', {class: 'crumbs', 'aria-label': 'Breadcrumb'},
    h('a', {href: '/'}, 'Practice'), h('span', {'aria-hidden': 'true'}, ' / '), h('span', {'aria-current': 'page'}, problem.title));
  const holder = h('div', {class: 'solver'});
  replace(main, crumbs, holder);
  const st = practiceProgress()[slug]?.state;
  const {mountSolver} = await import('../solve.js');
  if (signal.aborted) return undefined;
  const solver = mountSolver(holder, {
    problem, scope: 'practice',
    submitHeaders: practiceHeaders(),
    history: () => api(`/api/v1/practice/submissions?problem=${encodeURIComponent(slug)}&limit=50`,
      {signal, extraHeaders: practiceHeaders()}).then((r) => r.submissions),
    extraFacts: st ? [['Your progress', st === 'solved' ? 'Solved' : 'Attempted']] : [],
    onResult: (r) => recordPractice(slug, r),
  });
  return () => { solver.destroy(); main.classList.remove('main-fill'); };
}
