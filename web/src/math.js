// Math in statements: KaTeX, bundled (no CDN) and loaded only by a page whose statement has
// math. Its stylesheet and fonts are copied by build.mjs into dist/katex/ and linked here (the
// CSP's style-src 'self' allows a <link>; KaTeX sets its sizes through the CSSOM, which the CSP
// allows too, never through style attributes).
import katex from 'katex';

let linked = false;
function linkStylesheet() {
  if (linked || document.querySelector('link[data-katex]')) return;
  linked = true;
  const link = Object.assign(document.createElement('link'), {rel: 'stylesheet', href: '/katex/katex.min.css'});
  link.dataset.katex = '';
  document.head.append(link);
}

/**
 * Typesets each element's TeX (its text, shown as is until now) in place. A formula KaTeX cannot
 * read stays as its source, marked so, instead of breaking the statement.
 */
export function typeset(elements) {
  linkStylesheet();
  for (const el of elements) {
    const tex = el.textContent;
    const display = el.classList.contains('math-display');
    try {
      katex.render(tex, el, {displayMode: display, throwOnError: true, output: 'htmlAndMathml',
        maxSize: 20, maxExpand: 200, trust: false, strict: 'ignore'});
      el.classList.add('math-done');
    } catch {
      el.textContent = display ? `$$${tex}$$` : `$${tex}$`;
      el.classList.add('math-error');
      el.title = 'This formula could not be typeset';
    }
  }
}
