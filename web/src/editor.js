// CodeMirror 6 for the judge's languages (each grammar loaded on demand), mounted inside a shadow root. Why: CodeMirror's style-mod puts its styles
// in a <style> element when the editor lives in the document itself, and the judge's
// Content-Security-Policy (style-src 'self') refuses inline <style>. Inside a shadow root,
// style-mod uses a constructed stylesheet (adoptedStyleSheets) instead, which CSP does not
// govern, so the policy stays strict and no nonce is needed.
import {EditorState, Compartment, Prec} from '@codemirror/state';
import {
  EditorView, keymap, lineNumbers, highlightActiveLineGutter, highlightSpecialChars, drawSelection,
  dropCursor, rectangularSelection, crosshairCursor, highlightActiveLine,
} from '@codemirror/view';
import {defaultKeymap, history, historyKeymap, indentWithTab} from '@codemirror/commands';
import {
  indentOnInput, bracketMatching, syntaxHighlighting, HighlightStyle, indentUnit, foldGutter,
  foldKeymap, defaultHighlightStyle,
} from '@codemirror/language';
import {
  closeBrackets, closeBracketsKeymap, autocompletion, completionKeymap, completeAnyWord, completeFromList,
} from '@codemirror/autocomplete';
import {WORDS, KEYWORDS} from './completions.js';
import {searchKeymap, highlightSelectionMatches} from '@codemirror/search';
import {tags as t} from '@lezer/highlight';

/* Each language's CodeMirror support, imported when first used (a chunk of its own). */
const grammars = {
  c: () => import('@codemirror/lang-cpp').then((m) => m.cpp()),
  cpp: () => import('@codemirror/lang-cpp').then((m) => m.cpp()),
  python: () => import('@codemirror/lang-python').then((m) => m.python()),
  java: () => import('@codemirror/lang-java').then((m) => m.java()),
  javascript: () => import('@codemirror/lang-javascript').then((m) => m.javascript()),
  go: () => import('@codemirror/lang-go').then((m) => m.go()),
  rust: () => import('@codemirror/lang-rust').then((m) => m.rust()),
};

/*
 * One completion source per language, made once: the completion plugin tells sources apart by
 * identity, so a provider that made a new source at each lookup would have its answers thrown
 * away as stale, and the popup would never open.
 */
const wordSources = new Map();
function wordSource(id) {
  if (!wordSources.has(id)) {
    const kw = KEYWORDS[id] ? new Set(KEYWORDS[id]) : null;
    wordSources.set(id, completeFromList([...new Set(WORDS[id] || [])].map((label) =>
      ({label, type: !kw || kw.has(label) ? 'keyword' : 'function'}))));
  }
  return wordSources.get(id);
}

/** Whether the editor highlights language `id`. */
export const highlights = (id) => Object.hasOwn(grammars, id);

const highlight = HighlightStyle.define([
  {tag: [t.keyword, t.controlKeyword, t.definitionKeyword, t.modifier, t.operatorKeyword], color: 'var(--hl-keyword)'},
  {tag: [t.typeName, t.standard(t.typeName)], color: 'var(--hl-type)'},
  {tag: [t.processingInstruction, t.meta], color: 'var(--hl-meta)'},
  {tag: [t.string, t.special(t.string), t.character], color: 'var(--hl-string)'},
  {tag: [t.number, t.bool, t.null, t.atom], color: 'var(--hl-number)'},
  {tag: [t.comment, t.lineComment, t.blockComment], color: 'var(--hl-comment)', fontStyle: 'italic'},
  {tag: [t.function(t.variableName), t.function(t.definition(t.variableName))], color: 'var(--hl-function)'},
  {tag: t.macroName, color: 'var(--hl-meta)'},
  {tag: t.invalid, color: 'var(--hl-invalid)'},
]);

/* Colours are the page's custom properties (style.css), which reach into the shadow root: the
   editor follows the light and dark themes without being reconfigured. */
const theme = EditorView.theme({
  '&': {height: '100%', fontSize: 'var(--ed-font-size, 14px)', backgroundColor: 'var(--ed-bg)', color: 'var(--ed-text)'},
  '&.cm-focused': {outline: 'none'},
  '.cm-scroller': {
    fontFamily: 'ui-monospace, "DejaVu Sans Mono", "Cascadia Mono", Menlo, Consolas, monospace',
    lineHeight: '1.55',
  },
  '.cm-content': {padding: '8px 0', caretColor: 'var(--ed-caret)'},
  '.cm-cursor, .cm-dropCursor': {borderLeftColor: 'var(--ed-caret)', borderLeftWidth: '2px'},
  '.cm-gutters': {backgroundColor: 'var(--ed-gutter-bg)', color: 'var(--ed-gutter)', borderRight: '1px solid var(--ed-border)'},
  '.cm-activeLineGutter': {backgroundColor: 'var(--ed-active-gutter)', color: 'var(--ed-text)'},
  '.cm-activeLine': {backgroundColor: 'var(--ed-active-line)'},
  '&.cm-focused .cm-selectionBackground, .cm-selectionBackground, ::selection': {backgroundColor: 'var(--ed-selection) !important'},
  '.cm-matchingBracket': {backgroundColor: 'var(--ed-bracket)', outline: '1px solid var(--ed-bracket-line)'},
  '.cm-searchMatch': {backgroundColor: 'var(--ed-match)'},
  '.cm-panels': {backgroundColor: 'var(--ed-gutter-bg)', color: 'var(--ed-text)'},
  '.cm-panels input, .cm-panels button': {fontSize: '13px'},
  '.cm-panel button:focus-visible, .cm-panel input:focus-visible': {outline: '2px solid var(--ed-caret)', outlineOffset: '1px'},
  '.cm-foldGutter span': {color: 'var(--ed-gutter)'},
  '&.cm-readonly .cm-content': {caretColor: 'transparent'},
  '.cm-line.cm-flash': {backgroundColor: 'var(--ed-match)'},
});

/**
 * createEditor(host, {doc, label, readOnly, onChange, onRun, onSubmit, minimal})
 * Returns {view, text(), setText(s), setReadOnly(b), gotoLine(line, col), focus(), destroy()}.
 */
export function createEditor(host, opts = {}) {
  const {doc = '', label = 'Code editor', readOnly = false, onChange, onRun, onSubmit, onPaste, minimal = false} = opts;
  host.classList.add('editor-host');
  const shadow = host.shadowRoot || host.attachShadow({mode: 'open'});
  const mount = document.createElement('div');
  mount.className = 'mount';
  shadow.replaceChildren(mount);
  // The mount fills the host; a constructed sheet, allowed by the CSP like style-mod's own.
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(':host{display:block} .mount{height:100%}');
    shadow.adoptedStyleSheets = [...shadow.adoptedStyleSheets, sheet];
  } catch { /* older browsers: the editor still works, sized by its content */ }

  const ro = new Compartment();
  const langComp = new Compartment();
  const wordsComp = new Compartment();
  const keymapComp = new Compartment();
  // Keywords and library names of the language, and the buffer's own words, as completions.
  const wordsFor = (id) => {
    const data = [{autocomplete: wordSource(id)}, {autocomplete: completeAnyWord}];
    return EditorState.languageData.of(() => data);
  };
  let langWanted = opts.language || 'c';
  let destroyed = false;
  const roExt = (on) => [EditorState.readOnly.of(on), EditorView.contentAttributes.of({'aria-readonly': String(on)}),
    EditorView.editorAttributes.of({class: on ? 'cm-readonly' : ''})];

  const actions = [];
  if (onSubmit) actions.push({key: 'Mod-Shift-Enter', run: () => { onSubmit(); return true; }, preventDefault: true});
  if (onRun) actions.push({key: 'Mod-Enter', run: () => { onRun(); return true; }, preventDefault: true});

  const extensions = [
    lineNumbers(),
    highlightActiveLineGutter(),
    highlightSpecialChars(),
    history(),
    minimal ? EditorView.lineWrapping : foldGutter(),
    drawSelection(),
    dropCursor(),
    EditorState.allowMultipleSelections.of(true),
    indentOnInput(),
    indentUnit.of('    '),
    EditorState.tabSize.of(4),
    syntaxHighlighting(highlight),
    syntaxHighlighting(defaultHighlightStyle, {fallback: true}),
    bracketMatching(),
    closeBrackets(),
    rectangularSelection(),
    crosshairCursor(),
    highlightActiveLine(),
    highlightSelectionMatches(),
    Prec.highest(keymap.of(actions)),
    keymap.of([...closeBracketsKeymap, ...completionKeymap, ...defaultKeymap, ...searchKeymap, ...historyKeymap, ...foldKeymap, indentWithTab]),
    langComp.of([]),
    minimal ? [] : [wordsComp.of(wordsFor(opts.language || 'c')), autocompletion()],
    Prec.highest(keymapComp.of([])),
    theme,
    // tabindex: a read-only viewer (not contenteditable) is reached by Tab as well, and its
    // scroller then has focusable content (axe's scrollable-region-focusable).
    EditorView.contentAttributes.of({'aria-label': label, tabindex: '0'}),
    ro.of(roExt(readOnly)),
    EditorView.updateListener.of((u) => { if (u.docChanged && onChange) onChange(u.state.doc.toString()); }),
    // Inside the editor: a paste event made in its shadow tree need not reach the host.
    EditorView.domEventHandlers({paste: (ev) => { onPaste?.(ev.clipboardData?.getData('text/plain') || ''); return false; }}),
  ];

  const view = new EditorView({
    state: EditorState.create({doc, extensions}),
    parent: mount,
    root: shadow,
  });

  /* Loads and sets language `id`'s highlighting; a language without one is plain text. */
  async function setLanguage(id) {
    langWanted = id;
    let support = [];
    try {
      if (grammars[id]) support = await grammars[id]();
    } catch { /* the chunk failed to load: plain text still edits */ }
    if (langWanted !== id || destroyed) return;
    view.dispatch({effects: minimal ? langComp.reconfigure(support) : [langComp.reconfigure(support), wordsComp.reconfigure(wordsFor(id))]});
    view.dom.dataset.language = id;
  }
  const ready = setLanguage(langWanted);

  /* Key bindings: 'default', 'vim' or 'emacs' (each loaded on demand). */
  let keymapWanted = 'default';
  async function setKeymap(name) {
    keymapWanted = name;
    let ext = [];
    try {
      if (name === 'vim') ext = (await import('@replit/codemirror-vim')).vim();
      else if (name === 'emacs') ext = (await import('@replit/codemirror-emacs')).emacs();
    } catch { /* the chunk failed to load: the default keys stay */ }
    if (keymapWanted !== name || destroyed) return;
    view.dispatch({effects: keymapComp.reconfigure(ext)});
    view.dom.dataset.keymap = name;
  }

  return {
    view,
    ready,
    setLanguage,
    setKeymap,
    text: () => view.state.doc.toString(),
    setText(s) {
      view.dispatch({changes: {from: 0, to: view.state.doc.length, insert: s}});
    },
    setReadOnly(on) {
      view.dispatch({effects: ro.reconfigure(roExt(on))});
    },
    /** Moves the cursor to line:col (1-based), scrolls it into view and focuses the editor. */
    gotoLine(line, col = 1) {
      const doc = view.state.doc;
      const ln = doc.line(Math.min(Math.max(1, line), doc.lines));
      const pos = Math.min(ln.from + Math.max(0, col - 1), ln.to);
      view.dispatch({selection: {anchor: pos}, effects: EditorView.scrollIntoView(pos, {y: 'center'})});
      view.focus();
    },
    cursorLine: () => view.state.doc.lineAt(view.state.selection.main.head).number,
    focus: () => view.focus(),
    destroy: () => { destroyed = true; view.destroy(); },
  };
}
