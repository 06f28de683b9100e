/**
 * The host element's own look. Also set as its inline style when a page takes away its shadow
 * root: an inline `!important` declaration beats every `!important` rule in the page's sheets.
 */
export const HOST_STYLE = `all: initial !important; display: block !important; position: fixed !important; top: 0 !important;
  left: 0 !important; right: 0 !important; bottom: auto !important; z-index: 2147483647 !important;
  visibility: visible !important; opacity: 1 !important; transform: none !important; clip-path: none !important;
  filter: none !important; pointer-events: none !important; contain: layout style !important;`;

/**
 * The banner's styles, inside its shadow root. `:host` rules are !important so page styles cannot
 * hide or move the element (inside a shadow tree, important declarations win over the page's).
 * Contrast ≥ WCAG AA in light and dark; no motion; wraps at 200 % zoom.
 */
export const BANNER_CSS = `
:host { ${HOST_STYLE} }
* { box-sizing: border-box; }
[hidden] { display: none !important; }
.bar { pointer-events: auto; font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1a1a1a;
  background: #fff8e1; border-bottom: 3px solid #8a6d00; box-shadow: 0 2px 6px rgb(0 0 0 / 20%); }
.bar.collapsed { background: transparent; border: 0; box-shadow: none; display: flex; justify-content: flex-end;
  pointer-events: none; }
.bar.collapsed .small { pointer-events: auto; }
.main { display: flex; flex-wrap: wrap; gap: 8px 20px; align-items: center; padding: 10px 16px 4px; }
.text { flex: 1 1 28em; min-width: 0; }
h2 { font-size: 16px; line-height: 1.3; margin: 0; font-weight: 700; }
.title { display: flex; align-items: center; gap: 10px; }
.logo { flex: none; display: block; height: 24px; width: auto; max-width: 96px; object-fit: contain; }
h3 { font-size: 14px; margin: 10px 0 4px; }
p { margin: 2px 0 0; }
.org-message { font-style: italic; }
.instructions, .hint { font-size: 13px; }
.hint { padding: 0 16px 8px; color: #4a4a4a; }
.actions { display: flex; flex-wrap: wrap; gap: 8px; align-items: center; }
a, button { font: inherit; font-size: 14px; border-radius: 6px; cursor: pointer; }
.primary { display: inline-block; background: #1d4ed8; color: #fff; padding: 7px 14px; text-decoration: none; font-weight: 600; border: 2px solid #1d4ed8; }
.secondary { background: #fff; color: #1a1a1a; padding: 5px 12px; border: 2px solid #6b5500; }
.icon { background: transparent; color: #1a1a1a; border: 2px solid transparent; padding: 3px 9px; font-size: 16px; }
a:focus-visible, button:focus-visible { outline: 3px solid #1a1a1a; outline-offset: 2px; }
.details { max-height: 60vh; overflow: auto; padding: 0 16px 8px; border-top: 1px solid #d9c78a; }
.details-title { margin-top: 8px; font-size: 15px; }
ul { margin: 0; padding-left: 20px; }
li { margin: 3px 0; }
.tag { display: inline-block; margin-left: 6px; padding: 0 6px; border: 1px solid currentColor; border-radius: 4px; font-size: 12px; }
.contacts { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: 4px 16px; }
.contacts a { color: #1e3a8a; }
.small { display: flex; gap: 10px; align-items: center; margin: 6px 12px; padding: 6px 6px 6px 12px; background: #fff8e1;
  border: 2px solid #8a6d00; border-radius: 8px; box-shadow: 0 2px 6px rgb(0 0 0 / 20%); font-size: 14px; }
@media (prefers-color-scheme: dark) {
  .bar, .small { background: #2b2410; color: #f5f0e0; border-color: #d4b24c; }
  .hint { color: #d8d0b8; }
  .secondary { background: #1a1a1a; color: #f5f0e0; border-color: #d4b24c; }
  .icon { color: #f5f0e0; }
  .contacts a { color: #a8c4ff; }
  a:focus-visible, button:focus-visible { outline-color: #f5f0e0; }
}
@media (prefers-reduced-motion: reduce) { * { transition: none !important; animation: none !important; } }
`;
