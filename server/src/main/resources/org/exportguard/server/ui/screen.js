// Screen a name: ranked hits with score and explanation, and whatever the API says about each listed entry.
import { post } from './api.js';
import { anyValue, dl, errorBox, field, h, highlight, humanKey, page } from './view.js';

const SHOWN = new Set(['source', 'sourceId', 'type', 'name', 'matchedName', 'score', 'explanation']);

export function screenPage() {
  const name = h('input', { id: 'screen-name', name: 'name', required: true, autocomplete: 'off' });
  const type = h('select', { id: 'screen-type', name: 'type' },
    h('option', { value: '' }, 'any'), h('option', { value: 'person' }, 'person'),
    h('option', { value: 'organization' }, 'organization'), h('option', { value: 'vessel' }, 'vessel'),
    h('option', { value: 'aircraft' }, 'aircraft'));
  const country = h('input', { id: 'screen-country', name: 'country', maxlength: 2, size: 3,
    pattern: '[A-Za-z]{2}', title: 'two-letter country code' });
  const dob = h('input', { id: 'screen-dob', name: 'dob', placeholder: 'YYYY-MM-DD' });
  const results = h('div', { id: 'screen-results', 'aria-live': 'polite' });
  const form = h('form', { class: 'inline', onsubmit: (e) => { e.preventDefault(); run(); } },
    field('Name', name), field('Type', type), field('Country', country), field('Date of birth', dob),
    h('button', { type: 'submit' }, 'Screen'));
  page('Screen a name', form, results);
  name.focus();

  async function run() {
    const body = { name: name.value };
    if (type.value) body.type = type.value;
    if (country.value) body.country = country.value.toUpperCase();
    if (dob.value) body.dateOfBirth = dob.value;
    results.replaceChildren(h('p', { class: 'muted' }, 'Screening…'));
    let r;
    try {
      r = await post('/api/screen', body);
    } catch (e) {
      if (e.field === 'dateOfBirth' && body.dateOfBirth) { // this server does not take a date of birth yet
        delete body.dateOfBirth;
        r = await post('/api/screen', body).catch((e2) => { results.replaceChildren(errorBox(e2)); });
        if (!r) return;
        results.append(h('p', { class: 'muted' }, 'The date of birth was not used: this server does not take it.'));
      } else {
        results.replaceChildren(errorBox(e));
        return;
      }
    }
    results.replaceChildren(...render(r));
  }
}

function render(r) {
  const out = [];
  const lists = (r.lists || []).map((l) => l.source + (l.ageDays !== undefined && l.ageDays !== null
    ? ' (' + l.ageDays + ' d old)' : ''));
  out.push(h('p', { class: 'muted' }, 'Screened against: ' + (lists.join(', ') || 'the lists in service')));
  if (!r.hits || r.hits.length === 0) {
    out.push(h('p', { class: 'nohits' }, 'No hits for “' + r.query + '”.'));
    return out;
  }
  out.push(h('h2', {}, r.hits.length + ' hit' + (r.hits.length === 1 ? '' : 's') + ' for “' + r.query + '”'));
  const ol = h('ol', { class: 'hits' });
  for (const hit of r.hits) {
    const extra = Object.entries(hit).filter(([k]) => !SHOWN.has(k));
    ol.append(h('li', { class: 'hit card' },
      h('div', { class: 'hit-head' },
        h('span', { class: 'score', title: 'score' }, Number(hit.score).toFixed(2)),
        h('strong', {}, highlight(hit.name, r.query)),
        h('span', { class: 'muted' }, ' ' + hit.source + ' ' + hit.sourceId + ' · ' + hit.type)),
      dl([['Matched name', highlight(hit.matchedName, r.query)], ['Why', hit.explanation]]),
      extra.length ? h('details', { class: 'entry', open: true },
        h('summary', {}, 'Listed entry details'),
        dl(extra.map(([k, v]) => [humanKey(k), anyValue(v)]))) : null));
  }
  out.push(ol);
  return out;
}
