// Impact: the latest change reports, each deal whose outcome moved (before → after) with why, linked to the deal.
import { get } from './api.js';
import { h, outcomeBadge, page } from './view.js';

export async function impactPage() {
  const r = await get('/api/impact/reports?limit=20');
  if (r.reports.length === 0) {
    page('Impact', h('p', {}, 'No list or policy change has been imported yet.'));
    return;
  }
  page('Impact', ...r.reports.map(report));
}

function report(x) {
  const change = x.change || {};
  const title = 'Report ' + x.reportId + ' · ' + x.createdAt;
  const what = Object.entries(change).filter(([, v]) => typeof v !== 'object').map(([k, v]) => k + ': ' + v)
    .join(' · ');
  const changed = x.changed || [];
  return h('section', { class: 'card', 'aria-label': title }, h('h2', {}, title),
    h('p', { class: 'muted' }, what),
    h('p', {}, (x.reevaluated || 0) + ' open deals re-decided' + (x.incremental ? ' (incrementally)' : '') + '; '
      + changed.length + ' changed outcome.'),
    changed.length === 0 ? null : h('div', { class: 'scroll' }, h('table', { class: 'impact' },
      h('caption', { class: 'sr-only' }, 'Deals whose outcome changed'),
      h('thead', {}, h('tr', {}, ...['Deal', 'Before', 'After', 'Why'].map((t) => h('th', { scope: 'col' }, t)))),
      h('tbody', {}, changed.map((c) => h('tr', {},
        h('td', {}, h('a', { href: '#/deals/' + encodeURIComponent(c.dealId) }, c.dealId)),
        h('td', {}, outcomeBadge(c.before)), h('td', {}, '→ ', outcomeBadge(c.after)),
        h('td', {}, h('ul', { class: 'plain' }, (c.reasons || []).map((w) => h('li', {}, w))))))))));
}
