// One deal: the decision per regime with every finding and where it comes from, each screening hit side by side
// with the listed entry, dispositions (propose as analyst, confirm as another approver) and the decision history.
import { get, post } from './api.js';
import { atLeast, dl, errorBox, field, h, highlight, outcomeBadge, page, provenance } from './view.js';

export async function dealPage(me, id) {
  const [d, disp] = await Promise.all([get('/api/deals/' + encodeURIComponent(id)),
    get('/api/deals/' + encodeURIComponent(id) + '/dispositions')]);
  const current = d.decisions[d.decisions.length - 1];
  const decision = current ? current.decision : null;
  const parties = (d.deal && d.deal.parties) || [];
  page('Deal ' + d.id,
    h('div', { class: 'deal-head' }, outcomeBadge(d.outcome),
      dl([['Status', d.status], ['Export date', d.deal && d.deal.date], ['Destination', d.deal && d.deal.destination],
        ['Exporter', d.deal && d.deal.exporter && d.deal.exporter.name],
        ['Decided as of', decision && decision.asOf]])),
    regimes(decision),
    hits(me, d, decision, parties, disp.dispositions),
    history(d, disp.dispositions));
}

function regimes(decision) {
  const s = h('section', { 'aria-labelledby': 'regimes-title' }, h('h2', { id: 'regimes-title' }, 'Decision per regime'));
  if (!decision) return s.appendChild(h('p', {}, 'Not decided yet.')) && s;
  for (const r of decision.regimes) {
    const rows = r.findings.map((f) => h('tr', { class: f.verified === 'verified' ? 'verified' : 'unverified' },
      h('td', {}, outcomeBadge(f.outcome)),
      h('td', {}, h('code', {}, f.rule)),
      h('td', {}, f.reason, f.subject ? h('div', { class: 'muted' }, f.subject) : null),
      h('td', {}, f.citation || '—'),
      h('td', {}, (f.source || []).map((src) => h('div', { class: 'src' }, src))),
      h('td', {}, provenance(f))));
    s.append(h('h3', {}, r.regime, ' ', outcomeBadge(r.outcome)),
      rows.length === 0 ? h('p', { class: 'muted' }, 'No findings.') : h('div', { class: 'scroll' },
        h('table', { class: 'findings' },
          h('caption', { class: 'sr-only' }, 'Findings under ' + r.regime),
          h('thead', {}, h('tr', {}, ...['Outcome', 'Rule', 'Why', 'Citation', 'Sources', 'Provenance']
            .map((t) => h('th', { scope: 'col' }, t)))),
          h('tbody', {}, rows))));
  }
  return s;
}

function hits(me, d, decision, parties, dispositions) {
  const s = h('section', { 'aria-labelledby': 'hits-title' }, h('h2', { id: 'hits-title' }, 'Screening hits'));
  const seen = new Set();
  const found = [];
  for (const r of (decision ? decision.regimes : [])) {
    for (const f of r.findings) {
      if (!f.match) continue;
      const key = f.match.partyName + '|' + f.match.source + '|' + f.match.entryId;
      if (seen.has(key)) continue;
      seen.add(key);
      found.push(f.match);
    }
  }
  if (found.length === 0) {
    s.append(h('p', {}, 'No screening hits in the current decision.'));
    return s;
  }
  for (const m of found) {
    const party = parties[m.party] || {};
    const mine = dispositions.filter((x) => x.party === m.partyName && x.list === m.source && x.entryId === m.entryId);
    s.append(h('article', { class: 'hitpair card', 'aria-label': 'Hit: ' + m.partyName + ' and ' + m.listedName },
      h('div', { class: 'pair' },
        h('div', { class: 'side' }, h('h3', {}, 'Deal party'),
          h('p', { class: 'big' }, highlight(m.partyName, m.matchedName || m.listedName)),
          dl([['Role', m.partyRole || party.role], ['Country', party.country]])),
        h('div', { class: 'side' }, h('h3', {}, 'Listed entry'),
          h('p', { class: 'big' }, highlight(m.listedName, m.partyName)),
          dl([['Matched name', m.matchedName ? highlight(m.matchedName, m.partyName) : null],
            ['List', m.source + (m.subList ? ' · ' + m.subList : '')], ['Entry', m.entryId],
            ['Score', Number(m.score).toFixed(2)], ['List version', m.listVersion]]))),
      dispositionsOf(me, d, m, mine)));
  }
  return s;
}

function dispositionsOf(me, d, m, mine) {
  const box = h('div', { class: 'dispositions' });
  for (const x of mine) {
    const line = h('div', { class: 'disposition disposition-' + x.status },
      h('strong', {}, x.verdict === 'TRUE_MATCH' ? 'True match' : 'False positive'),
      ' — ', x.reason, h('div', { class: 'muted' }, 'proposed by ' + x.proposedBy + ' at ' + x.proposedAt
        + (x.status === 'confirmed' ? '; confirmed by ' + x.confirmedBy + ' at ' + x.confirmedAt : '; pending')));
    if (x.status === 'proposed') {
      if (x.proposedBy === 'api:' + me.name) {
        line.append(h('p', { class: 'pending' }, 'Pending: another approver must confirm it (four eyes).'));
      } else if (atLeast(me.role, 'approver') && d.status === 'open') {
        line.append(h('button', { type: 'button', class: 'confirm', onclick: async (e) => {
          e.target.disabled = true;
          try {
            await post('/api/deals/' + encodeURIComponent(d.id) + '/dispositions/' + x.id + '/confirm');
            location.reload();
          } catch (err) {
            line.append(errorBox(err));
            e.target.disabled = false;
          }
        } }, 'Confirm disposition ' + x.id));
      } else {
        line.append(h('p', { class: 'pending' }, 'Pending: an approver must confirm it.'));
      }
    }
    box.append(line);
  }
  const open = !mine.some((x) => x.status === 'proposed');
  if (atLeast(me.role, 'analyst') && d.status === 'open' && open) {
    const verdict = h('select', { name: 'verdict', class: 'verdict' },
      h('option', { value: 'FALSE_POSITIVE' }, 'False positive'), h('option', { value: 'TRUE_MATCH' }, 'True match'));
    const reason = h('textarea', { name: 'reason', class: 'reason', rows: 2, required: true });
    const msg = h('div', { 'aria-live': 'polite' });
    box.append(h('form', { class: 'propose', 'aria-label': 'Propose a disposition',
      onsubmit: async (e) => {
        e.preventDefault();
        try {
          await post('/api/deals/' + encodeURIComponent(d.id) + '/dispositions', { party: m.partyName,
            list: m.source, entryId: m.entryId, verdict: verdict.value, reason: reason.value });
          location.reload();
        } catch (err) {
          msg.replaceChildren(errorBox(err));
        }
      } }, field('Verdict', verdict), field('Reason', reason), h('button', { type: 'submit' }, 'Propose'), msg));
  }
  return box;
}

function history(d, dispositions) {
  const events = d.decisions.map((x) => ({ at: x.decidedAt, node: h('li', { class: 'event' },
    h('time', {}, x.decidedAt), ' ', outcomeBadge(x.outcome), ' decision ' + x.seq + ': ' + x.reason,
    h('div', { class: 'muted' }, 'as of ' + x.asOf + ' · policy version ' + x.policyVersionId + ' · list versions '
      + (x.listVersionIds || []).join(', '))) }));
  for (const x of dispositions) {
    events.push({ at: x.proposedAt, node: h('li', { class: 'event' }, h('time', {}, x.proposedAt),
      ' ' + x.proposedBy + ' proposed ' + x.verdict + ' for ' + x.party + ' (' + x.list + ' ' + x.entryId + ')') });
    if (x.confirmedAt) {
      events.push({ at: x.confirmedAt, node: h('li', { class: 'event' }, h('time', {}, x.confirmedAt),
        ' ' + x.confirmedBy + ' confirmed disposition ' + x.id) });
    }
  }
  events.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
  return h('section', { 'aria-labelledby': 'history-title' }, h('h2', { id: 'history-title' }, 'Decision history'),
    h('ol', { class: 'timeline', reversed: true }, events.map((e) => e.node)));
}
