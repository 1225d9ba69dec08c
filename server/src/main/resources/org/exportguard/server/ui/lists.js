// Lists: each source's stored versions, the diff between two of them, and (admin) importing a list file.
import { api, get } from './api.js';
import { atLeast, errorBox, field, h, page } from './view.js';

export async function listsPage(me) {
  const r = await get('/api/lists/versions');
  const bySource = new Map();
  for (const v of r.versions) {
    if (!bySource.has(v.source)) bySource.set(v.source, []);
    bySource.get(v.source).push(v);
  }
  const sections = [];
  for (const [source, versions] of bySource) {
    sections.push(h('h2', {}, source), h('div', { class: 'scroll' }, h('table', { class: 'versions' },
      h('caption', { class: 'sr-only' }, 'Versions of ' + source),
      h('thead', {}, h('tr', {}, ...['Version', 'In force', 'Effective', 'Imported', 'By', 'Entries', 'SHA-256']
        .map((t) => h('th', { scope: 'col' }, t)))),
      h('tbody', {}, versions.slice().reverse().map((v) => h('tr', {},
        h('td', {}, String(v.id)), h('td', {}, v.inForce ? 'yes' : 'no'), h('td', {}, v.effectiveDate || '—'),
        h('td', {}, v.importedAt), h('td', {}, v.importedBy), h('td', {}, String(entries(v))),
        h('td', {}, h('code', { title: v.sha256 }, v.sha256.slice(0, 12)))))))));
  }
  const options = () => r.versions.map((v) => h('option', { value: v.id }, v.id + ' · ' + v.source + ' · '
    + v.importedAt));
  const from = h('select', { id: 'diff-from' }, options());
  const to = h('select', { id: 'diff-to' }, options());
  if (r.versions.length > 1) from.value = String(r.versions[r.versions.length - 2].id);
  const diffOut = h('div', { id: 'diff-out', 'aria-live': 'polite' });
  const diffForm = h('form', { class: 'inline', onsubmit: async (e) => {
    e.preventDefault();
    try {
      diffOut.replaceChildren(...renderDiff(await get('/api/lists/diff?from=' + from.value + '&to=' + to.value)));
    } catch (err) {
      diffOut.replaceChildren(errorBox(err));
    }
  } }, field('From version', from), field('To version', to), h('button', { type: 'submit' }, 'Compare'));
  page('Lists', ...(sections.length ? sections : [h('p', {}, 'No list versions stored yet: the server screens '
    + 'its shipped samples.')]),
  h('h2', {}, 'Compare two versions'), diffForm, diffOut,
  atLeast(me.role, 'admin') ? importForm() : null);
}

function entries(v) {
  return v.counts && typeof v.counts.parties === 'number' ? v.counts.parties : '—';
}

function renderDiff(d) {
  const list = (title, items) => [h('h3', {}, title + ' (' + items.length + ')'),
    h('ul', {}, items.slice(0, 200).map((p) => h('li', {}, p.name + ' · ' + p.sourceId
      + (p.fields ? ' · changed: ' + p.fields.join(', ') : ''))))];
  return [h('p', {}, d.summary.added + ' added, ' + d.summary.removed + ' removed, ' + d.summary.changed
    + ' changed, ' + d.summary.unchanged + ' unchanged'),
  ...list('Added', d.added), ...list('Removed', d.removed), ...list('Changed', d.changed)];
}

function importForm() {
  const file = h('input', { id: 'import-file', type: 'file', required: true });
  const source = h('input', { id: 'import-source', placeholder: 'e.g. US-CSL' });
  const effective = h('input', { id: 'import-effective', type: 'date' });
  const out = h('div', { 'aria-live': 'polite' });
  return h('section', { 'aria-labelledby': 'import-title' }, h('h2', { id: 'import-title' }, 'Import a list file'),
    h('form', { class: 'inline', onsubmit: async (e) => {
      e.preventDefault();
      const f = file.files[0];
      const q = new URLSearchParams({ filename: f.name });
      if (source.value) q.set('source', source.value);
      if (effective.value) q.set('effective', effective.value);
      try {
        const zip = f.name.toLowerCase().endsWith('.zip');
        const r = await api('POST', '/api/lists?' + q, await f.arrayBuffer(),
          zip ? 'application/zip' : 'application/octet-stream');
        out.replaceChildren(h('p', {}, 'Imported: ' + (r.sources || []).map((s) => s.version && s.version.source).join(', ')
          + '. ', h('a', { href: '#/impact' }, 'See its impact')));
      } catch (err) {
        out.replaceChildren(errorBox(err));
      }
    } }, field('List file', file), field('Source (optional)', source), field('Effective (optional)', effective),
    h('button', { type: 'submit' }, 'Import')), out);
}
