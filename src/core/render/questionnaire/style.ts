import { DARK, LIGHT } from '../svg/style.js';

// The questionnaire's style sheet: the report's colours (AA contrast in both themes), one column
// that reads on a phone, large targets, a visible focus ring.

export const QUESTIONNAIRE_STYLE = `
:root{${LIGHT}color-scheme:light dark}
@media (prefers-color-scheme:dark){:root{${DARK}}}
*{box-sizing:border-box}
[hidden]{display:none!important}
body{margin:0 auto;max-width:48rem;padding:1rem;background:var(--bg);color:var(--fg);font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Liberation Sans",Arial,sans-serif;overflow-wrap:break-word}
h1{font-size:1.5rem;line-height:1.25;margin:0 0 .3rem}h1 .sub{display:block;font-size:.95rem;font-weight:400;color:var(--muted)}
h2{font-size:1.3rem;line-height:1.3;margin:.2rem 0 .5rem}
.intro{margin:.4rem 0}
.notice{margin:.6rem 0;padding:.5rem .8rem;border-left:4px solid var(--accent);background:var(--panel)}
.bar{display:flex;flex-wrap:wrap;align-items:center;gap:.3rem .8rem;margin:1rem 0;padding:.5rem 0;border-top:1px solid var(--line);border-bottom:1px solid var(--line)}
.bar p{margin:0;font-weight:600}progress{flex:1 1 8rem;height:.9rem;accent-color:var(--accent)}
.where{margin:0;color:var(--muted);font-size:.92rem}
.question{font-size:1.08rem;font-weight:600;margin:.4rem 0 1rem}.owes{margin:0;color:var(--muted)}
fieldset{border:1px solid var(--line);border-radius:8px;margin:0 0 1rem;padding:.4rem .6rem .6rem;min-width:0}
legend{font-weight:700;padding:0 .3rem}
.opt{display:flex;gap:.6rem;align-items:flex-start;padding:.45rem .5rem;border-radius:6px;cursor:pointer}
.opt:hover{background:var(--panel)}
.opt:has(input:checked){background:var(--panel);box-shadow:inset 0 0 0 2px var(--accent)}
.opt input{margin:.2rem 0 0;width:1.15rem;height:1.15rem;flex:none;accent-color:var(--accent)}
.opt .name{display:block;font-weight:600}.opt .desc{display:block;color:var(--muted);font-size:.94rem}
.wide{display:grid;grid-template-columns:repeat(auto-fill,minmax(14rem,1fr));gap:0 .4rem}
.opt.na{margin-top:.3rem;border-top:1px dashed var(--line);border-radius:0 0 6px 6px;grid-column:1/-1}
.text{margin:0 0 1rem}.text label,.field label{display:block;font-weight:700;margin:0 0 .2rem}
.hint{margin:0 0 .3rem;color:var(--muted);font-size:.94rem}
input[type=text],input[type=number],select,textarea{display:block;width:100%;font:inherit;color:inherit;background:var(--bg);border:1px solid var(--muted);border-radius:6px;padding:.5rem .6rem}
.field{margin:0 0 1rem}
.error{color:var(--low);font-weight:600;margin:.3rem 0}
.steps,.out{display:flex;flex-wrap:wrap;gap:.6rem;margin:1rem 0}
button{font:inherit;font-weight:600;min-height:2.75rem;padding:.5rem 1.3rem;border-radius:6px;border:2px solid var(--accent);background:var(--bg);color:var(--fg);cursor:pointer}
button.primary{background:var(--accent);color:var(--bg)}
button:disabled{opacity:.55;cursor:default}
:focus-visible{outline:3px solid var(--accent);outline-offset:2px}
h2:focus{outline:none}
.out-box{border-top:2px solid var(--line);margin-top:1.5rem;padding-top:.6rem}
.out-box h2{font-size:1.1rem}
`.replace(/\n/g, '');
