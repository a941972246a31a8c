// The report page's one style sheet. Colours meet WCAG AA contrast in both themes; the dark theme
// is for screens only, so a printout is always light. Status shows as position, number and words
// as well as colour.

/** How a score stands against its target: the colour class of a bar or a cell. */
export type Tone = 'good' | 'near' | 'low' | 'none';

export const LIGHT = `--bg:#fff;--fg:#1f2328;--muted:#59636e;--line:#d1d9e0;--panel:#f6f8fa;--grid:#e3e8ed;
--good:#1a7f37;--near:#9a6700;--low:#cf222e;--none:#8c959f;
--h-good:#d2f4da;--h-near:#fbefc4;--h-low:#ffdcd7;--h-none:#eaeef2;
--q-strength:#1a7f37;--q-stretched:#8a5a00;--q-underskilled:#6639ba;--q-critical:#c4212b;--zone:#f6f8fa;--accent:#0b5fc6;`;

export const DARK = `--bg:#0d1117;--fg:#e6edf3;--muted:#9ea8b3;--line:#3d444d;--panel:#151b23;--grid:#262c36;
--good:#3fb950;--near:#d29922;--low:#f85149;--none:#656c76;
--h-good:#0f3d1f;--h-near:#4a3a06;--h-low:#5c1519;--h-none:#262c36;
--q-strength:#238636;--q-stretched:#9e6a03;--q-underskilled:#8957e5;--q-critical:#c93c37;--zone:#151b23;--accent:#4493f8;`;

export const STYLE = `
:root{${LIGHT}color-scheme:light dark}
@media screen and (prefers-color-scheme:dark){:root{${DARK}}}
*{box-sizing:border-box}
body{margin:0 auto;max-width:1280px;padding:1.5rem;background:var(--bg);color:var(--fg);font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Liberation Sans",Arial,sans-serif}
h1{font-size:1.7rem;margin:0 0 .4rem}h1 .sub{display:block;font-size:1rem;font-weight:400;color:var(--muted)}
h2{font-size:1.3rem;margin:2rem 0 .6rem;padding-top:.6rem;border-top:2px solid var(--line)}
h3{font-size:1rem;margin:.8rem 0 .3rem}
a{color:var(--accent)}
.facts{display:flex;flex-wrap:wrap;gap:.3rem 1.6rem;margin:0}.facts div{display:flex;gap:.4rem}.facts dt{color:var(--muted)}.facts dd{margin:0;font-weight:600}
nav ol{display:flex;flex-wrap:wrap;gap:.2rem 1rem;padding:0;margin:1rem 0 0;list-style:none;font-size:.9rem}
.cards{display:flex;flex-wrap:wrap;gap:1rem;margin:.6rem 0}
.card{flex:1 1 8rem;padding:.6rem 1rem;border:1px solid var(--line);border-left:8px solid var(--none);border-radius:6px;background:var(--panel)}
.card.t-good{border-left-color:var(--good)}.card.t-near{border-left-color:var(--near)}.card.t-low{border-left-color:var(--low)}
.card .name{display:block;color:var(--muted);font-weight:600}.card .big{font-size:2.2rem;font-weight:700;line-height:1.1}
.others{color:var(--muted)}.others strong{color:var(--fg)}
.blocks{display:grid;grid-template-columns:repeat(auto-fit,minmax(18rem,1fr));gap:0 1.5rem}
.blocks ol,.blocks ul{padding-left:1.3rem;margin:.2rem 0}
figure{margin:1rem 0 1.5rem}figcaption{font-weight:600;margin-bottom:.4rem}
.plot{overflow-x:auto}.figs{display:grid;grid-template-columns:repeat(auto-fit,minmax(min(100%,34rem),1fr));gap:0 2rem;align-items:start}
.notes{columns:2 26rem;column-gap:2rem}.notes>div{break-inside:avoid}.notes h3{margin-top:0}
svg.chart{display:block;height:auto;max-width:100%;font-size:13px;font-family:inherit}
@media screen and (max-width:700px){body{padding:.8rem}}
details.data{margin:.4rem 0}details.data>summary{cursor:pointer;color:var(--accent);font-size:.9rem}
.scroll{overflow-x:auto;max-width:100%}
.decision{margin:.3rem 0;padding:.3rem .6rem;border-left:4px solid var(--accent);background:var(--panel)}
.charter td:last-child,.plan td:nth-child(4){min-width:14rem}
.quads{display:grid;grid-template-columns:1fr 1fr;gap:.6rem;margin:.6rem 0}
.quads .axis-y,.quads .axis-x{margin:0;color:var(--muted);font-size:.85rem}.quads .axis-x{text-align:right}
.quad{border:1px solid var(--line);border-top:6px solid var(--none);border-radius:6px;padding:.3rem .8rem;background:var(--panel)}
.quad h3{margin:.2rem 0}.quad ol{margin:.2rem 0;padding-left:2.2rem}.quad li{margin:0;break-inside:avoid}.quad .sub{white-space:nowrap}
.q-strength{border-top-color:var(--q-strength)}.q-stretched{border-top-color:var(--q-stretched)}
.q-underskilled{border-top-color:var(--q-underskilled)}.q-critical{border-top-color:var(--q-critical)}
@media screen and (max-width:700px){.quads{grid-template-columns:1fr}.quads .axis-x{text-align:left}}
.terms{display:grid;grid-template-columns:repeat(auto-fit,minmax(20rem,1fr));gap:.2rem 1.5rem}
.terms div{display:flex;gap:.5rem}.terms dt{font-weight:600;min-width:9rem}.terms dd{margin:0}
.sub{color:var(--muted);font-weight:400}
table{border-collapse:collapse;width:100%;font-size:.88rem;margin:0 0 .8rem}
caption{text-align:left;font-weight:600;color:var(--muted);padding:.2rem 0}
th,td{border-bottom:1px solid var(--line);padding:.25rem .45rem;text-align:left;vertical-align:top;overflow-wrap:break-word}
th{background:var(--panel)}.num{text-align:right;white-space:nowrap}
.plan td{height:2.6rem}.plan td:nth-child(n+5){min-width:6rem;border-left:1px solid var(--line)}
ol>li{margin-bottom:.6rem}.gap-title{margin:0}.formula{margin:0;color:var(--muted);font-family:ui-monospace,"Liberation Mono",monospace;font-size:.85rem}
li p{margin:.15rem 0}.discuss{font-weight:600}.note{font-style:italic}
.label,.value,.tick{fill:var(--fg)}.tick{font-size:12px}.strong{font-weight:700}
.grid{stroke:var(--grid);stroke-width:1}.target{stroke:var(--fg);stroke-width:1.5;stroke-dasharray:5 3}
.bar.t-good{fill:var(--good)}.bar.t-near{fill:var(--near)}.bar.t-low{fill:var(--low)}
.cell.h-good{fill:var(--h-good)}.cell.h-near{fill:var(--h-near)}.cell.h-low{fill:var(--h-low)}.cell.h-none{fill:var(--h-none)}.cell-text{fill:var(--fg);font-weight:600}
.frame{fill:var(--bg);stroke:var(--line)}.zone{fill:var(--zone)}
.dot-text{fill:#fff;font-weight:700;font-size:11px}.dot-text.small{font-size:9.5px}
.dot-a{fill:var(--accent)}.dot-b{fill:var(--bg);stroke:var(--fg);stroke-width:2}.stem{stroke:var(--muted);stroke-width:3}
.strip{fill:var(--panel)}.count{fill:var(--accent);stroke:var(--bg);stroke-width:1}.mean{stroke:var(--fg);stroke-width:2.5}
@page{margin:14mm}
@media print{
body{max-width:none;padding:0;font-size:10pt;print-color-adjust:exact;-webkit-print-color-adjust:exact}
nav{display:none}
#summary{break-after:page}details.data{display:none}.scroll{overflow:visible}
h2{break-after:avoid}
svg.chart{max-width:165mm;max-height:230mm;break-inside:avoid}
figure>figcaption{break-after:avoid}
tr,li{break-inside:avoid}
}
`.replace(/\n/g, '');
