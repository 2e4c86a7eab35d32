// The team's members, for its admins: list them with their roles, add one (with a password, or
// a one-time login link to hand over), change a role, make a login link, remove one.
import {h, replace, clear, field, setFieldError, fmtDate, copyButton, confirmDialog, announce, id} from '../dom.js';
import {api} from '../api.js';
import {loading, errorAlert} from './common.js';
import {gate, whoBar, can, rolesUpTo} from './team-gate.js';

function roleSelect(ctx, value, label) {
  const sel = h('select', {'aria-label': label},
    rolesUpTo(ctx).map((r) => h('option', {value: r, selected: r === value}, r)));
  sel.value = value;
  return sel;
}

/** A login link just made, shown once with a copy button. */
function linkShown(box, who, l) {
  const url = new URL(l.link, location.origin).href;
  const out = h('input', {type: 'text', readonly: true, class: 'link-output', value: url, id: id('link'), 'data-testid': 'login-link'});
  replace(box, h('div', {class: 'alert alert-success', role: 'status'},
    h('p', null, h('strong', null, `A login link for ${who}.`)),
    h('p', null, 'Hand it over now: it is shown only once, signs in once, and stops working in 30 minutes.'),
    h('div', {class: 'copy-row'}, h('label', {for: out.id, class: 'visually-hidden'}, 'The login link'), out,
      copyButton('Copy the link', () => url, 'btn-primary'))));
  out.focus();
  out.select();
}

export async function teamMembers(main, opts) {
  const {signal, setTitle, navigate} = opts;
  loading(main);
  const ctx = await gate(main, opts);
  if (!ctx) return;
  setTitle('Members');
  const crumbs = h('nav', {class: 'crumbs', 'aria-label': 'Breadcrumb'}, h('a', {href: '/team'}, 'Assessments'),
    h('span', {'aria-hidden': 'true'}, ' / '), h('span', {'aria-current': 'page'}, 'Members'));
  if (ctx.me.role !== 'team' || !can(ctx, 'admin')) {
    replace(main, h('div', {class: 'page page-narrow'}, whoBar(ctx, navigate), crumbs, h('h1', {tabindex: '-1'}, 'Members'),
      h('p', {class: 'lead'}, ctx.me.role === 'admin'
        ? ['The administrator manages every team’s members through the API: ', h('code', null, '/api/v1/teams/ID/members'), '.']
        : 'Only the team’s admins manage its members.')));
    return;
  }
  const tid = ctx.me.team_id;
  const listBox = h('div', {'data-testid': 'members'});
  const newBox = h('div', {class: 'invite-link-box'});
  const email = h('input', {type: 'email', maxlength: '254', autocomplete: 'off', required: true});
  const name = h('input', {type: 'text', maxlength: '100', autocomplete: 'off', required: true});
  const role = roleSelect(ctx, 'reviewer', 'Role');
  const password = h('input', {type: 'password', autocomplete: 'new-password', minlength: '12'});
  const withLink = h('input', {type: 'checkbox', checked: true, id: id('link')});
  const formErr = h('div');
  const form = h('form', {class: 'invite-form', novalidate: true, 'data-testid': 'member-form'},
    h('div', {class: 'field-row'}, field('Email', email).field, field('Name', name).field, field('Role', role).field),
    field('Password (optional)', password, 'At least 12 characters. Leave it empty to let them sign in by the login link only.').field,
    h('div', {class: 'field'}, h('label', {class: 'check'}, withLink, ' Make a one-time login link to hand over')),
    formErr,
    h('button', {type: 'submit', class: 'btn btn-primary'}, 'Add the member'));

  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    for (const el of [email, name, password]) setFieldError(el, '');
    clear(formErr);
    const body = {email: email.value.trim(), name: name.value.trim(), role: role.value, login_link: withLink.checked};
    if (password.value) body.password = password.value;
    try {
      const m = await api(`/api/v1/teams/${tid}/members`, {method: 'POST', token: ctx.token, signal, body});
      if (m.login_link) linkShown(newBox, m.name, m.login_link);
      else replace(newBox, h('div', {class: 'alert alert-success', role: 'status'}, `${m.name} is a member.`));
      email.value = name.value = password.value = '';
      load();
    } catch (e) {
      if (e.name === 'AbortError') return;
      let shown = false;
      for (const [el, ptr] of [[email, '/email'], [name, '/name'], [password, '/password']]) {
        const mine = (e.errors || []).find((x) => x.pointer === ptr);
        if (mine) { setFieldError(el, mine.detail); shown = true; }
      }
      if (!shown) formErr.append(errorAlert(e));
    }
  });

  async function change(m, body, what) {
    try {
      await api(`/api/v1/teams/${tid}/members/${m.id}`, {method: 'PATCH', token: ctx.token, body});
      announce(what);
    } catch (e) {
      listBox.prepend(errorAlert(e));
    }
    load();
  }

  async function remove(m) {
    const ok = await confirmDialog({title: `Remove ${m.name}?`,
      body: 'They are signed out at once and can no longer sign in. Their reviews and the audit log keep their name.',
      confirm: 'Remove', danger: true});
    if (!ok) return;
    try {
      await api(`/api/v1/teams/${tid}/members/${m.id}`, {method: 'DELETE', token: ctx.token});
      announce(`${m.name} is removed.`);
    } catch (e) {
      listBox.prepend(errorAlert(e));
    }
    load();
  }

  async function makeLink(m) {
    try {
      const l = await api(`/api/v1/teams/${tid}/members/${m.id}/login-link`, {method: 'POST', token: ctx.token});
      linkShown(newBox, m.name, l);
    } catch (e) {
      listBox.prepend(errorAlert(e));
    }
  }

  async function load() {
    try {
      const {members} = await api(`/api/v1/teams/${tid}/members`, {token: ctx.token, signal});
      replace(listBox, h('div', {class: 'table-scroll'}, h('table', {class: 'table'},
        h('caption', {class: 'visually-hidden'}, 'The team’s members'),
        h('thead', null, h('tr', null, ['Name', 'Email', 'Role', 'Since', 'State'].map((c) => h('th', {scope: 'col'}, c)),
          h('th', {scope: 'col'}, h('span', {class: 'visually-hidden'}, 'Actions')))),
        h('tbody', null, members.map((m) => {
          const sel = roleSelect(ctx, m.role, `Role of ${m.name}`);
          sel.addEventListener('change', () => change(m, {role: sel.value}, `${m.name} is now ${sel.value}.`));
          return h('tr', {dataset: {member: m.email}},
            h('td', null, m.name, ctx.me.member?.id === m.id ? h('span', {class: 'key-current'}, '(you)') : null),
            h('td', null, m.email),
            h('td', null, sel),
            h('td', null, fmtDate(m.created_at)),
            h('td', null, m.disabled ? h('span', {class: 'pill pill-revoked'}, 'disabled')
              : h('span', {class: 'pill pill-finished'}, m.has_password ? 'active' : 'login links only')),
            h('td', null, h('div', {class: 'btn-row'},
              h('button', {type: 'button', class: 'btn btn-small', onclick: () => makeLink(m)}, 'Login link'),
              h('button', {type: 'button', class: 'btn btn-small btn-quiet',
                onclick: () => change(m, {disabled: !m.disabled}, `${m.name} is ${m.disabled ? 'enabled' : 'disabled'}.`)},
              m.disabled ? 'Enable' : 'Disable'),
              h('button', {type: 'button', class: 'btn btn-small btn-danger-quiet', 'aria-label': `Remove ${m.name}`,
                onclick: () => remove(m)}, 'Remove'))));
        })))));
    } catch (e) {
      if (e.name !== 'AbortError') replace(listBox, errorAlert(e));
    }
  }

  replace(main, h('div', {class: 'page'},
    whoBar(ctx, navigate), crumbs,
    h('h1', {tabindex: '-1'}, 'Members'),
    h('p', {class: 'lead'}, 'The people of the team and what each may do: read-only reads reports, a reviewer also reads candidates’ code and reviews it, a recruiter also runs assessments and invites, an admin also manages members.'),
    h('section', {class: 'card', 'aria-labelledby': 'newm-h'}, h('h2', {id: 'newm-h'}, 'Add a member'), form, newBox),
    h('section', {class: 'card', 'aria-labelledby': 'members-h'}, h('h2', {id: 'members-h'}, 'Members'), listBox)));
  await load();
}
