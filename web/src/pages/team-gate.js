// The team side's entrance: the key form (the key kept in sessionStorage only), and the bar that
// says who is signed in, with the team's keys and a way to forget the key.
import {h, replace, clear, field, announce} from '../dom.js';
import {api} from '../api.js';
import {session as sstore} from '../storage.js';
import {errorAlert} from './common.js';

export const KEY = 'team-key';

/** The key form, or the caller's page when a key is kept. Returns {token, me} or null. */
export async function gate(main, {signal, setTitle, navigate}) {
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
  setTitle('Hiring team');
  const input = h('input', {type: 'password', id: 'team-key', autocomplete: 'off', spellcheck: 'false', required: true});
  const err = h('div');
  const form = h('form', {class: 'card key-form'},
    field('Team API key', input, 'The key an administrator created for your team. It stays in this browser tab only and is forgotten when the tab closes.').field,
    err,
    h('button', {type: 'submit', class: 'btn btn-primary'}, 'Continue'));
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
    form));
  return null;
}

export function whoBar(ctx, navigate) {
  const who = ctx.me.role === 'admin' ? 'the administrator' : `team ${ctx.me.team || ctx.me.team_id}`;
  return h('div', {class: 'who-bar'},
    h('span', null, 'Signed in as ', h('strong', null, who)),
    ctx.me.role === 'team' ? h('a', {href: '/team/keys', class: 'btn btn-small btn-quiet'}, 'Team keys') : null,
    h('button', {type: 'button', class: 'btn btn-small btn-quiet', onclick: () => {
      sstore.set(KEY, null);
      announce('The key is forgotten.');
      navigate('/team');
    }}, 'Forget the key'));
}

