/** The risk report's stylesheet: inline, screen and A4 print; meaning never by colour alone. */
export const REPORT_CSS = `
:root { color-scheme: light; font: 10.5pt/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1b1f24; }
body { max-width: 1100px; margin: 2rem auto; padding: 0 1.5rem; }
h1 { font-size: 1.6rem; margin: 0 0 .5rem; } h2 { font-size: 1.25rem; margin: 2rem 0 .5rem; border-bottom: 2px solid #d0d7de; padding-bottom: .2rem; }
h3 { font-size: 1.05rem; margin: 0 0 .3rem; } h4 { font-size: .95rem; margin: .6rem 0 .2rem; }
.meta { display: grid; grid-template-columns: max-content 1fr; gap: .1rem 1rem; margin: .5rem 0 1rem; }
.meta dt { font-weight: 600; } .meta dd { margin: 0; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; font-size: .9em; }
th, td { border: 1px solid #afb8c1; padding: .25rem .4rem; text-align: left; vertical-align: top; }
thead th { background: #eaeef2; font-weight: 600; } thead { display: table-header-group; }
tr { break-inside: avoid; }
code { font: .85em ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; background: #f2f4f7; padding: 0 .2em; border-radius: 3px; }
small { color: #424a53; }
.v { white-space: nowrap; } .good { background: #e6f4ea; } .bad { background: #fde7e9; } .partial { background: #fff4d6; } .unknown { background: #f2f4f7; } .na { color: #57606a; }
.d-blocked .decision { font-weight: 600; color: #8c1d18; } .d-approved .decision { font-weight: 600; color: #0b5e2a; }
.legend { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1rem; font-size: .9em; } .legend dt { font-weight: 600; } .legend dd { margin: 0; }
.residual { border: 1px solid #afb8c1; border-radius: 6px; padding: .8rem 1rem; margin: .8rem 0; break-inside: avoid; }
.residual .decision { font-weight: 400; font-size: .85em; color: #424a53; margin-left: .5rem; }
.residual ul { margin: .2rem 0; }
.signoff { border-top: 1px dashed #afb8c1; margin-top: .6rem; padding-top: .4rem; } .signoff p { margin: .35rem 0; }
.box { display: inline-block; width: .9em; height: .9em; border: 1.5px solid #1b1f24; vertical-align: -.1em; }
.line { display: inline-block; min-width: 18rem; border-bottom: 1px solid #1b1f24; } .line.short { min-width: 7rem; }
.sources { font-size: .85em; } .sources li { margin: .15rem 0; overflow-wrap: anywhere; } .url { overflow-wrap: anywhere; }
.note { font-style: italic; } footer { margin-top: 2rem; font-size: .85em; color: #424a53; }
@page { size: A4; margin: 14mm; }
@media print { body { margin: 0; max-width: none; padding: 0; font-size: 9pt; } h2 { break-after: avoid; } a { color: inherit; text-decoration: none; } }
`;
