// The workbench's entry: who is signed in, the navigation, and which page the address's #/path shows.
import { api, get, setCsrf, ApiError } from './api.js';
import { atLeast, errorBox, page } from './view.js';
import { screenPage } from './screen.js';
import { dealsPage } from './deals.js';
import { dealPage } from './deal.js';
import { listsPage } from './lists.js';
import { impactPage } from './impact.js';
import { auditPage } from './audit.js';
import { mapPage } from './map.js';

const pages = [
  [/^\/screen$/, screenPage],
  [/^\/deals$/, dealsPage],
  [/^\/deals\/(.+)$/, dealPage],
  [/^\/lists$/, listsPage],
  [/^\/impact$/, impactPage],
  [/^\/audit$/, auditPage],
  [/^\/map(?:\?.*)?$/, mapPage],
];

let me = null;

async function start() {
  try {
    me = await get('/ui/session');
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) {
      showSignIn();
      return;
    }
    page('ExportGuard', errorBox(e));
    return;
  }
  setCsrf(me.csrf);
  document.getElementById('signin').hidden = true;
  const nav = document.getElementById('nav');
  nav.hidden = false;
  for (const a of nav.querySelectorAll('[data-min-role]')) {
    a.hidden = !atLeast(me.role, a.dataset.minRole);
  }
  document.getElementById('who').textContent = me.name + ' (' + me.role + ')';
  const out = document.getElementById('signout');
  out.hidden = false;
  out.addEventListener('click', signOut);
  window.addEventListener('hashchange', show);
  show();
}

function showSignIn() {
  document.getElementById('signin').hidden = false;
  document.getElementById('page').replaceChildren();
  const failed = new URLSearchParams(location.search).get('signin') === 'failed';
  document.getElementById('signin-error').hidden = !failed;
  document.getElementById('token').focus();
}

async function signOut() {
  try {
    await api('POST', '/ui/signout');
  } finally {
    location.replace('/');
  }
}

async function show() {
  const path = decodeURIComponent(location.hash.replace(/^#/, '')) || '/screen';
  for (const a of document.querySelectorAll('#nav a')) {
    const current = path === a.getAttribute('href').slice(1)
      || (a.getAttribute('href') === '#/deals' && path.startsWith('/deals/'))
      || path.startsWith(a.getAttribute('href').slice(1) + '?');
    if (current) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  }
  for (const [re, render] of pages) {
    const m = path.match(re);
    if (m) {
      try {
        await render(me, ...m.slice(1));
      } catch (e) {
        page('Something went wrong', errorBox(e));
      }
      document.getElementById('main').focus({ preventScroll: true });
      return;
    }
  }
  page('Not found', errorBox('No page ' + path));
}

start();
