// A small element builder. Nothing here sets a style attribute or inline script: the
// Content-Security-Policy allows neither, so styling is by class (and CSSOM where dynamic).

/**
 * h('button', {class: 'btn', onclick: fn, 'aria-label': 'x'}, 'text', child, [more])
 * Props: class, text, html is NOT supported (use markdown.js for sanitised HTML), on* handlers,
 * dataset (object), hidden/disabled/checked/value/... as properties when the element has them.
 */
export function h(tag, props, ...children) {
  const el = document.createElement(tag);
  if (props) {
    for (const [k, v] of Object.entries(props)) {
      if (v === undefined || v === null || v === false) continue;
      if (k === 'class') el.className = Array.isArray(v) ? v.filter(Boolean).join(' ') : v;
      else if (k === 'text') el.textContent = v;
      else if (k === 'dataset') Object.assign(el.dataset, v);
      else if (k.startsWith('on') && typeof v === 'function') el.addEventListener(k.slice(2), v);
      else if (k === 'style') throw new Error('no inline styles (CSP)');
      else if (k in el && typeof el[k] !== 'function' && !k.includes('-') && k !== 'list' &&
        k !== 'form' && !(typeof el[k] === 'boolean' && typeof v === 'string'))
        el[k] = v;
      else el.setAttribute(k, v === true ? '' : String(v));
    }
  }
  append(el, children);
  return el;
}

export function append(el, children) {
  for (const c of children.flat(Infinity)) {
    if (c === null || c === undefined || c === false) continue;
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return el;
}

export function clear(el) {
  while (el.firstChild) el.firstChild.remove();
  return el;
}

export function replace(el, ...children) {
  clear(el);
  return append(el, children);
}

let uid = 0;
export function id(prefix = 'id') {
  uid += 1;
  return `${prefix}-${uid}`;
}

/**
 * A labelled form field: returns {field, input, error}. `error` is the field's own message line,
 * empty until setFieldError() fills it.
 */
export function field(label, input, hint) {
  if (!input.id) input.id = id('f');
  let hintEl = null;
  if (hint) {
    hintEl = h('p', {class: 'hint', id: id('hint')}, hint);
    input.setAttribute('aria-describedby', hintEl.id);
  }
  const error = fieldErrorFor(input);
  const wrap = h('div', {class: 'field'}, h('label', {for: input.id}, label), input, error, hintEl);
  return {field: wrap, input, error};
}

const errorLines = new WeakMap();

/** The message line of `control` (an input, a list, or an array of checkboxes), made once. */
export function fieldErrorFor(control) {
  if (!errorLines.has(control)) errorLines.set(control, h('p', {class: 'field-error', id: id('err'), hidden: true}));
  return errorLines.get(control);
}

/*
 * Shows `message` under `control` (or clears it with ''): the control is marked aria-invalid and
 * described by the message, so a screen reader reads it with the field.
 */
export function setFieldError(control, message) {
  const err = fieldErrorFor(control);
  err.hidden = !message;
  err.textContent = message || '';
  // A group (a list of checkboxes, given as an array or its list): each box is described by the
  // message; aria-invalid belongs to form controls only.
  if (Array.isArray(control)) {
    for (const c of control) describeError(c, err, message, true);
    return;
  }
  describeError(control, err, message, /^(INPUT|SELECT|TEXTAREA)$/.test(control.tagName));
}

function describeError(control, err, message, invalid) {
  const ids = (control.getAttribute('aria-describedby') || '').split(/\s+/).filter((x) => x && x !== err.id);
  if (message) ids.unshift(err.id);
  if (message && invalid) control.setAttribute('aria-invalid', 'true');
  else control.removeAttribute('aria-invalid');
  if (ids.length) control.setAttribute('aria-describedby', ids.join(' '));
  else control.removeAttribute('aria-describedby');
}

export function sleep(ms, signal) {
  return new Promise((resolve, reject) => {
    const t = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(t);
      reject(signal.reason ?? new DOMException('aborted', 'AbortError'));
    }, {once: true});
  });
}

export function fmtMs(ms) {
  if (ms === null || ms === undefined) return '–';
  return ms < 1000 ? `${ms} ms` : `${(ms / 1000).toFixed(2)} s`;
}

export function fmtKb(kb) {
  if (kb === null || kb === undefined) return '–';
  return kb < 1024 ? `${kb} KiB` : `${(kb / 1024).toFixed(1)} MiB`;
}

export function fmtScore(x) {
  if (x === null || x === undefined || Number.isNaN(Number(x))) return '–';
  const n = Number(x);
  return Number.isInteger(n) ? String(n) : n.toFixed(2).replace(/0+$/, '').replace(/\.$/, '');
}

export function fmtDate(ms) {
  if (!ms) return '–';
  return new Date(ms).toLocaleString(undefined, {
    year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit',
  });
}

export function fmtDuration(seconds) {
  if (seconds === null || seconds === undefined) return '–';
  const s = Math.max(0, Math.round(seconds));
  const hh = Math.floor(s / 3600), mm = Math.floor((s % 3600) / 60), ss = s % 60;
  return hh ? `${hh} h ${String(mm).padStart(2, '0')} min` : mm ? `${mm} min ${String(ss).padStart(2, '0')} s` : `${ss} s`;
}

export function plural(n, one, many = `${one}s`) {
  return `${n} ${n === 1 ? one : many}`;
}

/** Copies text; returns true when it worked. */
export async function copyText(text) {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const ta = h('textarea', {class: 'visually-hidden', 'aria-hidden': 'true', tabindex: '-1'});
    ta.value = text;
    document.body.append(ta);
    ta.select();
    let ok = false;
    try { ok = document.execCommand('copy'); } catch { ok = false; }
    ta.remove();
    return ok;
  }
}

/** A button that copies `get()` and says so for a moment. */
export function copyButton(label, get, extraClass = '') {
  const btn = h('button', {type: 'button', class: `btn btn-small ${extraClass}`}, label);
  btn.addEventListener('click', async () => {
    const ok = await copyText(get());
    const old = btn.textContent;
    btn.textContent = ok ? 'Copied' : 'Copy failed';
    announce(ok ? 'Copied to the clipboard' : 'Could not copy');
    setTimeout(() => { btn.textContent = old; }, 1500);
  });
  return btn;
}

/** Polite announcement for screen readers, through one shared live region. */
export function announce(text) {
  let region = document.getElementById('announcer');
  if (!region) {
    region = h('div', {id: 'announcer', class: 'visually-hidden', 'aria-live': 'polite', role: 'status'});
    document.body.append(region);
  }
  region.textContent = '';
  setTimeout(() => { region.textContent = text; }, 50);
}

/** A modal confirmation on <dialog>; resolves true when confirmed. */
export function confirmDialog({title, body, confirm = 'OK', cancel = 'Cancel', danger = false}) {
  return new Promise((resolve) => {
    const titleId = id('dlg');
    const dlg = h('dialog', {class: 'dialog', 'aria-labelledby': titleId},
      h('h2', {id: titleId}, title),
      ...(Array.isArray(body) ? body : [body]).map((b) => (typeof b === 'string' ? h('p', null, b) : b)),
      h('div', {class: 'dialog-actions'},
        h('button', {type: 'button', class: 'btn', onclick: () => dlg.close('cancel')}, cancel),
        h('button', {type: 'button', class: danger ? 'btn btn-danger' : 'btn btn-primary',
          onclick: () => dlg.close('ok')}, confirm)));
    dlg.addEventListener('close', () => {
      const ok = dlg.returnValue === 'ok';
      dlg.remove();
      resolve(ok);
    });
    document.body.append(dlg);
    dlg.showModal();
    dlg.querySelector('.dialog-actions .btn')?.focus();
  });
}

export function isMac() {
  return /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);
}

export function modKey() {
  return isMac() ? '⌘' : 'Ctrl';
}

export function kbd(...keys) {
  const out = [];
  keys.forEach((k, i) => {
    if (i) out.push('+');
    out.push(h('kbd', null, k));
  });
  return h('span', {class: 'kbd'}, out);
}
