// The judged API: JSON over fetch, RFC 9457 problem details as ApiError, bearer tokens, and
// following a submission live (Server-Sent Events read with fetch, which can send the
// Authorization header that EventSource cannot; polling when the stream fails).
import {sleep} from './dom.js';

export class ApiError extends Error {
  constructor(status, body, fallback) {
    const detail = body?.detail || body?.title || fallback || `HTTP ${status}`;
    super(detail);
    this.status = status;
    this.title = body?.title || '';
    this.detail = detail;
    this.errors = Array.isArray(body?.errors) ? body.errors : [];
    this.retryAfter = null;
  }

  /** Every message of the error, the field errors included, for showing to a person. */
  messages() {
    const out = [this.detail];
    for (const e of this.errors) {
      const where = e.pointer && e.pointer !== '/body' ? `${e.pointer.replace(/^\//, '')}: ` : '';
      if (e.detail) out.push(`${where}${e.detail}`);
    }
    return out;
  }
}

/*
 * A member signed in by the session cookie (no token): the session's CSRF token, sent in
 * X-CSRF-Token on every request that changes something (the judge refuses those without it).
 */
let csrfToken = null;
export function setCsrf(t) { csrfToken = t || null; }

export function headers(token, extra = {}) {
  const hdr = {...extra};
  if (token) hdr.Authorization = `Bearer ${token}`;
  return hdr;
}

async function errorOf(res) {
  let body = null;
  try {
    const text = await res.text();
    body = text ? JSON.parse(text) : null;
  } catch {
    body = null;
  }
  const fallback = res.status === 429 ? 'Too many requests; wait a moment and try again'
    : res.status >= 500 ? 'The server had a problem; try again' : `HTTP ${res.status}`;
  const err = new ApiError(res.status, body, fallback);
  err.retryAfter = res.headers.get('Retry-After');
  return err;
}

/**
 * api('/api/v1/problems') → parsed JSON. Options: method, body (JSON-encoded), token, signal,
 * raw (return the Response as is, after the status check), extraHeaders.
 */
export async function api(path, {method = 'GET', body, token, signal, raw = false, extraHeaders = {}} = {}) {
  const init = {method, headers: headers(token, {Accept: 'application/json', ...extraHeaders}), signal, cache: 'no-store'};
  if (!token && csrfToken && method !== 'GET' && method !== 'HEAD') init.headers['X-CSRF-Token'] = csrfToken;
  if (body !== undefined) {
    init.body = JSON.stringify(body);
    init.headers['Content-Type'] = 'application/json';
  }
  let res;
  try {
    res = await fetch(path, init);
  } catch (e) {
    if (e?.name === 'AbortError') throw e;
    throw new ApiError(0, null, 'Cannot reach the judge: check your connection');
  }
  if (!res.ok) throw await errorOf(res);
  if (raw) return res;
  if (res.status === 204) return null;
  const text = await res.text();
  return text ? JSON.parse(text) : null;
}

/** Splits an SSE byte stream (as text chunks) into {event, data} messages. */
export async function* sseMessages(reader) {
  let buf = '';
  for (;;) {
    const {value, done} = await reader.read();
    if (done) return;
    buf += value;
    for (;;) {
      const m = /\r?\n\r?\n/.exec(buf);
      if (!m) break;
      const block = buf.slice(0, m.index);
      buf = buf.slice(m.index + m[0].length);
      let event = 'message';
      const data = [];
      for (const line of block.split(/\r?\n/)) {
        if (!line || line.startsWith(':')) continue;
        const i = line.indexOf(':');
        const field = i < 0 ? line : line.slice(0, i);
        const val = i < 0 ? '' : line.slice(i + 1).replace(/^ /, '');
        if (field === 'event') event = val;
        else if (field === 'data') data.push(val);
      }
      if (data.length) yield {event, data: data.join('\n')};
    }
  }
}

/**
 * Follows submission `id` until it is done; calls onUpdate(result) with the result as known so
 * far (status, compile_output, tests) after every change. Resolves with the final result.
 */
export async function followSubmission(id, {token, signal, onUpdate = () => {}, pollMs = 700} = {}) {
  const live = {id, status: 'queued', verdict: null, compile_output: '', tests: []};
  const url = `/api/v1/submissions/${encodeURIComponent(id)}`;
  try {
    const res = await fetch(`${url}/events`, {
      headers: headers(token, {Accept: 'text/event-stream'}), signal, cache: 'no-store',
    });
    if (!res.ok || !res.body) throw new Error(`events: HTTP ${res.status}`);
    const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
    try {
      for await (const msg of sseMessages(reader)) {
        let data;
        try { data = JSON.parse(msg.data); } catch { continue; }
        if (msg.event === 'status') {
          live.status = data.status || live.status;
          if (typeof data.compile_output === 'string') live.compile_output = data.compile_output;
        } else if (msg.event === 'test') {
          const at = live.tests.findIndex((t) => t.index === data.index);
          if (at >= 0) live.tests[at] = data; else live.tests.push(data);
          live.status = 'running';
        } else if (msg.event === 'done') {
          onUpdate(data);
          return data;
        } else if (msg.event === 'error') {
          throw new Error(data.detail || 'the event stream failed');
        }
        onUpdate({...live, tests: [...live.tests]});
      }
    } finally {
      reader.cancel().catch(() => {});
    }
  } catch (e) {
    if (signal?.aborted) throw e;
    // Fall through to polling: the stream broke (proxy, network) before the end.
  }
  for (;;) {
    const r = await api(url, {token, signal});
    onUpdate(r);
    if (r.status === 'done') return r;
    await sleep(pollMs, signal);
  }
}
