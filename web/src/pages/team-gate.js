// The team side's entrance: a member signs in (e-mail and password, or a one-time login link:
// a session cookie, with a CSRF token for writes), or pastes a team API key (kept in
// sessionStorage only); and the bar that says who is signed in, with the team's pages their role
// may use and a way out.
import {h, replace, clear, field, announce} from '../dom.js';
import {api, setCsrf} from '../api.js';
import {session as sstore} from '../storage.js';
import {errorAlert} from './common.js';

export const KEY = 'team-key';

/* The roles within a team, each able to do what the ones before it can (docs/hiring.md). */
const ROLES = ['read-only', 'reviewer', 'recruiter', 'admin'];

/** Whether the signed-in caller has `role` or more (the instance admin has every role). */
export function can(ctx, role) {
  if (ctx.me.role === 'admin') return true;
  return ROLES.indexOf(ctx.me.team_role || 'admin') >= ROLES.indexOf(role);
}

/** The roles the caller may hand out (up to its own). */
export function rolesUpTo(ctx) {
  return ROLES.filter((r) => can(ctx, r)).reverse();
}

/** Who is signed in: {token, me} (token null for a member's session), or null. */
async function whoIsIn(signal) {
  const token = sstore.get(KEY, null);
  if (token) {
    try {
      const me = await api('/api/v1/me', {token, signal});
      if (me.role === 'team' || me.role === 'admin') return {token, me};
      sstore.set(KEY, null);
    } catch (e) {
      if (e.name === 'AbortError') throw e;
      if (e.status === 401 || e.status === 403) sstore.set(KEY, null);
      else throw e;
    }
  }
  try {
    const me = await api('/api/v1/me', {signal}); // the session cookie, when there is one
    setCsrf(me.csrf_token);
    return {token: null, me};
  } catch (e) {
    if (e.name === 'AbortError') throw e;
    if (e.status !== 401 && e.status !== 403) throw e;
  }
  setCsrf(null);
  return null;
}

/** The sign-in forms, or the caller's page when someone is signed in. Returns {token, me} or null. */
export async function gate(main, {signal, setTitle, navigate}) {
  const ctx = await whoIsIn(signal);
  if (ctx) return ctx;
  setTitle('Hiring team');

  const email = h('input', {type: 'email', id: 'member-email', autocomplete: 'username', required: true});
  const password = h('input', {type: 'password', id: 'member-password', autocomplete: 'current-password', required: true});
  const loginErr = h('div');
  const login = h('form', {class: 'card key-form', 'data-testid': 'login-form'},
    h('h2', null, 'Sign in'),
    field('Email', email).field,
    field('Password', password).field,
    loginErr,
    h('button', {type: 'submit', class: 'btn btn-primary'}, 'Sign in'));
  login.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    clear(loginErr);
    try {
      const r = await api('/api/v1/auth/login', {method: 'POST', signal, body: {email: email.value.trim(), password: password.value}});
      setCsrf(r.csrf_token);
      password.value = '';
      navigate(location.pathname, {replace: true});
    } catch (e) {
      if (e.name === 'AbortError') return;
      loginErr.append(errorAlert(e.status === 401 ? new Error('The email or the password is wrong.') : e));
      password.focus();
    }
  });

  const input = h('input', {type: 'password', id: 'team-key', autocomplete: 'off', spellcheck: 'false', required: true});
  const err = h('div');
  const form = h('form', {class: 'card key-form'},
    h('h2', null, 'Or use a team API key'),
    field('Team API key', input, 'The key an administrator created for your team. It stays in this browser tab only and is forgotten when the tab closes.').field,
    err,
    h('button', {type: 'submit', class: 'btn'}, 'Continue'));
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    clear(err);
    const key = input.value.trim();
    if (!key) return;
    try {
      const me = await api('/api/v1/me', {token: key, signal});
      if (me.role !== 'team' && me.role !== 'admin') {
        err.append(errorAlert(new Error(`This is a ${me.role} token, not a team key.`)));
        return;
      }
      sstore.set(KEY, key);
      navigate(location.pathname, {replace: true});
    } catch (e) {
      if (e.name === 'AbortError') return;
      err.append(errorAlert(e.status === 401 ? new Error('This key is unknown or was revoked.') : e));
      input.focus();
    }
  });
  replace(main, h('div', {class: 'page page-narrow'},
    h('h1', {tabindex: '-1'}, 'Hiring team'),
    h('p', {class: 'lead'}, 'Build assessments from problems, invite candidates, and read their reports.'),
    login, form));
  return null;
}

/** /team/login#TOKEN: signs in with a one-time login link, then opens the team's pages. */
export async function teamLogin(main, {signal, setTitle, navigate}) {
  setTitle('Signing in');
  const token = location.hash.slice(1);
  // The token is used once: out of the address bar and the history before anything else.
  history.replaceState(null, '', '/team/login');
  if (!token) {
    replace(main, h('div', {class: 'page page-narrow'}, h('h1', {tabindex: '-1'}, 'No login link'),
      h('p', null, 'Open the whole link you were given, or ', h('a', {href: '/team'}, 'sign in'), '.')));
    return;
  }
  try {
    const r = await api('/api/v1/auth/link', {method: 'POST', signal, body: {token}});
    sstore.set(KEY, null);
    setCsrf(r.csrf_token);
    announce(`Signed in as ${r.member.name}.`);
    navigate('/team', {replace: true});
  } catch (e) {
    if (e.name === 'AbortError') return;
    replace(main, h('div', {class: 'page page-narrow'}, h('h1', {tabindex: '-1'}, 'This login link does not work'),
      errorAlert(e.status === 401 ? new Error('It was used already, or it expired. Ask a team admin for a new one.') : e),
      h('p', null, h('a', {href: '/team'}, 'Sign in another way'))));
  }
}

export function whoBar(ctx, navigate) {
  const m = ctx.me.member;
  const who = ctx.me.role === 'admin' ? 'the administrator'
    : m ? `${m.name} (${ctx.me.team_role}, team ${ctx.me.team || ctx.me.team_id})`
      : `team ${ctx.me.team || ctx.me.team_id} (${ctx.me.team_role || 'admin'} key)`;
  const out = m
    ? h('button', {type: 'button', class: 'btn btn-small btn-quiet', onclick: async () => {
      try { await api('/api/v1/auth/logout', {method: 'POST'}); } catch { /* the session is gone either way */ }
      setCsrf(null);
      announce('Signed out.');
      navigate('/team');
    }}, 'Sign out')
    : h('button', {type: 'button', class: 'btn btn-small btn-quiet', onclick: () => {
      sstore.set(KEY, null);
      announce('The key is forgotten.');
      navigate('/team');
    }}, 'Forget the key');
  return h('div', {class: 'who-bar'},
    h('span', {'data-testid': 'who'}, 'Signed in as ', h('strong', null, who)),
    m ? h('a', {href: '/team/account', class: 'btn btn-small btn-quiet'}, 'Your account') : null,
    ctx.me.role === 'team' && can(ctx, 'admin') ? h('a', {href: '/team/members', class: 'btn btn-small btn-quiet'}, 'Members') : null,
    ctx.me.role === 'team' && can(ctx, 'recruiter') ? h('a', {href: '/team/keys', class: 'btn btn-small btn-quiet'}, 'Team keys') : null,
    out);
}
