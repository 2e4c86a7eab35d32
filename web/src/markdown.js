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

/** Markdown text → a sanitised DocumentFragment. */
export function renderMarkdown(text) {
  const html = marked.parse(String(text ?? ''));
  const frag = DOMPurify.sanitize(html, CONFIG);
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
