import {h, replace} from '../dom.js';
import {ApiError} from '../api.js';

export function loading(main, text = 'Loading…') {
  replace(main, h('div', {class: 'page page-narrow'}, h('p', {class: 'loading', role: 'status'},
    h('span', {class: 'spinner', 'aria-hidden': 'true'}), ' ', text)));
}

export function errorPage(main, title, detail, setTitle) {
  setTitle?.(title);
  replace(main, h('div', {class: 'page page-narrow'},
    h('h1', {tabindex: '-1'}, title),
    h('p', {class: 'lead'}, detail),
    h('p', null, h('a', {href: '/'}, 'Go to the practice problems'))));
}

export function errorAlert(err) {
  const msgs = err instanceof ApiError ? err.messages() : [String(err?.message || err)];
  return h('div', {class: 'alert alert-error', role: 'alert'}, h('p', null, h('strong', null, msgs[0])),
    msgs.length > 1 ? h('ul', null, msgs.slice(1).map((m) => h('li', null, m))) : null);
}
