// judged's front end: a small router on history.pushState over the pages.
import './style.css';
import {h, replace} from './dom.js';
import {errorPage, errorAlert} from './pages/common.js';
import {local} from './storage.js';

/*
 * The theme: the system's (prefers-color-scheme) until the toggle picks one, which is then
 * remembered. data-theme on <html> selects style.css's palette; the editor follows through its
 * custom properties.
 */
const darkQuery = window.matchMedia('(prefers-color-scheme: dark)');
function applyTheme() {
  const chosen = local.get('theme', null);
  if (chosen === 'dark' || chosen === 'light') document.documentElement.dataset.theme = chosen;
  else delete document.documentElement.dataset.theme;
  const dark = chosen ? chosen === 'dark' : darkQuery.matches;
  document.getElementById('theme-toggle')?.setAttribute('aria-pressed', String(dark));
  return dark;
}
applyTheme();
darkQuery.addEventListener('change', applyTheme);
document.getElementById('theme-toggle')?.addEventListener('click', () => {
  const dark = document.getElementById('theme-toggle').getAttribute('aria-pressed') === 'true';
  local.set('theme', dark ? 'light' : 'dark');
  applyTheme();
});

/*
 * Pages load on demand (esbuild splits them into chunks): the catalogue does not carry the team
 * pages, and CodeMirror comes only with the pages that show an editor.
 */
const lazy = (load, name) => async (...args) => (await load())[name](...args);
const practice = () => import('./pages/practice.js');
const candidate = () => import('./pages/candidate.js');
const team = () => import('./pages/team.js');
const cataloguePage = lazy(practice, 'cataloguePage'), problemPage = lazy(practice, 'problemPage');
const invitePage = lazy(candidate, 'invitePage');
const teamHome = lazy(team, 'teamHome'), teamNew = lazy(team, 'teamNew'), teamAssessment = lazy(team, 'teamAssessment');
const teamEdit = lazy(team, 'teamEdit'), teamKeys = lazy(team, 'teamKeys');
const teamMembers = lazy(team, 'teamMembers'), teamLogin = lazy(team, 'teamLogin');
const teamAccount = lazy(team, 'teamAccount');
const teamCandidate = lazy(team, 'teamCandidate'), teamSimilarity = lazy(team, 'teamSimilarity');

const routes = [
  {re: /^\/$/, page: cataloguePage, nav: 'practice'},
  {re: /^\/p\/([a-z0-9][a-z0-9-]*)\/?$/, page: problemPage, nav: 'practice'},
  {re: /^\/invite\/?$/, page: invitePage, nav: 'none'},
  {re: /^\/team\/?$/, page: teamHome, nav: 'team'},
  {re: /^\/team\/new\/?$/, page: teamNew, nav: 'team'},
  {re: /^\/team\/keys\/?$/, page: teamKeys, nav: 'team'},
  {re: /^\/team\/members\/?$/, page: teamMembers, nav: 'team'},
  {re: /^\/team\/login\/?$/, page: teamLogin, nav: 'team'},
  {re: /^\/team\/account\/?$/, page: teamAccount, nav: 'team'},
  {re: /^\/team\/a\/(\d+)\/edit\/?$/, page: teamEdit, nav: 'team'},
  {re: /^\/team\/a\/(\d+)\/?$/, page: teamAssessment, nav: 'team'},
  {re: /^\/team\/a\/(\d+)\/similarity\/?$/, page: teamSimilarity, nav: 'team'},
  // Any candidate address goes to its page, which says what is wrong with a bad one.
  {re: /^\/team\/a\/([^/]+)\/c\/([^/]*)\/?$/, page: teamCandidate, nav: 'team'},
];

const main = document.getElementById('main');
let cleanup = null;
let abort = null;
let first = true;

function setTitle(t) {
  document.title = t ? `${t} · judged` : 'judged';
}

function setNav(which) {
  const nav = document.getElementById('site-nav');
  if (!nav) return;
  nav.hidden = which === 'none';
  for (const a of nav.querySelectorAll('a')) {
    if (a.dataset.nav === which) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  }
}

async function render() {
  if (cleanup) {
    try { cleanup(); } catch { /* a page's own teardown failing must not stop navigation */ }
    cleanup = null;
  }
  abort?.abort();
  abort = new AbortController();
  const signal = abort.signal;
  main.className = '';
  const path = location.pathname;
  const route = routes.find((r) => r.re.test(path));
  setNav(route?.nav ?? 'practice');
  if (!route) {
    errorPage(main, 'Page not found', `There is no page at ${path}.`, setTitle);
  } else {
    const params = path.match(route.re).slice(1);
    try {
      const c = await route.page(main, {params, signal, setTitle, navigate});
      if (signal.aborted) { if (typeof c === 'function') c(); return; }
      cleanup = typeof c === 'function' ? c : null;
    } catch (e) {
      if (signal.aborted || e?.name === 'AbortError') return;
      console.error(e);
      setTitle('Error');
      replace(main, h('div', {class: 'page page-narrow'}, h('h1', {tabindex: '-1'}, 'Something went wrong'), errorAlert(e),
        h('p', null, h('button', {type: 'button', class: 'btn', onclick: () => render()}, 'Try again'))));
    }
  }
  // After a navigation (not the first load), move focus to the page's heading for screen readers.
  if (!first) {
    const target = main.querySelector('h1') || main;
    if (!target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
    target.focus({preventScroll: true});
    window.scrollTo(0, 0);
  }
  first = false;
}

export function navigate(path, {replace: rep = false} = {}) {
  if (rep) history.replaceState(null, '', path);
  else history.pushState(null, '', path);
  render();
}

document.addEventListener('click', (ev) => {
  if (ev.defaultPrevented || ev.button !== 0 || ev.metaKey || ev.ctrlKey || ev.shiftKey || ev.altKey) return;
  const a = ev.target.closest?.('a[href]');
  if (!a || a.target || a.hasAttribute('download')) return;
  const url = new URL(a.href, location.href);
  if (url.origin !== location.origin || url.pathname.startsWith('/api/') || url.pathname === '/openapi.json') return;
  if (url.pathname === location.pathname && url.hash) return;
  ev.preventDefault();
  navigate(url.pathname + url.search + url.hash);
});

window.addEventListener('popstate', render);
render();
