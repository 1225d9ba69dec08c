// Audit (approver and above): the chain's verification state, and its records page by page.
import { get } from './api.js';
import { errorBox, h, page } from './view.js';

export async function auditPage() {
  const state = h('div', { id: 'audit-state', 'aria-live': 'polite' }, 'Verifying the chain…');
  const table = h('div', { id: 'audit-records' });
  page('Audit', state, table);
  get('/api/audit/verify').then((v) => {
    state.replaceChildren(v.intact
      ? h('p', { class: 'ok' }, '✔ Chain intact: ' + v.records + ' records verified.')
      : h('p', { class: 'error', role: 'alert' }, '✖ Chain broken at record ' + v.firstBadSeq + ': ' + v.problem));
  }, (e) => state.replaceChildren(errorBox(e)));
  const pages = [0];
  await load();

  async function load() {
    const after = pages[pages.length - 1];
    const r = await get('/api/audit?limit=50&after=' + after);
    table.replaceChildren(h('div', { class: 'scroll' }, h('table', { class: 'audit' },
      h('caption', { class: 'sr-only' }, 'Audit records'),
      h('thead', {}, h('tr', {}, ...['Seq', 'At', 'Actor', 'Action', 'Subject', 'Hash']
        .map((t) => h('th', { scope: 'col' }, t)))),
      h('tbody', {}, r.records.map((x) => h('tr', {}, h('td', {}, String(x.seq)), h('td', {}, x.at),
        h('td', {}, x.actor), h('td', {}, x.action), h('td', {}, x.subject),
        h('td', {}, h('code', { title: x.hash }, x.hash.slice(0, 12)))))))),
    h('nav', { class: 'pager', 'aria-label': 'Pages' },
      h('button', { type: 'button', disabled: pages.length === 1, onclick: () => { pages.pop(); load(); } },
        '← Previous'),
      h('span', {}, 'Page ' + pages.length),
      h('button', { type: 'button', disabled: r.records.length < 50,
        onclick: () => { pages.push(r.next); load(); } }, 'Next →')));
  }
}
