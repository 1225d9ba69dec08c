// The destination map: every country coloured by its status under one country group or regime as of a date
// (GET /api/destinations), drawn as SVG from the shapes shipped in the jar (world-110m.json, Natural Earth); a
// country's memberships and rules with their sources on click or Enter; the same data as a table for keyboard and
// screen-reader users. Unknown is its own hatched style and says "unknown": it is never drawn as "not member".
import { get } from './api.js';
import { errorBox, field, h, outcomeBadge, page, provenance } from './view.js';

// The SVG namespace as the HTML parser gives it: no URL in the workbench's files (the host check reads them all).
const SVG = new DOMParser().parseFromString('<svg></svg>', 'text/html').body.firstChild.namespaceURI;
const DEFAULT_GROUP = 'IL_DECA_CYBER_REPORTED_37';
const STATUSES = ['member', 'not-member', 'unknown'];
const LABELS = {
  group: { member: 'member', 'not-member': 'not member', unknown: 'unknown' },
  regime: { member: 'a destination rule holds', 'not-member': 'no destination rule holds', unknown: 'unknown' },
  rule: { member: 'the rule holds', 'not-member': 'the rule does not hold (or is not in force)', unknown: 'unknown' },
};

let shapes = null; // the world map, loaded once

function svg(tag, attrs, ...children) {
  const el = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs || {})) el.setAttribute(k, String(v));
  el.append(...children);
  return el;
}

export async function mapPage() {
  const params = new URLSearchParams(location.hash.split('?')[1] || '');
  const [choices, world] = await Promise.all([get('/api/destinations/choices'),
    shapes ? Promise.resolve(shapes) : get('/ui/world-110m.json')]);
  shapes = world;
  const subject = h('select', { id: 'map-subject', name: 'subject' },
    h('optgroup', { label: 'Country groups' },
      choices.groups.map((g) => h('option', { value: 'group:' + g.id, title: g.description }, g.id))),
    h('optgroup', { label: 'Regimes' },
      choices.regimes.map((r) => h('option', { value: 'regime:' + r.id, title: r.name }, r.id))));
  const wanted = params.get('group') ? 'group:' + params.get('group')
    : params.get('regime') ? 'regime:' + params.get('regime') : 'group:' + DEFAULT_GROUP;
  if ([...subject.options].some((o) => o.value === wanted)) subject.value = wanted;
  // For a regime: all its destination rules together, or one of them (where that rule applies).
  const rule = h('select', { id: 'map-rule', name: 'rule' });
  const ruleField = field('Rule of the regime', rule);
  const fillRules = () => {
    const [kind, id] = subject.value.split(/:(.*)/s);
    const regime = choices.regimes.find((r) => r.id === id);
    ruleField.hidden = kind !== 'regime';
    rule.replaceChildren(h('option', { value: '' }, 'every destination rule'),
      ...(kind === 'regime' && regime ? regime.destinationRules : []).map((x) => h('option', { value: x }, x)));
  };
  fillRules();
  if (params.get('rule')) rule.value = params.get('rule');
  const date = h('input', { id: 'map-date', name: 'asOf', type: 'date', required: true });
  if (params.get('asOf')) date.value = params.get('asOf');
  const dayBefore = h('button', { type: 'button', id: 'map-prev' }, '← day');
  const dayAfter = h('button', { type: 'button', id: 'map-next' }, 'day →');
  const form = h('form', { class: 'inline', 'aria-label': 'What the map shows',
    onsubmit: (e) => { e.preventDefault(); load(); } },
  field('Country group or regime', subject), ruleField, field('As of', date),
  h('div', { class: 'field' }, h('span', { class: 'sr-only' }, 'Move the date'), h('div', { class: 'daysteps' },
    dayBefore, dayAfter)),
  h('button', { type: 'submit' }, 'Show'));
  subject.addEventListener('change', () => { fillRules(); load(); });
  rule.addEventListener('change', load);
  date.addEventListener('change', () => { if (date.value) load(); });
  dayBefore.addEventListener('click', () => step(-1));
  dayAfter.addEventListener('click', () => step(1));

  const summary = h('p', { id: 'map-summary', 'aria-live': 'polite' });
  const legend = h('ul', { class: 'legend', id: 'map-legend', 'aria-label': 'Legend' });
  const drawing = h('div', { class: 'worldmap' });
  const detail = h('section', { id: 'map-detail', class: 'card', 'aria-labelledby': 'map-detail-title' },
    h('h2', { id: 'map-detail-title', tabindex: '-1' }, 'Country'),
    h('p', { class: 'muted' }, 'Select a country on the map (click, or Tab to it and press Enter) or in the table.'));
  const tableBox = h('div', { id: 'map-table' });
  page('Destination map', form, summary,
    h('div', { class: 'maplayout' }, h('div', {},
      h('button', { type: 'button', class: 'linklike small', id: 'map-skip',
        onclick: () => document.getElementById('map-table-title').focus() }, 'Skip the map: go to the table'),
      drawing, legend,
      h('p', { class: 'muted small' }, 'Countries too small for the map are dots; grey areas have no ISO code in '
        + 'the data. Shapes: Natural Earth (public domain). Every country is also in the table below.')), detail),
    h('section', { 'aria-labelledby': 'map-table-title' },
      h('h2', { id: 'map-table-title', tabindex: '-1' }, 'Every country as a table'), tableBox));

  const { paths, status } = draw(drawing, shapes);
  let answer = null;
  let selected = params.get('country');
  let asked = 0; // answers to earlier requests (the date stepped twice quickly) are dropped
  await load();

  function step(days) {
    const d = date.value ? new Date(date.value + 'T00:00:00Z') : new Date(answer.asOf + 'T00:00:00Z');
    d.setUTCDate(d.getUTCDate() + days);
    date.value = d.toISOString().slice(0, 10);
    load();
  }

  function labelsOf() {
    return answer.kind === 'regime' && rule.value ? LABELS.rule : LABELS[answer.kind];
  }

  function query() {
    const [kind, id] = subject.value.split(/:(.*)/s);
    const q = new URLSearchParams({ [kind]: id });
    if (kind === 'regime' && rule.value) q.set('rule', rule.value);
    return q;
  }

  async function load() {
    const q = query();
    if (date.value) q.set('asOf', date.value);
    const mine = ++asked;
    let got;
    try {
      got = await get('/api/destinations?' + q);
    } catch (e) {
      if (mine === asked) summary.replaceChildren(errorBox(e));
      return;
    }
    if (mine !== asked) return;
    answer = got;
    date.value = answer.asOf;
    history.replaceState(null, '', '#/map?' + q + (selected ? '&country=' + selected : ''));
    const labels = labelsOf();
    const byCode = new Map(answer.countries.map((c) => [c.code, c]));
    for (const [code, el] of paths) {
      const c = byCode.get(code);
      const st = c ? c.status : 'unknown';
      el.setAttribute('class', 'country st-' + st + (code === selected ? ' selected' : ''));
      el.setAttribute('aria-label', (c ? c.name : code) + ': ' + labels[st]);
      el.dataset.status = st;
    }
    const counts = Object.fromEntries(STATUSES.map((s) => [s, answer.countries.filter((c) => c.status === s).length]));
    summary.replaceChildren(h('strong', {}, answer.id), ' as of ', h('strong', {}, answer.asOf), ': ',
      STATUSES.map((s) => counts[s] + ' ' + labels[s]).join(' · '), '.',
      ...(answer.kind === 'group' ? [groupVersionText(answer.groups[0])] : []),
      h('span', { class: 'muted small subject-name' }, answer.name));
    legend.replaceChildren(...STATUSES.map((s) => h('li', {}, swatch(s), ' ', labels[s])));
    status.textContent = 'Map of ' + answer.id + ' as of ' + answer.asOf;
    table(labels);
    if (selected && byCode.has(selected)) show(byCode.get(selected), false);
  }

  function table(labels) {
    const rows = answer.countries.map((c) => h('tr', { class: 'st-row-' + c.status },
      h('td', {}, h('button', { type: 'button', class: 'linklike', 'data-code': c.code,
        onclick: () => select(c.code, true) }, c.name)),
      h('td', {}, c.code),
      h('td', {}, statusBadge(c.status, labels)),
      h('td', {}, c.rules.map((r) => r.rule).join(', ') || '—')));
    tableBox.replaceChildren(h('div', { class: 'scroll tall' }, h('table', { class: 'destinations' },
      h('caption', { class: 'sr-only' }, 'Status of every country under ' + answer.id + ' as of ' + answer.asOf),
      h('thead', {}, h('tr', {}, ...['Country', 'Code', 'Status', 'Rules whose destination condition holds or is '
        + 'unknown'].map((t) => h('th', { scope: 'col' }, t)))),
      h('tbody', {}, rows))));
  }

  function select(code, focus) {
    const c = answer && answer.countries.find((x) => x.code === code);
    if (!c) return;
    selected = code;
    for (const [k, el] of paths) el.classList.toggle('selected', k === code);
    const q = query();
    q.set('asOf', answer.asOf);
    q.set('country', code);
    history.replaceState(null, '', '#/map?' + q);
    show(c, focus);
  }

  function show(c, focus) {
    const labels = labelsOf();
    const rulesById = new Map(answer.rules.map((r) => [r.id, r]));
    const groupsById = new Map(answer.groups.map((g) => [g.id, g]));
    const title = h('h2', { id: 'map-detail-title', tabindex: '-1' }, c.name + ' (' + c.code + ')');
    const parts = [title, h('p', {}, statusBadge(c.status, labels), ' under ', h('code', {}, answer.id), ' as of ',
      answer.asOf)];
    if (c.why) parts.push(h('ul', { class: 'why' }, c.why.map((w) => h('li', {}, w))));
    parts.push(h('h3', {}, 'Group memberships'));
    if (c.memberships.length === 0) parts.push(h('p', { class: 'muted' }, 'No group decides this view.'));
    for (const m of c.memberships) {
      const g = groupsById.get(m.group);
      parts.push(fact(g, h('div', {}, h('code', {}, g.id), ': ', statusBadge(m.membership, LABELS.group)),
        h('div', {}, g.description), g.version
          ? h('div', { class: 'muted' }, 'Version in force: ' + (g.version.from || '…') + ' to ' + (g.version.to || '…')
            + (g.version.complete ? ', complete' : ', known only in part') + (g.version.note ? '. ' + g.version.note : ''))
          : h('div', { class: 'muted' }, 'No version of this group is in force on ' + answer.asOf + '.')));
    }
    parts.push(h('h3', {}, 'Rules'));
    const applying = c.rules.map((a) => [rulesById.get(a.rule), a]);
    const anywhere = answer.rules.filter((r) => r.anyDestination).map((r) => [r, null]);
    if (applying.length + anywhere.length === 0) {
      parts.push(h('p', { class: 'muted' }, 'No rule in force on ' + answer.asOf + ' has a destination condition '
        + 'that holds (or cannot be decided) for ' + c.name + '.'));
    }
    for (const [r, a] of [...applying, ...anywhere]) {
      parts.push(fact(r, h('div', {}, outcomeBadge(r.outcome), ' ', h('code', {}, r.id), ' (' + r.regime + ', '
        + (r.from || '…') + ' to ' + (r.to || '…') + ')'),
      h('div', {}, a ? (a.destination === 'holds' ? 'Its destination condition holds.'
        : 'Whether its destination condition holds is unknown.') : 'Applies to every destination.'),
      h('div', {}, r.reason), h('div', { class: 'muted' }, 'Citation: ' + r.citation),
      r.endUser || r.flags.length || r.notFlags.length ? h('div', { class: 'muted' }, 'Also needs: '
        + [r.endUser ? 'end user ' + r.endUser : null, ...r.flags.map((f) => 'flag ' + f),
          ...r.notFlags.map((f) => 'not flag ' + f)].filter(Boolean).join(', ')) : null));
    }
    detail.replaceChildren(...parts);
    if (focus) title.focus();
  }

  // One group or rule with its sources; an unverified or partly verified fact is marked and shaded.
  function fact(x, ...body) {
    return h('div', { class: 'fact ' + (x.verified === 'verified' ? 'verified' : 'unverified') }, ...body,
      h('div', {}, provenance(x)),
      h('ul', { class: 'plain sources', 'aria-label': 'Sources' }, x.source.map((s) => h('li', { class: 'src' }, s))));
  }

  function draw(box, world) {
    const [x0, y0, w, hgt] = world.viewBox;
    const title = svg('title', { id: 'map-svg-title' }, 'World map');
    const map = svg('svg', { viewBox: [x0, y0, w, hgt].join(' '), role: 'group', 'aria-labelledby': 'map-svg-title',
      class: 'world', focusable: 'false' }, title,
    svg('defs', {}, svg('pattern', { id: 'hatch', width: 5, height: 5, patternUnits: 'userSpaceOnUse',
      patternTransform: 'rotate(45)' }, svg('rect', { width: 5, height: 5, class: 'hatch-bg' }),
    svg('line', { x1: 0, y1: 0, x2: 0, y2: 5, class: 'hatch-line' }))),
    svg('rect', { x: x0, y: y0, width: w, height: hgt, class: 'sea' }));
    const paths = new Map();
    for (const d of world.unkeyed) map.append(svg('path', { d, class: 'nocode', 'aria-hidden': 'true' }));
    const add = (code, el) => {
      el.setAttribute('tabindex', '0');
      el.setAttribute('role', 'button');
      el.dataset.code = code;
      el.addEventListener('click', () => select(code, false));
      el.addEventListener('keydown', (e) => {
        if (e.key === 'Enter' || e.key === ' ') {
          e.preventDefault();
          select(code, true);
        }
      });
      paths.set(code, el);
      map.append(el);
    };
    for (const [code, d] of Object.entries(world.shapes)) add(code, svg('path', { d }));
    for (const [code, [cx, cy]] of Object.entries(world.points)) add(code, svg('circle', { cx, cy, r: 3.2 }));
    box.replaceChildren(map);
    return { paths, status: title };
  }
}

function swatch(status) {
  return h('span', { class: 'swatch' }, svg('svg', { viewBox: '0 0 16 12', width: 16, height: 12,
    'aria-hidden': 'true' }, svg('rect', { width: 16, height: 12, class: 'country st-' + status })));
}

function statusBadge(status, labels) {
  return h('span', { class: 'badge st-badge-' + status }, labels[status]);
}

function groupVersionText(g) {
  if (!g.version) return ' No version of the group is in force on this date: its membership is unknown.';
  return ' Version in force: ' + (g.version.from || '…') + ' to ' + (g.version.to || '…')
    + (g.version.complete ? ' (complete).' : ' (known only in part: any country not named is unknown).');
}
