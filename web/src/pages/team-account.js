// A member's own account: who they are, their role, and their password (set one after signing
// in by a login link, or change it: the member's other sessions end).
import {h, replace, clear, field, setFieldError, announce} from '../dom.js';
import {api} from '../api.js';
import {loading, errorAlert} from './common.js';
import {gate, whoBar} from './team-gate.js';

export async function teamAccount(main, opts) {
  const {signal, setTitle, navigate} = opts;
  loading(main);
  const ctx = await gate(main, opts);
  if (!ctx) return;
  setTitle('Your account');
  const crumbs = h('nav', {class: 'crumbs', 'aria-label': 'Breadcrumb'}, h('a', {href: '/team'}, 'Assessments'),
    h('span', {'aria-hidden': 'true'}, ' / '), h('span', {'aria-current': 'page'}, 'Your account'));
  const m = ctx.me.member;
  if (!m) {
    replace(main, h('div', {class: 'page page-narrow'}, whoBar(ctx, navigate), crumbs, h('h1', {tabindex: '-1'}, 'Your account'),
      h('p', {class: 'lead'}, 'This browser uses a key, not a member’s account: keys have no password.')));
    return;
  }
  const current = h('input', {type: 'password', autocomplete: 'current-password'});
  const next = h('input', {type: 'password', autocomplete: 'new-password', minlength: '12', required: true});
  const err = h('div');
  const done = h('div');
  const form = h('form', {class: 'key-form', novalidate: true, 'data-testid': 'password-form'},
    m.has_password ? field('Current password', current).field : null,
    field('New password', next, 'At least 12 characters. Your other sessions end when it changes.').field,
    err, done,
    h('button', {type: 'submit', class: 'btn btn-primary'}, m.has_password ? 'Change the password' : 'Set a password'));
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    clear(err);
    clear(done);
    setFieldError(current, '');
    setFieldError(next, '');
    const body = {password: next.value};
    if (m.has_password) body.current_password = current.value;
    try {
      await api('/api/v1/auth/password', {method: 'PUT', signal, body});
      current.value = next.value = '';
      done.append(h('div', {class: 'alert alert-success', role: 'status'}, 'The password is set. You can sign in with it from now on.'));
      announce('The password is set.');
    } catch (e) {
      if (e.name === 'AbortError') return;
      const pw = (e.errors || []).find((x) => x.pointer === '/password');
      const cur = (e.errors || []).find((x) => x.pointer === '/current_password');
      if (pw) { setFieldError(next, pw.detail); next.focus(); } else if (cur) { setFieldError(current, cur.detail); current.focus(); } else err.append(errorAlert(e));
    }
  });
  replace(main, h('div', {class: 'page page-narrow'},
    whoBar(ctx, navigate), crumbs,
    h('h1', {tabindex: '-1'}, 'Your account'),
    h('dl', {class: 'facts'},
      h('div', {class: 'fact'}, h('dt', null, 'Name'), h('dd', null, m.name)),
      h('div', {class: 'fact'}, h('dt', null, 'Email'), h('dd', null, m.email)),
      h('div', {class: 'fact'}, h('dt', null, 'Role'), h('dd', null, ctx.me.team_role))),
    h('section', {class: 'card', 'aria-labelledby': 'pw-h'}, h('h2', {id: 'pw-h'}, 'Password'), form)));
}
