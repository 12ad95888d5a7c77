/** The page's only stylesheet, inlined: the report must open from a CI artifact with no network. */
export const REPORT_CSS = `
:root { --pass: #1a7f37; --pass-bg: #dafbe1; --fail: #cf222e; --fail-bg: #ffebe9; --muted: #57606a; --line: #d0d7de; --dup: #9a6700; --dup-bg: #fff8c5; --act: #0550ae; --act-bg: #ddf4ff; --alt: #6639ba; --alt-bg: #fbefff; --known: #9a6700; --known-bg: #fff8c5; --blocked: #57606a; --blocked-bg: #eaeef2; }
* { box-sizing: border-box; }
body { margin: 0; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; color: #1f2328; background: #fff; }
main { padding: 0 24px 48px; }
code, .mono { font-family: ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: 12.5px; }
h2 { margin: 32px 0 8px; padding-bottom: 4px; border-bottom: 1px solid var(--line); }
h3 { margin: 20px 0 8px; }
a { color: #0969da; }
.verdict { padding: 16px 24px; color: #fff; }
.verdict.pass { background: var(--pass); }
.verdict.fail { background: var(--fail); }
.verdict h1 { margin: 0 0 4px; font-size: 22px; }
.verdict p { margin: 0; }
.toolbar { position: sticky; top: 0; z-index: 2; display: flex; flex-wrap: wrap; gap: 6px 18px; align-items: center; padding: 8px 24px; background: #f6f8fa; border-bottom: 1px solid var(--line); }
.toolbar label { font-weight: 600; cursor: pointer; }
.badge { display: inline-block; padding: 0 6px; border-radius: 10px; font-size: 12px; font-weight: 600; white-space: nowrap; }
.badge.pass { color: var(--pass); background: var(--pass-bg); }
.badge.fail { color: #fff; background: var(--fail); }
.badge.known, .cell.known, .cell-link.known, .chip-link.known { color: var(--known); background: var(--known-bg); }
.all-checks tr.known td.status { color: var(--known); font-weight: 700; }
.badge.blocked, .cell.blocked, .cell-link.blocked, .chip-link.blocked { color: var(--blocked); background: var(--blocked-bg); }
.all-checks tr.failed td.status, .all-checks tr.error td.status { color: var(--fail); font-weight: 700; }
.failure-index { columns: 2 360px; margin: 0; padding-left: 20px; }
.subject-card { margin: 14px 0; padding: 10px 14px; border: 1px solid var(--fail); border-left: 6px solid var(--fail); border-radius: 6px; background: var(--fail-bg); }
.subject-card h3 { margin: 0 0 4px; font-size: 16px; }
.subject-card .title { margin: 0 0 4px; color: var(--muted); }
.subject-card ul.checks { list-style: none; margin: 6px 0 0; padding: 0; }
.check.fail { margin: 6px 0 0; padding: 6px 0 0; border-top: 1px solid #f5c2c0; }
.check h4 { margin: 0; font-size: 14px; word-break: break-all; }
.check .message { margin: 2px 0; font-weight: 600; white-space: pre-wrap; word-break: break-word; }
.check ul.details { margin: 4px 0; }
.root-cause .rule, .rule { color: var(--muted); }
.subject-card.blocked { border-color: var(--blocked); background: var(--blocked-bg); }
details.evidence pre, .root-cause pre { margin: 4px 0; padding: 6px 8px; max-height: 420px; overflow: auto; background: #fff; border: 1px solid var(--line); border-radius: 4px; white-space: pre-wrap; word-break: break-word; font-size: 12.5px; }
details.evidence summary, details.blocked-list summary { cursor: pointer; font-weight: 600; }
.to-timeline { font-weight: 400; font-size: 12.5px; }
.marker { font-weight: 700; color: var(--fail); }
.replay { margin: 6px 0; }
.replay code { background: #fff; padding: 1px 4px; border: 1px solid var(--line); border-radius: 4px; }
.matrix-wrap { overflow-x: auto; }
table { border-collapse: collapse; }
.matrix th, .matrix td { border: 1px solid var(--line); padding: 3px 6px; }
.matrix th.kind { vertical-align: bottom; height: 150px; padding: 4px 2px; }
.matrix th.kind > div { writing-mode: vertical-rl; transform: rotate(180deg); white-space: nowrap; margin: 0 auto; }
.matrix th.kind-steps > div { writing-mode: horizontal-tb; transform: none; }
.kind-prefix { color: var(--muted); font-weight: 400; }
.matrix th.subject { text-align: left; white-space: nowrap; font-weight: 600; }
.matrix tr.row.fail th.subject { background: var(--fail-bg); }
.cell { text-align: center; white-space: nowrap; }
.cell.pass { background: var(--pass-bg); }
.cell.fail { background: var(--fail-bg); outline: 2px solid var(--fail); outline-offset: -2px; }
.cell.none { color: var(--muted); background: #f6f8fa; }
.cell a { text-decoration: none; font-weight: 600; }
.cell-link.pass, .chip-link.pass { color: var(--pass); }
.cell-link.fail, .chip-link.fail { color: var(--fail); }
.cell .chip-link { display: inline-block; margin: 1px 0; padding: 0 5px; border-radius: 4px; border: 1px solid currentColor; font-size: 12px; }
.chip-link.fail { background: #fff; }
.timeline { margin: 16px 0 28px; }
.timeline.fail > h3 { color: var(--fail); }
.timeline-scroll { overflow-x: auto; border: 1px solid var(--line); border-radius: 6px; padding: 6px; }
.timeline-svg { display: block; max-width: 100%; height: auto; font-family: "DejaVu Sans Mono", ui-monospace, Menlo, Consolas, monospace; font-size: 12px; }
.timeline-svg .col-head { fill: var(--muted); font-weight: 700; }
.timeline-svg .spine { stroke: var(--line); stroke-width: 2; }
.timeline-svg .post .row-bg { fill: transparent; }
.timeline-svg .post.fail .row-bg { fill: var(--fail-bg); stroke: var(--fail); stroke-width: 1; }
.timeline-svg .dot { fill: var(--pass); }
.timeline-svg .post.fail .dot { fill: var(--fail); }
.timeline-svg .post-label { font-weight: 700; fill: #1f2328; }
.timeline-svg .post.fail .post-label { fill: var(--fail); }
.timeline-svg .batch { fill: none; stroke: var(--act); stroke-dasharray: 4 3; }
.timeline-svg .chip rect { stroke-width: 1; }
.timeline-svg .chip-step rect { fill: #f6f8fa; stroke: #8c959f; }
.timeline-svg .chip-dup rect { fill: var(--dup-bg); stroke: var(--dup); stroke-dasharray: 3 2; }
.timeline-svg .chip-dup .chip-text { fill: var(--dup); }
.timeline-svg .chip-action rect { fill: var(--act-bg); stroke: var(--act); }
.timeline-svg .chip-altered rect { fill: var(--alt-bg); stroke: var(--alt); }
.timeline-svg .chip-altered .chip-text { fill: var(--alt); font-style: italic; }
.timeline-svg .chip-batch rect { fill: var(--act); stroke: var(--act); }
.timeline-svg .chip-batch .chip-text { fill: #fff; font-weight: 700; }
.timeline-svg .status.pass rect { fill: var(--pass-bg); stroke: var(--pass); }
.timeline-svg .status.fail rect { fill: var(--fail); stroke: var(--fail); }
.timeline-svg .status.pass .status-text { fill: var(--pass); font-weight: 700; }
.timeline-svg .status.fail .status-text { fill: #fff; font-weight: 700; }
.timeline-svg .obs-ok { fill: var(--pass); }
.timeline-svg .obs-bad { fill: var(--fail); font-weight: 700; }
.timeline-svg .obs-plain { fill: var(--muted); }
.legend { display: flex; flex-wrap: wrap; gap: 4px 14px; margin: 6px 0; color: var(--muted); font-size: 12.5px; }
.legend .key { display: inline-block; padding: 0 6px; border-radius: 4px; border: 1px solid; }
.key-batch { border-style: dashed !important; border-color: var(--act) !important; }
.key-dup { background: var(--dup-bg); border-color: var(--dup); border-style: dashed !important; color: var(--dup); }
.key-action { background: var(--act-bg); border-color: var(--act); }
.key-altered { background: var(--alt-bg); border-color: var(--alt); color: var(--alt); font-style: italic; }
.key-fail { background: var(--fail-bg); border-color: var(--fail); color: var(--fail); font-weight: 700; }
.all-checks td, .all-checks th { border-bottom: 1px solid var(--line); padding: 2px 8px; text-align: left; vertical-align: top; }
.all-checks tr.fail td.status { color: var(--fail); font-weight: 700; }
.all-checks tr.pass td.status { color: var(--pass); }
.empty { color: var(--muted); }
footer { margin-top: 40px; color: var(--muted); font-size: 12.5px; }
/* "Show only failures": no script needed. */
body:has(#only-failures:checked) :is(tr.row.pass, section.timeline.pass, .all-checks tr.pass) { display: none; }
`;
