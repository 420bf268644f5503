/* app.js: API client, account/token state, hash router.
 *
 * Routes are hashes (#/board, #/company/<name>, #/search?q=...) so the
 * server only serves one page and a reload keeps the view. Each render gets
 * a generation number: a slow response for a view the user already left is
 * dropped instead of overwriting the current one. A token typed in lives in
 * localStorage and goes out as "Authorization: Bearer"; without one, the
 * session cookie that opening the URL `careerops run` prints has set (an
 * HttpOnly cookie the page never sees) authenticates the page. */
(function () {
'use strict';

var CO = window.CO || (window.CO = {});
var TOKEN_KEY = 'careerops.token', ACCOUNT_KEY = 'careerops.account';

CO.STAGES = ['APPLIED', 'INTERVIEW', 'OFFER', 'REJECTION'];
CO.state = { account: null, accounts: [], gen: 0, instance: null };

/* Rejects with an Error carrying .status and .code (the contract's error
 * object) so views can tell 401/403/404/503 apart. */
CO.api = async function api(path, opts) {
  opts = opts || {};
  var headers = { Accept: opts.accept || 'application/json' };
  var tok = localStorage.getItem(TOKEN_KEY);
  if (tok) headers.Authorization = 'Bearer ' + tok;
  /* same-origin: the session cookie (HttpOnly, set by /?token=...) goes along */
  var init = { method: opts.method || 'GET', headers: headers, cache: 'no-store', credentials: 'same-origin' };
  if (init.method !== 'GET') headers['Content-Type'] = 'application/json'; /* the server refuses other writes (415) */
  if (opts.json !== undefined) init.body = JSON.stringify(opts.json); /* a JSON request body (POST) */
  var r;
  try {
    r = await fetch(path, init);
  } catch (e) {
    var ne = new Error('The CareerOps server did not answer (' + e.message + ')');
    ne.status = 0;
    throw ne;
  }
  var inst = r.headers.get('X-CareerOps-Instance');
  if (inst) CO.setInstance(inst);
  if (opts.blob && r.ok) return r.blob();
  var ct = r.headers.get('content-type') || '';
  var body = ct.indexOf('json') >= 0 ? await r.json().catch(function () { return null; }) : await r.text();
  if (!r.ok) {
    var err = body && body.error ? body.error : {};
    var e2 = new Error(err.message || 'HTTP ' + r.status);
    e2.status = r.status;
    e2.code = err.code || null;
    throw e2;
  }
  return body;
};

CO.q = function q(params) {
  var parts = [];
  Object.keys(params).forEach(function (k) {
    var v = params[k];
    if (v !== undefined && v !== null && v !== '') parts.push(encodeURIComponent(k) + '=' + encodeURIComponent(v));
  });
  return parts.length ? '?' + parts.join('&') : '';
};

CO.acctPath = function acctPath(suffix) {
  return '/api/accounts/' + encodeURIComponent(CO.state.account || '') + suffix;
};

/* Every application of the current account, following next_cursor. */
CO.loadApplications = async function loadApplications() {
  var items = [], cursor = null;
  for (var page = 0; page < 100; page++) {
    var r = await CO.api(CO.acctPath('/applications') + CO.q({ limit: 200, cursor: cursor }));
    items = items.concat(r.items || []);
    cursor = r.next_cursor;
    if (!cursor) break;
  }
  return items;
};

CO.setInstance = function setInstance(id) {
  if (CO.state.instance === id) return;
  CO.state.instance = id;
  CO.clear(document.getElementById('footer')).appendChild(document.createTextNode('Served by instance ' + id));
};

/* A message box in the view; kind: info | error | warn. */
CO.notice = function notice(kind, text) {
  return CO.el('div', { class: 'notice ' + kind, role: kind === 'error' ? 'alert' : 'status' }, text);
};

CO.errorNotice = function errorNotice(e, what) {
  if (e.status === 401)
    return CO.notice('warn', 'This server needs an API token to show ' + what + '. Open the dashboard URL ' +
      '`careerops run` printed (it signs this browser in for the run), or paste a token in the token field above ' +
      '(create one with `careerops token create ACCOUNT`).');
  if (e.status === 403) return CO.notice('warn', 'Your token is not allowed to see ' + what + '.');
  return CO.notice('error', 'Could not load ' + what + ': ' + e.message);
};

/* ---- router ------------------------------------------------------------ */

function parseHash() {
  var h = location.hash.replace(/^#\/?/, '');
  var qi = h.indexOf('?'), query = {};
  if (qi >= 0) {
    h.slice(qi + 1).split('&').forEach(function (kv) {
      if (!kv) return;
      var p = kv.split('=');
      query[decodeURIComponent(p[0])] = decodeURIComponent((p[1] || '').replace(/\+/g, ' '));
    });
    h = h.slice(0, qi);
  }
  var parts = h.split('/').map(function (s) { return decodeURIComponent(s); });
  return { name: parts[0] || 'board', args: parts.slice(1), query: query };
}

CO.go = function go(hash) {
  if (location.hash === hash) CO.render();
  else location.hash = hash;
};

CO.render = async function render() {
  var route = parseHash(), gen = ++CO.state.gen;
  var view = document.getElementById('view');
  document.querySelectorAll('#tabs a').forEach(function (a) {
    var active = a.getAttribute('data-route') === route.name ||
      (route.name === 'company' && a.getAttribute('data-route') === 'board') ||
      ((route.name === 'briefing' || route.name === 'email') && a.getAttribute('data-route') === 'board');
    a.classList.toggle('active', active);
  });
  var fn = CO.views[route.name] || CO.views.board;
  var out = CO.el('section', { class: 'page page-' + route.name });
  CO.clear(view).appendChild(CO.el('div', { class: 'loading' }, 'Loading…'));
  try {
    await fn(out, route);
  } catch (e) {
    CO.clear(out).appendChild(CO.errorNotice(e, 'this view'));
  }
  if (gen !== CO.state.gen) return; /* the user moved on */
  CO.clear(view).appendChild(out);
  view.setAttribute('data-ready', route.name);
};

/* ---- header: accounts and token ------------------------------------------ */

async function loadAccounts() {
  var sel = CO.clear(document.getElementById('account'));
  try {
    var r = await CO.api('/api/accounts');
    CO.state.accounts = (r.items || []).map(function (a) { return a.account; });
  } catch (e) {
    CO.state.accounts = [];
    CO.state.accountsError = e;
  }
  var saved = localStorage.getItem(ACCOUNT_KEY);
  if (!CO.state.accounts.length) {
    sel.appendChild(CO.el('option', { value: '' }, '(none)'));
    CO.state.account = null;
    return;
  }
  CO.state.accountsError = null;
  CO.state.account = CO.state.accounts.indexOf(saved) >= 0 ? saved : CO.state.accounts[0];
  CO.state.accounts.forEach(function (a) {
    sel.appendChild(CO.el('option', { value: a, selected: a === CO.state.account }, a));
  });
}

function initHeader() {
  var tok = document.getElementById('token');
  tok.value = localStorage.getItem(TOKEN_KEY) || '';
  document.getElementById('token-form').addEventListener('submit', async function (ev) {
    ev.preventDefault();
    if (tok.value.trim()) localStorage.setItem(TOKEN_KEY, tok.value.trim());
    else localStorage.removeItem(TOKEN_KEY);
    await loadAccounts();
    CO.render();
  });
  document.getElementById('token-clear').addEventListener('click', async function () {
    tok.value = '';
    localStorage.removeItem(TOKEN_KEY);
    await loadAccounts();
    CO.render();
  });
  document.getElementById('account').addEventListener('change', function (ev) {
    CO.state.account = ev.target.value;
    localStorage.setItem(ACCOUNT_KEY, CO.state.account);
    CO.render();
  });
  document.getElementById('quicksearch').addEventListener('submit', function (ev) {
    ev.preventDefault();
    var q = document.getElementById('quicksearch-q').value.trim();
    if (q) CO.go('#/search?q=' + encodeURIComponent(q));
  });
}

async function start() {
  initHeader();
  await loadAccounts();
  window.addEventListener('hashchange', CO.render);
  await CO.render();
}

start();
})();
