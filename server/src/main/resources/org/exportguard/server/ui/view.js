// Small DOM helpers: elements are built with properties and text nodes, never from HTML strings, so nothing the
// server sends (names from lists, reasons typed by users) can become markup or script.
export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k === 'class') el.className = v;
    else if (k === 'text') el.textContent = v;
    else if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return el;
}

export function page(title, ...children) {
  const root = document.getElementById('page');
  root.replaceChildren(h('h1', { id: 'page-title' }, title), ...children);
  document.title = title + ' · ExportGuard';
  const main = document.getElementById('main');
  main.setAttribute('aria-labelledby', 'page-title');
  return root;
}

export function outcomeBadge(outcome) {
  const o = outcome || 'UNKNOWN';
  return h('span', { class: 'badge outcome-' + o.toLowerCase().replace(/_/g, '-') }, o.replace(/_/g, ' '));
}

// Unverified facts must not look like verified ones: a marked label (and, where used, a different row style).
export function provenance(f) {
  const v = f.verified || 'unverified';
  return h('span', { class: 'prov prov-' + v },
    v === 'verified' ? '✔ verified' : v === 'partial' ? '◐ partly verified' : '⚠ UNVERIFIED',
    f.authoritative ? ' · authoritative' : ' · not authoritative');
}

export function errorBox(err) {
  return h('p', { class: 'error', role: 'alert' }, err && err.message ? err.message : String(err));
}

export function field(label, input) {
  const id = input.id || ('f-' + Math.random().toString(36).slice(2));
  input.id = id;
  return h('div', { class: 'field' }, h('label', { for: id }, label), input);
}

export function dl(pairs) {
  const d = h('dl', { class: 'kv' });
  for (const [k, v] of pairs) {
    if (v === null || v === undefined || v === '') continue;
    d.append(h('dt', {}, k), h('dd', {}, v));
  }
  return d;
}

// Any JSON value as readable nodes: objects as definition lists, arrays as lists. For details whose keys the
// workbench does not know in advance (a listed entry's fields as the API adds them).
export function anyValue(v) {
  if (v === null || v === undefined) return h('span', { class: 'muted' }, '—');
  if (Array.isArray(v)) {
    if (v.length === 0) return h('span', { class: 'muted' }, 'none');
    return h('ul', { class: 'plain' }, v.map((x) => h('li', {}, anyValue(x))));
  }
  if (typeof v === 'object') {
    return dl(Object.entries(v).map(([k, x]) => [humanKey(k), anyValue(x)]));
  }
  return document.createTextNode(String(v));
}

export function humanKey(k) {
  return k.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/^./, (c) => c.toUpperCase());
}

// The words of `text` that are also words of `other` (case and accents ignored), marked.
export function highlight(text, other) {
  const norm = (w) => w.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase();
  const words = new Set((other || '').split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 1).map(norm));
  const out = h('span', { class: 'name' });
  for (const part of (text || '').split(/([^\p{L}\p{N}]+)/u)) {
    if (part && words.has(norm(part))) out.append(h('mark', {}, part));
    else out.append(document.createTextNode(part));
  }
  return out;
}

export const ROLES = ['viewer', 'analyst', 'approver', 'admin'];

export function atLeast(role, min) {
  return ROLES.indexOf(role) >= ROLES.indexOf(min);
}
