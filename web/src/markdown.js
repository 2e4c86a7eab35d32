// Statements and rules: Markdown rendered by marked, then sanitised by DOMPurify into a
// fragment. A statement's <script>, on* attributes and javascript: links never survive.
import {Marked} from 'marked';
import DOMPurify from 'dompurify';
import {highlightCode, classHighlighter} from '@lezer/highlight';
import {parser as cppParser} from '@lezer/cpp';

const marked = new Marked({gfm: true, breaks: false, async: false});

DOMPurify.addHook('afterSanitizeAttributes', (node) => {
  if (node.tagName === 'A') {
    const href = node.getAttribute('href') || '';
    if (/^https?:\/\//i.test(href)) {
      node.setAttribute('target', '_blank');
      node.setAttribute('rel', 'noopener noreferrer');
    }
  }
});

const CONFIG = {
  USE_PROFILES: {html: true},
  FORBID_TAGS: ['style', 'form', 'input', 'button', 'textarea', 'select', 'option', 'iframe',
    'frame', 'object', 'embed', 'link', 'meta', 'base', 'dialog', 'template'],
  FORBID_ATTR: ['style', 'id', 'name', 'tabindex', 'autofocus'],
  SANITIZE_NAMED_PROPS: true,
  RETURN_DOM_FRAGMENT: true,
};

function highlightC(code) {
  const text = code.textContent;
  const tree = cppParser.parse(text);
  const out = document.createDocumentFragment();
  highlightCode(text, tree, classHighlighter,
    (piece, classes) => {
      out.append(classes ? Object.assign(document.createElement('span'), {className: classes, textContent: piece})
        : document.createTextNode(piece));
    },
    () => out.append('\n'));
  code.replaceChildren(out);
}

/*
 * Math: $...$ inline and $$...$$ display, outside code. Each formula is taken out before marked
 * (whose emphasis rules would eat its underscores and stars) and left as a private-use marker;
 * after sanitising, each marker becomes a span holding the TeX as text, which math.js (KaTeX, a
 * chunk loaded only when there is math) typesets in place. `\$` is a dollar sign.
 */
const MATH_RE = /(```[\s\S]*?```|~~~[\s\S]*?~~~|`+[^`]*?`+)|\$\$([\s\S]+?)\$\$|(?<![\\$])\$(?![\s$])((?:\\.|[^$\n\\])+?)(?<!\s)\$(?!\d)/g;
const MARK = '\uE000', MARK_END = '\uE001';

function takeMath(text, found) {
  return text.replace(MATH_RE, (all, code, display, inline) => {
    if (code) return all;
    found.push({tex: (display ?? inline).trim(), display: display !== undefined});
    return `${MARK}${found.length - 1}${MARK_END}`;
  });
}

function putMath(root, found) {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const nodes = [];
  for (let n; (n = walker.nextNode());) if (n.data.includes(MARK)) nodes.push(n);
  const spans = [];
  const re = new RegExp(`${MARK}(\\d+)${MARK_END}`, 'g');
  for (const n of nodes) {
    const out = document.createDocumentFragment();
    let last = 0;
    for (const m of n.data.matchAll(re)) {
      out.append(n.data.slice(last, m.index));
      const f = found[Number(m[1])];
      const span = document.createElement('span');
      span.className = f.display ? 'math math-display' : 'math';
      span.textContent = f.tex;
      out.append(span);
      spans.push(span);
      last = m.index + m[0].length;
    }
    out.append(n.data.slice(last));
    n.replaceWith(out);
  }
  return spans;
}

/** Markdown text → a sanitised DocumentFragment. */
export function renderMarkdown(text) {
  const found = [];
  const html = marked.parse(takeMath(String(text ?? '').replaceAll(MARK, ''), found));
  const frag = DOMPurify.sanitize(html, CONFIG);
  const maths = found.length ? putMath(frag, found) : [];
  if (maths.length) import('./math.js').then((m) => m.typeset(maths)).catch(() => { /* the TeX stays readable */ });
  for (const code of frag.querySelectorAll('pre > code.language-c, pre > code.language-cpp, pre > code.language-h')) {
    try { highlightC(code); } catch { /* leave it plain */ }
  }
  for (const table of frag.querySelectorAll('table')) {
    const wrap = document.createElement('div');
    wrap.className = 'table-scroll';
    table.replaceWith(wrap);
    wrap.append(table);
  }
  return frag;
}
