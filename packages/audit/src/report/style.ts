/**
 * The report's stylesheet. Colours keep at least 4.5:1 contrast on their backgrounds (WCAG 1.4.3);
 * tables scroll inside their own focusable region on narrow screens instead of the page.
 */
export const STYLE = `
:root{color-scheme:light;--fg:#1b1f24;--muted:#4b5563;--line:#d0d7de;--bad:#8a1c1c;--bad-bg:#fdecec;--good:#14532d;--good-bg:#e8f5ec;--code:#f3f4f6}
*{box-sizing:border-box}
body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;color:var(--fg);background:#fff}
main{max-width:72rem;margin:0 auto;padding:1.5rem}
h1{font-size:1.75rem;margin:0 0 1rem}
h2{font-size:1.35rem;margin:2rem 0 .5rem}
h3{font-size:1.1rem;margin:1.25rem 0 .5rem}
.url{word-break:break-all;font-size:1.1rem}
.verdict{border-radius:.5rem;padding:1rem 1.25rem;margin:1rem 0;border:2px solid}
.verdict p{margin:.25rem 0}
.verdict.bad{background:var(--bad-bg);border-color:var(--bad);color:var(--bad)}
.verdict.good{background:var(--good-bg);border-color:var(--good);color:var(--good)}
.ok{color:var(--good)}
.phase{border-top:1px solid var(--line);margin-top:2rem}
figure{margin:1rem 0}
figure img{max-width:100%;height:auto;border:1px solid var(--line);border-radius:.25rem}
figcaption{color:var(--muted);font-size:.9rem;word-break:break-all}
.scroll{overflow-x:auto;margin:.5rem 0 1rem}
.scroll:focus-visible,summary:focus-visible{outline:3px solid #1d4ed8;outline-offset:2px}
table{border-collapse:collapse;width:100%;font-size:.92rem}
caption{text-align:left;font-weight:600;padding:.25rem 0}
th,td{border:1px solid var(--line);padding:.4rem .5rem;text-align:left;vertical-align:top}
th{background:#f6f8fa}
td.num{text-align:right}
td.cause,td.item{word-break:break-word}
td.item{min-width:9rem}
code{font:.88em/1.4 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;background:var(--code);padding:0 .2em;border-radius:.2em}
details{margin:1rem 0}
summary{cursor:pointer;font-weight:600}
.meta{color:var(--muted);font-size:.9rem}
.todo li{margin:.4rem 0}
@media (prefers-reduced-motion:reduce){*{scroll-behavior:auto!important;transition:none!important}}
`;
