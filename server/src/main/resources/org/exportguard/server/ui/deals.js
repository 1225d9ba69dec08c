// The deal queue: open deals REVIEW first, then BLOCKED, LICENCE_REQUIRED, CLEARED, filtered and paged by the server.
import { get } from './api.js';
import { errorBox, field, h, outcomeBadge, page } from './view.js';

export async function dealsPage() {
  const params = new URLSearchParams(location.hash.split('?')[1] || '');
  const outcome = h('select', { id: 'q-outcome', name: 'outcome' }, h('option', { value: '' }, 'any'),
    ...['REVIEW', 'BLOCKED', 'LICENCE_REQUIRED', 'CLEARED'].map((o) => h('option', { value: o }, o.replace('_', ' '))));
  const status = h('select', { id: 'q-status', name: 'status' }, h('option', { value: 'open' }, 'open'),
    h('option', { value: 'closed' }, 'closed'));
  const destination = h('input', { id: 'q-destination', name: 'destination', size: 3, maxlength: 2 });
  const party = h('input', { id: 'q-party', name: 'party' });
  const from = h('input', { id: 'q-from', name: 'from', type: 'date' });
  const to = h('input', { id: 'q-to', name: 'to', type: 'date' });
  for (const [el, key] of [[outcome, 'outcome'], [status, 'status'], [destination, 'destination'], [party, 'party'],
    [from, 'from'], [to, 'to']]) {
    if (params.get(key)) el.value = params.get(key);
  }
  const table = h('div', { id: 'queue', 'aria-live': 'polite' });
  const form = h('form', { class: 'inline', role: 'search', 'aria-label': 'Filter deals',
    onsubmit: (e) => { e.preventDefault(); cursors = [null]; load(); } },
  field('Status', status), field('Outcome', outcome), field('Destination', destination), field('Party', party),
  field('Export date from', from), field('to', to), h('button', { type: 'submit' }, 'Filter'));
  page('Deal queue', h('p', { class: 'muted' }, 'REVIEW first, then BLOCKED, LICENCE REQUIRED and CLEARED; '
    + 'each by export date.'), form, table);
  let cursors = [null];
  await load();

  async function load() {
    const q = new URLSearchParams({ status: status.value, limit: '25' });
    for (const [el, key] of [[outcome, 'outcome'], [destination, 'destination'], [party, 'party'], [from, 'from'],
      [to, 'to']]) {
      if (el.value) q.set(key, el.value);
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
    table.replaceChildren(
      rows.length === 0 ? h('p', {}, 'No deals match.') : h('div', { class: 'scroll' }, h('table', { class: 'queue' },
        h('caption', { class: 'sr-only' }, 'Deals, in queue order'),
        h('thead', {}, h('tr', {}, ...['Deal', 'Outcome', 'Export date', 'Destination', 'Parties', 'Updated']
          .map((t) => h('th', { scope: 'col' }, t)))),
        h('tbody', {}, rows))),
      pager);
  }
}
