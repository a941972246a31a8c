// The questionnaire's one script, inlined into the page (its CSP allows it by hash and nothing
// else). Plain ES2019, no library: it builds one screen per item from the JSON data block (text
// goes in as text nodes, never as markup), keeps every answer in localStorage as it is given,
// and writes the answers file that `assess --answers` and `report` read.
//
// A browser may be shared by a team: one response is kept at a time, under its own random id. A
// reload in the same tab resumes it; any other visit is asked first whether to continue it (naming
// whose it is) or to start a new one, and nothing of it is shown or downloaded until then.
//
// The answers file is written by hand here, so it must stay within what the loader reads: strings
// JSON-quoted (a JSON string is a YAML double-quoted scalar), codes and levels plain.

export const QUESTIONNAIRE_SCRIPT = String.raw`(function () {
'use strict';
var data = JSON.parse(document.getElementById('pm-diag-data').textContent);
var form = document.getElementById('questionnaire');
var nameField = form.elements['respondent.name'];
var backButton = document.getElementById('back');
var nextButton = document.getElementById('next');
var progress = document.getElementById('progress');
var progressText = document.getElementById('progress-text');
var statusLine = document.getElementById('status');
var screens = [document.getElementById('screen-respondent')];
var factsScreen = document.getElementById('screen-facts');
if (factsScreen) screens.push(factsScreen);
/** The screen of the first item: after the respondent's and the organization's. */
var firstItem = screens.length;
var total = data.items.length;
var current = 0;
var storage = null;
var tabStorage = null;
var storeKey = JSON.stringify(['pm-diag', data.bank.id, data.bank.version, data.bank.hash, 'response']);
var response = null;
var answeredAt = null;

function el(tag, attrs, children) {
  var e = document.createElement(tag);
  for (var k in attrs || {}) if (attrs[k] != null) e.setAttribute(k, attrs[k]);
  (children || []).forEach(function (c) { if (c) e.append(c); });
  return e;
}

function group(name, legend, choices, id, wide) {
  return el('fieldset', null, [el('legend', null, [legend]), el('div', { class: wide ? 'choices wide' : 'choices' }, choices.map(function (c, j) {
    var cid = id + '-' + j;
    return el('label', { class: c.value === 'n/a' ? 'opt na' : 'opt', for: cid }, [
      el('input', { type: 'radio', name: name, value: c.value, id: cid }),
      el('span', null, [el('span', { class: 'name' }, [c.name]), c.description ? el('span', { class: 'desc' }, [c.description]) : null])
    ]);
  }))]);
}

/** The scale's labels, with the item's own statement for each level where it has them. */
function levels(scale, item) {
  var own = item.levels && item.levels[scale];
  return data.scales[scale].map(function (level, l) {
    return { value: String(l + 1), name: (l + 1) + ' \u00b7 ' + level.label, description: own ? own[l] : level.description };
  }).concat([data.unknown]);
}

data.items.forEach(function (item, i) {
  var kind = data.kinds[item.kind];
  var pre = 'item-' + (i + 1);
  var rest = kind.rated.slice(1).map(function (field) {
    return group(item.id + '.' + field, data.questions[field], levels(field, item), pre + '-' + field);
  }).concat(kind.text.map(function (field) {
    var id = pre + '-' + field;
    var hint = field === 'evidence' && item.evidence ? el('p', { class: 'hint', id: id + '-hint' }, [data.evidenceHint + item.evidence]) : null;
    return el('div', { class: 'text' }, [el('label', { for: id }, [data.texts[field]]), hint,
      el('textarea', { id: id, name: item.id + '.' + field, rows: '2', 'aria-describedby': hint && id + '-hint' })]);
  }));
  var first = kind.rated[0];
  var firstChoices = (first === 'owner' ? data.owners : levels(first, item)).concat([data.notApplicable]);
  var screen = el('section', { class: 'screen', id: pre, hidden: '', 'aria-labelledby': pre + '-h' }, [
    el('p', { class: 'where' }, [item.section + ' \u00b7 item ' + (i + 1) + ' of ' + total]),
    el('h2', { id: pre + '-h', tabindex: '-1' }, [item.title]),
    item.owes ? el('p', { class: 'owes' }, [item.owes]) : null,
    el('p', { class: 'question' }, [item.question]),
    group(item.id + '.' + first, data.questions[first], firstChoices, pre + '-' + first, first === 'owner'),
    el('div', { class: 'rest' }, rest)
  ]);
  document.getElementById('items').append(screen);
  screens.push(screen);
});
screens.push(document.getElementById('screen-done'));

var valueOf = function (item, field) { var control = form.elements[item.id + '.' + field]; return control ? control.value : ''; };
var notApplicable = function (item) { return valueOf(item, data.kinds[item.kind].rated[0]) === 'n/a'; };
function answered(item) {
  return notApplicable(item) || data.kinds[item.kind].rated.every(function (f) { return valueOf(item, f) !== ''; });
}

function refresh() {
  data.items.forEach(function (item, i) { screens[firstItem + i].querySelector('.rest').hidden = notApplicable(item); });
  var done = data.items.filter(answered).length;
  progress.value = done;
  var where = current === 0 ? 'About you' : current < firstItem ? 'About the organization'
    : current >= firstItem + total ? 'Finished' : 'Item ' + (current - firstItem + 1) + ' of ' + total;
  progressText.textContent = where + ' \u00b7 ' + done + ' of ' + total + ' answered';
  var missing = data.items.filter(function (item) { return !answered(item); });
  document.getElementById('done-summary').textContent = missing.length === 0
    ? 'You answered every item. Thank you.'
    : 'You answered ' + done + ' of ' + total + ' items. Still open: ' + missing.map(function (item) { return item.title; }).join('; ') + '. You can go back to them, or send your answers as they are.';
}

function show(index, focus) {
  current = Math.max(0, Math.min(index, screens.length - 1));
  screens.forEach(function (s, j) { s.hidden = j !== current; });
  // The introduction is for the first screen; after it, the item is what should fill the screen.
  Array.prototype.forEach.call(document.querySelectorAll('.intro'), function (p) { p.hidden = current !== 0; });
  backButton.disabled = current === 0;
  nextButton.hidden = current === screens.length - 1;
  refresh();
  if (focus) screens[current].querySelector('h2').focus();
  save();
}

function snapshot() {
  var values = {};
  Array.prototype.forEach.call(form.elements, function (e) {
    if (!e.name || (e.type === 'radio' && !e.checked) || e.value === '') return;
    values[e.name] = e.value;
  });
  return { response: response, answeredAt: answeredAt, screen: current, values: values };
}

function restore(state) {
  response = state.response;
  answeredAt = state.answeredAt || null;
  Array.prototype.forEach.call(form.elements, function (e) {
    if (!e.name) return;
    var v = Object.prototype.hasOwnProperty.call(state.values, e.name) ? state.values[e.name] : '';
    if (e.type === 'radio') e.checked = e.value === v; else e.value = v;
  });
}

/** A version 4 UUID: the id that tells this submission from every other, even under the same name. */
function newId() {
  if (window.crypto && crypto.randomUUID) return crypto.randomUUID();
  var b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 15) | 64;
  b[8] = (b[8] & 63) | 128;
  var h = Array.prototype.map.call(b, function (x) { return (x + 256).toString(16).slice(1); }).join('');
  return [h.slice(0, 8), h.slice(8, 12), h.slice(12, 16), h.slice(16, 20), h.slice(20)].join('-');
}

function say(text) { statusLine.textContent = text; }

function storageFailed() {
  storage = null;
  document.getElementById('storage-note').hidden = false;
}

function read() {
  try {
    var text = storage && storage.getItem(storeKey);
    var state = text ? JSON.parse(text) : null;
    return state && state.response && state.values ? state : null;
  } catch (e) { return null; }
}

/** Keeps the response; when an answer was given (changed), the answer time moves on. */
function save(changed) {
  if (response === null) return;
  if (changed) answeredAt = new Date().toISOString();
  try { if (tabStorage) tabStorage.setItem(storeKey, response); } catch (e) { tabStorage = null; }
  if (!storage) return;
  try { storage.setItem(storeKey, JSON.stringify(snapshot())); } catch (e) { storageFailed(); }
}

var returning = document.getElementById('returning');
var outBox = document.getElementById('out-box');

/** The response under way is shown, or (a shared browser) the choice of whose it is, and nothing else. */
function showWorking(working) {
  returning.hidden = working;
  form.hidden = !working;
  outBox.hidden = !working;
}

/** A new response: empty, under a new id; the previous one is gone from this browser. */
function startNew() {
  restore({ response: newId(), answeredAt: null, values: {} });
  document.getElementById('answers-text').value = '';
  document.getElementById('copy-fallback').hidden = true;
  document.getElementById('name-error').hidden = true;
  showWorking(true);
  say('');
  show(0, true);
}

/** A returning visit: continue the response kept here, naming whose it is, or start a new one. */
function offer(saved) {
  var name = (saved.values['respondent.name'] || '').trim();
  var label = name ? 'Continue as ' + name : 'Continue the answers in progress';
  document.getElementById('continue').textContent = label;
  document.getElementById('returning-text').textContent = (name ? name + ' has' : 'Someone has') +
    ' answers in progress in this browser. If that is you, continue; if not, start a new response:' +
    ' nothing of theirs will be shown or sent.';
  showWorking(false);
  document.getElementById('continue').onclick = function () {
    restore(saved);
    showWorking(true);
    show(saved.screen, true);
    say('Your answers so far are back: carry on where you left off.');
  };
  returning.querySelector('h2').focus();
}

form.addEventListener('input', function () { refresh(); save(true); });
form.addEventListener('change', function () { refresh(); save(true); });
form.addEventListener('submit', function (event) {
  event.preventDefault();
  if (current === 0) {
    var missing = nameField.value.trim() === '';
    document.getElementById('name-error').hidden = !missing;
    nameField.setAttribute('aria-invalid', String(missing));
    if (missing) { nameField.focus(); return; }
  }
  if (screens[current] === factsScreen) {
    var wrong = data.facts.filter(function (fact) { return fact.number && !factNumber(fact).valid; });
    data.facts.forEach(function (fact, i) {
      if (!fact.number) return;
      var bad = wrong.indexOf(fact) >= 0;
      document.getElementById('fact-' + i + '-error').hidden = !bad;
      form.elements['facts.' + fact.id].setAttribute('aria-invalid', String(bad));
    });
    if (wrong.length) { form.elements['facts.' + wrong[0].id].focus(); return; }
  }
  show(current + 1, true);
});
document.getElementById('new-response').addEventListener('click', startNew);
document.getElementById('new-after').addEventListener('click', startNew);
backButton.addEventListener('click', function () { show(current - 1, true); });

var quote = JSON.stringify;
var PLAIN_KEY = /^[a-z][a-z0-9-]*$/;
var YAML_WORDS = /^(true|false|null|yes|no|on|off|y|n)$/;
var key = function (id) { return PLAIN_KEY.test(id) && !YAML_WORDS.test(id) ? id : quote(id); };

/** A number fact's field: valid when empty or a whole number, 0 or more. */
function factNumber(fact) {
  var control = form.elements['facts.' + fact.id];
  var text = control.value.trim();
  return { valid: control.validity.valid && /^[0-9]*$/.test(text), text: text };
}

/** The facts given, as the answers file's flow mapping: option codes quoted, whole numbers plain. */
function factsLine() {
  var given = data.facts.map(function (fact) {
    var value = fact.number ? factNumber(fact) : { valid: true, text: form.elements['facts.' + fact.id].value };
    if (!value.valid || value.text === '') return null;
    return key(fact.id) + ': ' + (fact.number ? String(Number(value.text)) : quote(value.text));
  }).filter(function (entry) { return entry !== null; });
  return given.length ? 'facts: { ' + given.join(', ') + ' }' : null;
}

function answersText() {
  var name = nameField.value.trim();
  var role = form.elements['respondent.role'].value;
  var lines = ['# Answers from the pm-diag questionnaire. Check them: pm-diag validate THIS-FILE',
    'bank: ' + quote(data.bank.id), 'bank-version: ' + data.bank.version, 'bank-hash: ' + quote(data.bank.hash)];
  if (data.organization) lines.push('organization: ' + quote(data.organization));
  if (data.stage) lines.push('stage: ' + quote(data.stage));
  lines.push('form: ' + data.form);
  lines.push('respondent: { name: ' + (name ? quote(name) : 'null') + ', role: ' + (role || 'null') + ' }');
  lines.push('response: ' + quote(response));
  if (answeredAt) lines.push('answered-at: ' + quote(answeredAt));
  var facts = factsLine();
  if (facts) lines.push(facts);
  lines.push('answers:');
  data.items.forEach(function (item) {
    if (notApplicable(item)) return lines.push('  ' + key(item.id) + ': n/a');
    var kind = data.kinds[item.kind];
    var fields = kind.rated.filter(function (f) { return valueOf(item, f) !== ''; }).map(function (f) { return f + ': ' + valueOf(item, f); })
      .concat(kind.text.filter(function (f) { return valueOf(item, f).trim() !== ''; }).map(function (f) { return f + ': ' + quote(valueOf(item, f)); }));
    lines.push('  ' + key(item.id) + ':' + (fields.length ? ' { ' + fields.join(', ') + ' }' : ''));
  });
  return lines.join('\n') + '\n';
}

function fileName() {
  var slug = nameField.value.trim().toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-+|-+$/g, '').slice(0, 60);
  return (slug || 'respondent') + '-answers.yaml';
}

document.getElementById('download').addEventListener('click', function () {
  var url = URL.createObjectURL(new Blob([answersText()], { type: 'application/yaml' }));
  var link = el('a', { href: url, download: fileName() });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(function () { URL.revokeObjectURL(url); }, 60000);
  say('Saved ' + fileName() + ' to your downloads: send that file back.');
});

document.getElementById('copy').addEventListener('click', function () {
  var text = answersText();
  var box = document.getElementById('answers-text');
  function fallback() {
    box.value = text;
    document.getElementById('copy-fallback').hidden = false;
    box.focus();
    box.select();
    say('This browser did not let the page copy: your answers are in the box below. Select all of it, copy it, and paste it into a message.');
  }
  if (navigator.clipboard && navigator.clipboard.writeText) {
    navigator.clipboard.writeText(text).then(function () { say('Copied: paste your answers into a message and send it.'); }, fallback);
  } else fallback();
});

try {
  storage = window.localStorage;
  storage.setItem(storeKey + '?', '1');
  storage.removeItem(storeKey + '?');
} catch (e) { storageFailed(); }
try { tabStorage = window.sessionStorage; } catch (e) { tabStorage = null; }
var saved = read();
var sameTab = false;
try {
  sameTab = !!saved && !!tabStorage && tabStorage.getItem(storeKey) === saved.response;
} catch (e) { sameTab = false; }
var started = saved && Object.keys(saved.values).length > 0;
if (saved && sameTab) {
  // A reload of the same tab: the same person, carrying on.
  restore(saved);
  show(saved.screen, false);
  say('Your answers so far are kept: carry on where you left off.');
} else if (started) {
  show(0, false);
  offer(saved);
} else {
  restore({ response: newId(), answeredAt: null, values: {} });
  show(0, false);
}
})();`;
