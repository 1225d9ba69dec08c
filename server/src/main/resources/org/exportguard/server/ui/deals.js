// The deal queue: open deals REVIEW first, then BLOCKED, LICENCE_REQUIRED, CLEARED, or sorted by a column either
// way; filtered and paged by the server (paging by cursor: Previous goes back through the cursors seen).
import { get } from './api.js';
import { errorBox, field, h, outcomeBadge, page } from './view.js';

// The sorts the API knows, with the column each belongs to (null: the queue order, no column of its own).
const SORTS = [['queue', 'Queue order (REVIEW first)'], ['date', 'Export date'], ['destination', 'Destination'],
  ['party', 'Parties'], ['updated', 'Last change']];
const COLUMNS = [['Deal', null], ['Outcome', 'queue'], ['Export date', 'date'], ['Destination', 'destination'],
  ['Parties', 'party'], ['Last change', 'updated']];

export async function dealsPage() {
  const params = new URLSearchParams(location.hash.split('?')[1] || '');
  const outcome = h('select', { id: 'q-outcome', name: 'outcome' }, h('option', { value: '' }, 'any'),
    ...['REVIEW', 'BLOCKED', 'LICENCE_REQUIRED', 'CLEARED'].map((o) => h('option', { value: o }, o.replace('_', ' '))));
  const status = h('select', { id: 'q-status', name: 'status' }, h('option', { value: 'open' }, 'open'),
    h('option', { value: 'closed' }, 'closed'));
  const destination = h('input', { id: 'q-destination', name: 'destination', size: 3, maxlength: 2 });
  const party = h('input', { id: 'q-party', name: 'party' });
  const regime = h('select', { id: 'q-regime', name: 'regime' }, h('option', { value: '' }, 'any'));
  const from = h('input', { id: 'q-from', name: 'from', type: 'date' });
  const to = h('input', { id: 'q-to', name: 'to', type: 'date' });
  const sort = h('select', { id: 'q-sort', name: 'sort' }, ...SORTS.map(([v, t]) => h('option', { value: v }, t)));
  const direction = h('select', { id: 'q-direction', name: 'direction' },
    h('option', { value: 'asc' }, 'ascending'), h('option', { value: 'desc' }, 'descending'));
  const controls = [[outcome, 'outcome'], [status, 'status'], [destination, 'destination'], [party, 'party'],
    [regime, 'regime'], [from, 'from'], [to, 'to'], [sort, 'sort'], [direction, 'direction']];
  for (const [el, key] of controls) {
    if (params.get(key)) {
      if (el === regime) regime.append(h('option', { value: params.get(key) }, params.get(key)));
      el.value = params.get(key);
    }
  }
  const table = h('div', { id: 'queue', 'aria-live': 'polite' });
  const form = h('form', { class: 'inline', role: 'search', 'aria-label': 'Filter and sort deals',
    onsubmit: (e) => { e.preventDefault(); restart(); } },
  field('Status', status), field('Outcome', outcome), field('Destination', destination), field('Party', party),
  field('Regime', regime), field('Export date from', from), field('to', to), field('Sort by', sort),
  field('Direction', direction), h('button', { type: 'submit' }, 'Apply'));
  page('Deal queue', h('p', { class: 'muted' }, 'REVIEW first, then BLOCKED, LICENCE REQUIRED and CLEARED, each by '
    + 'export date; or sort by a column (its header button, again to reverse).'), form, table);
  let cursors = [null];
  let regimesShown = false;
  let refocus = null; // the header button pressed: it keeps the keyboard focus across the reload
  await load();

  function restart() {
    cursors = [null];
    load();
  }

  // A column header's button: sorts by that column, or reverses the order when it already does.
  function sortBy(key) {
    if (sort.value === key) direction.value = direction.value === 'asc' ? 'desc' : 'asc';
    else { sort.value = key; direction.value = 'asc'; }
    refocus = key;
    restart();
  }

  async function load() {
    const q = new URLSearchParams({ status: status.value, limit: '25' });
    for (const [el, key] of controls) {
      if (el !== status && el.value && !(key === 'sort' && el.value === 'queue')
        && !(key === 'direction' && el.value === 'asc')) q.set(key, el.value);
    }
    const after = cursors[cursors.length - 1];
    if (after) q.set('after', after);
    let r;
    try {
      r = await get('/api/deals?' + q);
    } catch (e) {
      table.replaceChildren(errorBox(e));
      return;
    }
    if (!regimesShown) { // the policy's regimes, as the server names them
      regimesShown = true;
      const chosen = regime.value;
      regime.replaceChildren(h('option', { value: '' }, 'any'), ...r.regimes.map((g) => h('option', { value: g }, g)));
      regime.value = chosen;
    }
    const rows = r.deals.map((d) => h('tr', {},
      h('td', {}, h('a', { href: '#/deals/' + encodeURIComponent(d.id) }, d.id)),
      h('td', {}, outcomeBadge(d.outcome)),
      h('td', {}, d.exportDate || '—'),
      h('td', {}, d.destination),
      h('td', {}, d.parties.join('; ')),
      h('td', {}, d.updatedAt)));
    const pager = h('nav', { class: 'pager', 'aria-label': 'Pages' },
      h('button', { type: 'button', disabled: cursors.length === 1,
        onclick: () => { cursors.pop(); load(); } }, '← Previous'),
      h('span', {}, 'Page ' + cursors.length),
      h('button', { type: 'button', disabled: !r.next, onclick: () => { cursors.push(r.next); load(); } }, 'Next →'));
    const order = direction.value === 'desc' ? 'descending' : 'ascending';
    const header = COLUMNS.map(([title, key]) => {
      if (!key) return h('th', { scope: 'col' }, title);
      const active = sort.value === key;
      return h('th', { scope: 'col', 'aria-sort': active ? order : 'none' },
        h('button', { type: 'button', class: 'sort' + (active ? ' active' : ''), 'data-sort': key,
          'aria-label': 'Sort by ' + title.toLowerCase() + (active ? ', now ' + order + '; press to reverse' : ''),
          onclick: () => sortBy(key) }, title, active ? (order === 'ascending' ? ' ▲' : ' ▼') : ''));
    });
    const label = SORTS.find(([v]) => v === sort.value)[1].toLowerCase();
    table.replaceChildren(
      rows.length === 0 ? h('p', {}, 'No deals match.') : h('div', { class: 'scroll' }, h('table', { class: 'queue' },
        h('caption', { class: 'sr-only' }, 'Deals by ' + label + ', ' + order),
        h('thead', {}, h('tr', {}, ...header)),
        h('tbody', {}, rows))),
      pager);
    if (refocus) {
      const b = table.querySelector('button[data-sort="' + refocus + '"]');
      if (b) b.focus();
      refocus = null;
    }
  }
}
