/* search.js: the search view (#/search?q=...&mode=...&in=...).
 *
 * One query over the person's mail and briefings (/api/search). Email hits
 * are grouped by the application they belong to, in the order of each
 * group's best hit, under the application's company, role and stage now;
 * each email shows its date, sender, subject (a link to the email view)
 * and the matching passage with the query's words marked. A briefing hit
 * stands alone. Nothing found is said plainly: the API keeps a relevance
 * floor, so an off-topic query returns nothing rather than everything.
 *
 * The words are marked by splitting text into text nodes and <mark>
 * elements built with el(): mail text never becomes HTML. */
'use strict';

var CO = window.CO;
CO.views = CO.views || {};
var el = CO.el;

/* The query's words worth marking (3+ letters), lower case. */
function queryWords(q) {
  return (q.toLowerCase().match(/[\p{L}\p{N}]{3,}/gu) || []);
}

/* text with every word that starts with a query word in a <mark>. */
CO.marked = function marked(text, words) {
  var out = el('span', { class: 'snippet-text' });
  var re = /[\p{L}\p{N}]+|[^\p{L}\p{N}]+/gu, m, plain = '';
  text = String(text || '');
  while ((m = re.exec(text)) !== null) {
    var t = m[0], low = t.toLowerCase();
    var hit = /[\p{L}\p{N}]/u.test(t) && words.some(function (w) { return low.indexOf(w) === 0; });
    if (!hit) { plain += t; continue; }
    if (plain) out.appendChild(document.createTextNode(plain));
    plain = '';
    out.appendChild(el('mark', null, t));
  }
  if (plain) out.appendChild(document.createTextNode(plain));
  return out;
};

function stagePill(stage) {
  return stage ? el('span', { class: 'badge stage-' + stage.replace(/[^A-Z]/g, ''), title: 'stage now' }, stage) : null;
}

function emailRow(h, words) {
  return el('li', { class: 'result-mail' },
    el('div', { class: 'result-head' },
      el('span', { class: 'muted' }, CO.fmtDate(h.date)),
      el('span', { class: 'result-from' }, CO.mailWho(h.from)),
      h.email_id ? el('a', { href: '#/email/' + encodeURIComponent(h.email_id), class: 'result-subject' },
        h.subject || '(no subject)') : el('span', { class: 'result-subject' }, h.subject || '(no subject)'),
      h.type ? el('span', { class: 'pill', title: 'read as' }, h.type) : null),
    el('div', { class: 'snippet' }, CO.marked(h.snippet, words)));
}

/* Email hits grouped by application (an email of none is its own group),
 * briefings alone; the order of each group's best hit is kept. */
function groups(results) {
  var out = [], byApp = {};
  results.forEach(function (h) {
    if (h.kind === 'email' && h.application) {
      if (!byApp[h.application]) out.push(byApp[h.application] = { kind: 'application', hits: [] });
      byApp[h.application].hits.push(h);
    } else {
      out.push({ kind: h.kind === 'email' ? 'application' : 'briefing', hits: [h] });
    }
  });
  return out;
}

function groupItem(g, words) {
  var h = g.hits[0];
  var company = h.company ? el('a', { href: '#/company/' + encodeURIComponent(h.company), class: 'result-company' },
    h.company) : el('span', { class: 'result-company muted' }, 'No company');
  if (g.kind === 'briefing') {
    return el('li', { class: 'result result-briefing' },
      el('div', { class: 'result-head' }, company, el('span', { class: 'pill' }, 'Briefing'),
        el('span', { class: 'muted' }, CO.fmtDate(h.date))),
      el('div', { class: 'snippet' }, CO.marked(h.snippet, words)));
  }
  return el('li', { class: 'result result-app' },
    el('div', { class: 'result-head' }, company, h.role ? el('span', null, h.role) : null, stagePill(h.stage),
      h.exact_match ? el('span', { class: 'pill' }, 'name match') : null),
    el('ul', { class: 'result-mails' }, g.hits.map(function (x) { return emailRow(x, words); })));
}

CO.views.search = async function search(out, route) {
  var q = route.query.q || '', mode = route.query.mode || 'hybrid', scope = route.query['in'] || 'all';
  var input = el('input', { type: 'search', id: 'search-q', value: q, placeholder: 'e.g. "system design interview"',
    'aria-label': 'Search query' });
  var modeSel = el('select', { id: 'search-mode', 'aria-label': 'Search mode' }, ['hybrid', 'vector', 'bm25'].map(function (m) {
    return el('option', { value: m, selected: m === mode }, m);
  }));
  var inSel = el('select', { id: 'search-in', 'aria-label': 'Search in' }, [['all', 'Mail and briefings'],
    ['mail', 'Mail'], ['briefings', 'Briefings']].map(function (o) {
    return el('option', { value: o[0], selected: o[0] === scope }, o[1]);
  }));
  out.appendChild(el('div', { class: 'toolbar' }, el('h1', null, 'Search')));
  out.appendChild(el('form', { class: 'searchform', id: 'search-form', on: { submit: function (ev) {
    ev.preventDefault();
    CO.go('#/search' + CO.q({ q: input.value.trim(), mode: modeSel.value, 'in': inSel.value }));
  } } }, input, inSel, modeSel, el('button', { type: 'submit' }, 'Search')));
  if (!q) return;
  var r;
  try {
    r = await CO.api('/api/search' + CO.q({ q: q, k: 30, mode: mode, 'in': scope, account: CO.state.account }));
  } catch (e) {
    if (e.status === 503) {
      out.appendChild(CO.notice('warn', 'Search is not available on this server yet: ' + e.message));
      return;
    }
    throw e;
  }
  var results = r.results || [], words = queryWords(q);
  var mails = results.filter(function (h) { return h.kind === 'email'; }).length;
  out.appendChild(el('p', { class: 'muted', id: 'search-count' }, results.length ?
    mails + ' email' + (mails === 1 ? '' : 's') + ' and ' + (results.length - mails) + ' briefing' +
    (results.length - mails === 1 ? '' : 's') + ' for “' + q + '”' : 'Nothing matches “' + q + '”.'));
  out.appendChild(el('ol', { class: 'results', id: 'search-results' }, groups(results).map(function (g) {
    return groupItem(g, words);
  })));
};
