// localStorage / sessionStorage with JSON, never throwing (private modes, quotas).

function get(store, key, fallback) {
  try {
    const v = store.getItem(key);
    return v === null ? fallback : JSON.parse(v);
  } catch {
    return fallback;
  }
}

function set(store, key, value) {
  try {
    if (value === undefined || value === null) store.removeItem(key);
    else store.setItem(key, JSON.stringify(value));
    return true;
  } catch {
    return false;
  }
}

export const local = {
  get: (k, f = null) => get(window.localStorage, `judged:${k}`, f),
  set: (k, v) => set(window.localStorage, `judged:${k}`, v),
};

export const session = {
  get: (k, f = null) => get(window.sessionStorage, `judged:${k}`, f),
  set: (k, v) => set(window.sessionStorage, `judged:${k}`, v),
};

/** A short, stable, non-secret tag of a token (FNV-1a), to key a candidate's drafts. */
export function tag(text) {
  let x = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    x ^= text.charCodeAt(i);
    x = Math.imul(x, 0x01000193) >>> 0;
  }
  return x.toString(16).padStart(8, '0');
}

/* Practice progress: {slug: {state: 'solved' | 'attempted', best: score, verdict, at}} */
export function practiceProgress() {
  return local.get('practice', {});
}

export function recordPractice(slug, result) {
  const all = practiceProgress();
  const prev = all[slug] || {};
  const solved = prev.state === 'solved' || result.verdict === 'AC';
  all[slug] = {
    state: solved ? 'solved' : 'attempted',
    best: Math.max(prev.best ?? 0, result.score ?? 0),
    verdict: result.verdict,
    at: Date.now(),
  };
  local.set('practice', all);
}

/* A scope's submission history for one problem, newest first. */
export function history(scope, slug) {
  return local.get(`history:${scope}:${slug}`, []);
}

export function recordHistory(scope, slug, entry) {
  const list = history(scope, slug).filter((e) => e.id !== entry.id);
  list.unshift(entry);
  local.set(`history:${scope}:${slug}`, list.slice(0, 50));
}

/**
 * This browser's practice token: made once, random, sent as X-Practice-Token with practice
 * submissions so that the server keeps this browser's history (there is no account).
 */
export function practiceToken() {
  let t = local.get('practice-token', null);
  if (typeof t !== 'string' || !/^[A-Za-z0-9_-]{16,128}$/.test(t)) {
    const bytes = new Uint8Array(24);
    crypto.getRandomValues(bytes);
    t = btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
    local.set('practice-token', t);
  }
  return t;
}

export const practiceHeaders = () => ({'X-Practice-Token': practiceToken()});
