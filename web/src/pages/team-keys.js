// The team's API keys: a team's key holders list them, create one (its token shown once) and
// revoke any, their own included (which signs this browser out).
import {h, replace, clear, field, setFieldError, fmtDate, copyButton, confirmDialog, announce, id} from '../dom.js';
import {api} from '../api.js';
import {session as sstore} from '../storage.js';
import {loading, errorAlert} from './common.js';
import {gate, whoBar, KEY, rolesUpTo} from './team-gate.js';

export async function teamKeys(main, opts) {
  const {signal, setTitle, navigate} = opts;
  loading(main);
  const ctx = await gate(main, opts);
  if (!ctx) return;
  setTitle('Team keys');
  const crumbs = h('nav', {class: 'crumbs', 'aria-label': 'Breadcrumb'}, h('a', {href: '/team'}, 'Assessments'),
    h('span', {'aria-hidden': 'true'}, ' / '), h('span', {'aria-current': 'page'}, 'Team keys'));
  if (ctx.me.role !== 'team') {
    replace(main, h('div', {class: 'page page-narrow'}, whoBar(ctx, navigate), crumbs, h('h1', {tabindex: '-1'}, 'Team keys'),
      h('p', {class: 'lead'}, 'The administrator manages every team’s keys through the API: ',
        h('code', null, 'GET/POST /api/v1/teams/ID/keys'), ' and ', h('code', null, 'DELETE /api/v1/keys/ID'), '.')));
    return;
  }
  const tid = ctx.me.team_id;
  const listBox = h('div', {'data-testid': 'keys'});
  const newBox = h('div', {class: 'invite-link-box'});
  const name = h('input', {type: 'text', maxlength: '100', autocomplete: 'off', required: true,
    placeholder: 'For example: Ada’s laptop'});
  const nameField = field('Name of the new key', name, 'Who or what uses it, so that you know which to revoke later.');
  const role = h('select', null, rolesUpTo(ctx).map((r) => h('option', {value: r}, r)));
  const roleField = field('Role', role, 'What the key may do: never more than your own role.');
  const formErr = h('div');
  const form = h('form', {class: 'invite-form', novalidate: true}, h('div', {class: 'field-row'}, nameField.field, roleField.field), formErr,
    h('button', {type: 'submit', class: 'btn btn-primary'}, 'Create a key'));

  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    setFieldError(name, '');
    clear(formErr);
    if (!name.value.trim()) {
      setFieldError(name, 'Give the key a name.');
      name.focus();
      return;
    }
    try {
      const k = await api(`/api/v1/teams/${tid}/keys`, {method: 'POST', token: ctx.token, signal, body: {name: name.value.trim(), role: role.value}});
      const out = h('input', {type: 'text', readonly: true, class: 'link-output', value: k.token, id: id('key'), 'data-testid': 'new-key'});
      replace(newBox, h('div', {class: 'alert alert-success', role: 'status'},
        h('p', null, h('strong', null, `Key “${k.name}” (${k.role}) created.`)),
        h('p', null, 'Copy it now: it is shown only once (the judge keeps only a fingerprint of it).'),
        h('div', {class: 'copy-row'}, h('label', {for: out.id, class: 'visually-hidden'}, 'The new key'), out,
          copyButton('Copy the key', () => k.token, 'btn-primary'))));
      out.focus();
      out.select();
      name.value = '';
      load();
    } catch (e) {
      if (e.name === 'AbortError') return;
      const mine = (e.errors || []).find((x) => x.pointer === '/name');
      if (mine) { setFieldError(name, mine.detail); name.focus(); } else formErr.append(errorAlert(e));
    }
  });

  async function revoke(k) {
    const ok = await confirmDialog({title: `Revoke the key “${k.name || `#${k.id}`}”?`,
      body: k.current ? 'This is the key this browser signed in with: you are signed out at once.'
        : 'Whoever uses it can no longer reach the team’s assessments. This cannot be undone.',
      confirm: 'Revoke', danger: true});
    if (!ok) return;
    try {
      await api(`/api/v1/keys/${k.id}`, {method: 'DELETE', token: ctx.token});
    } catch (e) {
      listBox.prepend(errorAlert(e));
      return;
    }
    if (k.current) {
      sstore.set(KEY, null);
      announce('The key is revoked; you are signed out.');
      navigate('/team');
      return;
    }
    announce(`The key ${k.name || k.id} is revoked.`);
    load();
  }

  async function load() {
    try {
      const {keys} = await api(`/api/v1/teams/${tid}/keys`, {token: ctx.token, signal});
      replace(listBox, h('div', {class: 'table-scroll'}, h('table', {class: 'table'},
        h('caption', {class: 'visually-hidden'}, 'The team’s keys'),
        h('thead', null, h('tr', null, ['Name', 'Role', 'Created', 'State'].map((c) => h('th', {scope: 'col'}, c)),
          h('th', {scope: 'col'}, h('span', {class: 'visually-hidden'}, 'Actions')))),
        h('tbody', null, keys.slice().reverse().map((k) => h('tr', {dataset: {key: String(k.id)}},
          h('td', null, k.name || h('span', {class: 'muted'}, `key #${k.id}`),
            k.current ? h('span', {class: 'key-current'}, '(this browser)') : null),
          h('td', {'data-testid': 'key-role'}, k.role || 'admin'),
          h('td', null, fmtDate(k.created_at)),
          h('td', null, k.revoked_at ? h('span', {class: 'pill pill-revoked'}, `revoked ${fmtDate(k.revoked_at)}`)
            : h('span', {class: 'pill pill-finished'}, 'active')),
          h('td', null, k.revoked_at ? null : h('button', {type: 'button', class: 'btn btn-small btn-danger-quiet',
            'aria-label': `Revoke ${k.name || `key ${k.id}`}`, onclick: () => revoke(k)}, 'Revoke'))))))));
    } catch (e) {
      if (e.name !== 'AbortError') replace(listBox, errorAlert(e));
    }
  }

  replace(main, h('div', {class: 'page page-narrow'},
    whoBar(ctx, navigate), crumbs,
    h('h1', {tabindex: '-1'}, 'Team keys'),
    h('p', {class: 'lead'}, 'Keys are for automation: each acts with its role (an admin key can do all the team can). Give each system its own, and revoke a key that leaked or is no longer used. People sign in as members instead.'),
    h('section', {class: 'card', 'aria-labelledby': 'newkey-h'}, h('h2', {id: 'newkey-h'}, 'New key'), form, newBox),
    h('section', {class: 'card', 'aria-labelledby': 'keys-h'}, h('h2', {id: 'keys-h'}, 'Keys'), listBox)));
  await load();
}
