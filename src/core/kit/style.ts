// What the facilitator page adds to the report's style sheet (svg/style.ts), which it carries so the
// report shows in it as it does in its own file: the controls, the file list, and a printout that
// holds the report alone.

export const KIT_STYLE = `
[hidden]{display:none!important}
.kit{border-bottom:2px solid var(--line);padding-bottom:1rem;margin-bottom:1rem}
.kit h2{margin-top:1.2rem}
.intro{margin:.4rem 0 1rem;max-width:60rem}
.drop{border:2px dashed var(--muted);border-radius:8px;padding:1rem;background:var(--panel);display:flex;
flex-wrap:wrap;align-items:center;gap:.5rem 1rem}
.drop.over{border-color:var(--accent);box-shadow:inset 0 0 0 2px var(--accent)}
.drop label{font-weight:700;font-size:1.1rem}.drop .hint{flex-basis:100%;margin:0}
.drop input[type=file]{max-width:100%;font:inherit}
.hint{color:var(--muted);font-size:.9rem}
.files{list-style:none;padding:0;margin:.4rem 0}.files li.file{border-left:4px solid var(--good);
padding:.1rem .6rem;margin:0 0 .5rem}
.files li.bad{border-left-color:var(--low)}.files p{margin:0;overflow-wrap:anywhere}
.problems{margin:.2rem 0 .6rem;padding-left:1.2rem;font-family:ui-monospace,"Liberation Mono",monospace;
font-size:.85rem;overflow-wrap:anywhere}
.problems li{margin:.1rem 0}.problems li.error{color:var(--low)}
fieldset{border:1px solid var(--line);border-radius:8px;margin:1rem 0;padding:.4rem .8rem .8rem;min-width:0}
legend{font-weight:700;padding:0 .3rem}
.controls{display:grid;grid-template-columns:repeat(auto-fill,minmax(14rem,1fr));gap:.6rem 1rem}
.control label{display:block;font-weight:600}.control .flag{display:block}.control .hint{display:block}
.flag{white-space:nowrap;font-weight:400;color:var(--muted);
font-family:ui-monospace,"Liberation Mono",monospace;font-size:.85rem}
select,textarea,input[type=number],input[type=text],input[type=date]{font:inherit;color:inherit;background:var(--bg);
border:1px solid var(--muted);
border-radius:6px;padding:.35rem .5rem;width:100%;max-width:100%}
.check{display:flex;gap:.5rem;align-items:center;margin-top:.8rem}.check input{width:1.15rem;height:1.15rem;
accent-color:var(--accent)}
.error{color:var(--low);font-weight:600}
.actions{display:flex;flex-wrap:wrap;gap:.6rem;margin:1rem 0 0}
button{font:inherit;font-weight:600;min-height:2.5rem;padding:.4rem 1rem;border-radius:6px;
border:2px solid var(--accent);background:var(--bg);color:var(--fg);cursor:pointer}
button.remove{min-height:0;padding:0 .5rem;font-size:.85rem;border-width:1px;margin-left:.3rem}
button:disabled{opacity:.55;cursor:default}
:focus-visible{outline:3px solid var(--accent);outline-offset:2px}
.empty{color:var(--muted)}
.map{margin-top:.8rem}.map input[type=file]{max-width:100%;font:inherit}
.map-status{margin:.3rem 0 0;overflow-wrap:anywhere}
.decide{margin-top:1.2rem}.rows fieldset.row{margin:.6rem 0}
.row .head{display:flex;flex-wrap:wrap;align-items:flex-start;justify-content:space-between;gap:.2rem 1rem}
.row .head .hint{margin:.1rem 0;flex:1 1 20rem}.row .head .control{flex:1 1 20rem}
.row .head .check{margin:.1rem 0 .4rem;white-space:nowrap}.row .controls{margin-top:.4rem}
textarea{resize:vertical}
@media (min-width:48rem){.row .control.wide{grid-column:span 2}}
details.chips summary{cursor:pointer;font-weight:600;padding:.35rem 0;min-height:2rem}
div.chips{display:flex;flex-wrap:wrap;gap:.3rem .9rem;padding:.2rem 0}
.chip{display:inline-flex;gap:.3rem;align-items:center}.chip input{width:1.1rem;height:1.1rem;
accent-color:var(--accent)}
@media print{.kit,noscript{display:none}}
`.replace(/\n/g, '');
