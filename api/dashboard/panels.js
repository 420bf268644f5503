/* panels.js: upcoming interviews, stats (funnel, weekly chart, per-company
 * response times) and the dead-letter queue (search is search.js).
 *
 * Stage counts, weekly series, response rate and the median come from
 * /api/stats so the page agrees with the API; the funnel ("reached at least
 * this stage") and per-company response times need each application's stage
 * history, so they are computed here from the applications list. */
(function () {
'use strict';

var CO = window.CO || (window.CO = {});
CO.views = CO.views || {};

var el = CO.el;

function needAccount(out) {
  if (CO.state.account) return false;
  out.appendChild(CO.state.accountsError ? CO.errorNotice(CO.state.accountsError, 'accounts')
    : CO.notice('info', 'No account has data yet.'));
  return true;
}

/* ---- interviews ------------------------------------------------------------ */

CO.views.interviews = async function interviews(out) {
  if (needAccount(out)) return;
  var r = await CO.api(CO.acctPath('/interviews'));
  var items = r.items || [];
  var icsName = 'careerops-' + CO.state.account + '-interviews.ics';
  out.appendChild(el('div', { class: 'toolbar' },
    el('h1', null, 'Upcoming interviews'),
    el('span', { class: 'spacer' }),
    el('button', { type: 'button', id: 'ics-download', on: { click: async function (ev) {
      var b = ev.currentTarget;
      b.disabled = true;
      try {
        CO.download(icsName, await CO.api(CO.acctPath('/interviews.ics'), { blob: true, accept: 'text/calendar' }));
      } catch (e) {
        out.appendChild(CO.errorNotice(e, 'the calendar'));
      }
      b.disabled = false;
    } } }, 'Download .ics'),
    el('a', { class: 'muted small', href: CO.acctPath('/interviews.ics') }, 'calendar URL')));
  /* upcoming: future and not cancelled, soonest first (the API's order);
   * the rest below, most recent first, with the application's outcome */
  var upcoming = items.filter(function (i) { return i.upcoming && CO.isFuture(i.utc || i.at); });
  var past = items.filter(function (i) { return upcoming.indexOf(i) < 0; });
  out.appendChild(el('p', { class: 'muted small', id: 'interviews-zone' }, 'Times in ' + CO.zone));
  out.appendChild(el('p', { class: 'muted small', id: 'interviews-subscribe' },
    'Calendar apps can subscribe to ' + location.origin + '/calendar/TOKEN.ics, with TOKEN from ',
    el('code', null, 'careerops token create calendar:' + CO.state.account)));
  if (!upcoming.length) out.appendChild(CO.notice('info', 'No upcoming interviews.'));
  else out.appendChild(interviewTable('interviews', upcoming, false));
  if (past.length) {
    out.appendChild(el('h2', null, 'Past and cancelled'));
    out.appendChild(interviewTable('interviews-past', past, true));
  }
};

function interviewTable(id, items, withOutcome) {
  var head = [el('th', null, 'When'), el('th', null, 'Company'), el('th', null, 'Role'), el('th', null, 'Where')];
  if (withOutcome) head.push(el('th', null, 'Outcome'));
  return el('table', { class: 'table', id: id },
    el('thead', null, el('tr', null, head)),
    el('tbody', null, items.map(function (i) {
      var link = i.link || '';
      var where = /^https?:\/\//.test(link) ? el('a', { href: link, rel: 'noopener noreferrer', target: '_blank' },
        i.link_kind || 'link') : link || '—';
      if (i.location) where = el('span', null, i.location, link ? ' · ' : '', link ? where : null);
      var cells = [el('td', { class: 'when' }, CO.fmtDateTime(i.utc || i.at) + (i.minutes ? ' · ' + i.minutes + ' min' : '')),
        el('td', null, el('a', { href: '#/company/' + encodeURIComponent(i.company) }, i.company || '?')),
        el('td', null, i.role || '—'), el('td', null, where)];
      if (withOutcome) cells.push(el('td', null, i.status === 'cancelled' ? 'cancelled' : (i.outcome || '—').toLowerCase()));
      return el('tr', { 'data-application': i.application || '' }, cells);
    })));
}

/* ---- stats ------------------------------------------------------------------ */

function reached(app, stages) {
  if (stages.indexOf(app.stage) >= 0) return true;
  return (app.stages || []).some(function (s) { return stages.indexOf(s.stage) >= 0; });
}

/* Days from first_seen to the first non-APPLIED stage, or null. */
function daysToResponse(app) {
  var first = null;
  (app.stages || []).forEach(function (s) {
    if (s.stage !== 'APPLIED' && s.at && (!first || s.at < first)) first = s.at;
  });
  if (!first || !app.first_seen) return null;
  var d = (new Date(first) - new Date(app.first_seen)) / 86400000;
  return isNaN(d) ? null : Math.max(0, d);
}

function median(xs) {
  if (!xs.length) return null;
  var s = xs.slice().sort(function (a, b) { return a - b; }), h = s.length >> 1;
  return s.length % 2 ? s[h] : (s[h - 1] + s[h]) / 2;
}

var SANKEY_NODES = [
  { id: 'applied', label: 'Applied', col: 0, color: CO.COLORS.APPLIED },
  { id: 'interview', label: 'Interview', col: 1, color: CO.COLORS.INTERVIEW },
  { id: 'offer', label: 'Offer', col: 2, color: CO.COLORS.OFFER },
  { id: 'rejection', label: 'Rejection', col: 2, color: CO.COLORS.REJECTION },
  { id: 'interviewing', label: 'Still interviewing', col: 2, color: '#b9a4e6' },
  { id: 'waiting', label: 'No answer yet', col: 2, color: '#9aa4b2' }];

/* Each application is one path: applied -> [interview ->] its current end. */
function sankeyLinks(apps) {
  var n = {};
  var add = function (a, b) { n[a + '>' + b] = (n[a + '>' + b] || 0) + 1; };
  apps.forEach(function (a) {
    var end = { OFFER: 'offer', REJECTION: 'rejection', INTERVIEW: 'interviewing', APPLIED: 'waiting' }[a.stage] || 'waiting';
    if (reached(a, ['INTERVIEW'])) {
      add('applied', 'interview');
      add('interview', end === 'waiting' ? 'interviewing' : end);
    } else {
      add('applied', end);
    }
  });
  return Object.keys(n).map(function (k) {
    var p = k.split('>');
    return { source: p[0], target: p[1], value: n[k] };
  });
}

function tile(label, value, id) {
  return el('div', { class: 'tile', id: id }, el('div', { class: 'tile-value' }, value), el('div', { class: 'tile-label' }, label));
}

function chartPanel(svg, name) {
  return el('section', { class: 'panel chart-panel' },
    el('div', { class: 'chart-tools' }, el('span', { class: 'muted small' }, 'Export'),
      el('button', { type: 'button', class: 'secondary', on: { click: function () { CO.exportSvg(svg, name); } } }, 'SVG'),
      el('button', { type: 'button', class: 'secondary', on: { click: function () { CO.exportPng(svg, name); } } }, 'PNG')),
    svg);
}

CO.views.stats = async function stats(out) {
  if (needAccount(out)) return;
  var res = await Promise.all([CO.api('/api/stats' + CO.q({ account: CO.state.account })), CO.loadApplications()]);
  var st = res[0], apps = res[1], ps = st.per_stage || {};
  var total = CO.STAGES.reduce(function (a, s) { return a + (ps[s] || 0); }, 0);
  out.appendChild(el('div', { class: 'toolbar' }, el('h1', null, 'Stats')));
  out.appendChild(el('div', { class: 'tiles' },
    tile('Applications', String(total), 'tile-total'),
    tile('Response rate', st.response_rate === null || st.response_rate === undefined ? '—'
      : Math.round(st.response_rate * 100) + '%', 'tile-rate'),
    tile('Median days to response', st.median_days_to_response === null || st.median_days_to_response === undefined
      ? '—' : (Math.round(st.median_days_to_response * 10) / 10).toString(), 'tile-median'),
    tile('Companies', String(st.companies || 0), 'tile-companies'),
    CO.STAGES.map(function (s) { return tile(s.charAt(0) + s.slice(1).toLowerCase() + ' now', String(ps[s] || 0)); })));

  var funnel = [
    { label: 'APPLIED', count: apps.length },
    { label: 'INTERVIEW', count: apps.filter(function (a) { return reached(a, ['INTERVIEW', 'OFFER']); }).length },
    { label: 'OFFER', count: apps.filter(function (a) { return reached(a, ['OFFER']); }).length }];
  out.appendChild(el('div', { class: 'charts' },
    chartPanel(CO.weeklyChart(st.per_week || [], 'Applications and responses per week'), 'careerops-weekly'),
    chartPanel(CO.funnelChart(funnel, 'Funnel: applications that reached each stage'), 'careerops-funnel')));

  out.appendChild(chartPanel(CO.sankeyChart(SANKEY_NODES.map(function (n) { return Object.assign({}, n); }),
    sankeyLinks(apps), 'Where applications went'), 'careerops-sankey'));

  var byCompany = {};
  apps.forEach(function (a) {
    var c = byCompany[a.company] || (byCompany[a.company] = { apps: 0, responded: 0, days: [] });
    c.apps++;
    var d = daysToResponse(a);
    if (d !== null) { c.responded++; c.days.push(d); }
  });
  var names = Object.keys(byCompany).sort();
  out.appendChild(el('section', { class: 'panel' }, el('h2', null, 'Response by company'),
    el('table', { class: 'table', id: 'by-company' },
      el('thead', null, el('tr', null, ['Company', 'Applications', 'Responded', 'Median days'].map(function (h) {
        return el('th', null, h);
      }))),
      el('tbody', null, names.map(function (n) {
        var c = byCompany[n], md = median(c.days);
        return el('tr', null, el('td', null, el('a', { href: '#/company/' + encodeURIComponent(n) }, n)),
          el('td', null, String(c.apps)), el('td', null, String(c.responded)),
          el('td', null, md === null ? '—' : (Math.round(md * 10) / 10).toString()));
      })))));
};

/* ---- dead letters ------------------------------------------------------------- */

CO.views.dlq = async function dlq(out) {
  var showDismissed = el('input', { type: 'checkbox', id: 'dlq-show-dismissed' });
  out.appendChild(el('div', { class: 'toolbar' }, el('h1', null, 'Dead letters'), el('span', { class: 'spacer' }),
    el('label', { class: 'check' }, showDismissed, 'Show dismissed')));
  var tbody = el('tbody');
  var more = el('button', { type: 'button', class: 'secondary hidden' }, 'Load more');
  var cursor = null;
  function applyFilter() {
    tbody.querySelectorAll('tr.dismissed').forEach(function (tr) { tr.classList.toggle('hidden', !showDismissed.checked); });
  }
  showDismissed.addEventListener('change', applyFilter);

  /* A row's Replay and Dismiss: one POST each; the row says what happened. */
  function row(d) {
    var status = el('span', { class: 'muted' }, d.replayed ? 'replayed' : d.dismissed ? 'dismissed' : '');
    var tr;
    function action(verb, done) {
      return el('button', { type: 'button', class: verb === 'replay' ? 'small' : 'small secondary', 'data-action': verb,
        on: { click: async function (ev) {
          var btn = ev.currentTarget;
          btn.disabled = true;
          try {
            await CO.api('/api/dlq/' + encodeURIComponent(d.id) + '/' + verb, { method: 'POST' });
            CO.clear(status).appendChild(document.createTextNode(done));
            if (verb === 'dismiss') { tr.classList.add('dismissed'); applyFilter(); }
          } catch (e) {
            btn.disabled = false;
            CO.clear(status).appendChild(document.createTextNode(e.status === 401 || e.status === 403
              ? 'needs the admin token' : 'failed: ' + e.message));
          }
        } } }, verb === 'replay' ? 'Replay' : 'Dismiss');
    }
    var buttons = d.replayed ? [] : d.dismissed ? [action('replay', 'replayed')]
      : [action('replay', 'replayed'), ' ', action('dismiss', 'dismissed')];
    tr = el('tr', { class: d.dismissed && !d.replayed ? 'dismissed' : null, 'data-id': d.id },
      el('td', null, el('code', null, d.id)), el('td', null, CO.fmtDateTime(d.timestamp)),
      el('td', null, d.class || ''), el('td', null, d.error || ''), el('td', null, String(d.attempts || 0)),
      el('td', null, el('code', { class: 'preview' }, d.value_preview || '')),
      el('td', null, buttons.concat([' ', status])));
    return tr;
  }

  async function page() {
    var r = await CO.api('/api/dlq' + CO.q({ limit: 50, cursor: cursor }));
    (r.items || []).forEach(function (d) { tbody.appendChild(row(d)); });
    applyFilter();
    cursor = r.next_cursor;
    more.classList.toggle('hidden', !cursor);
    return (r.items || []).length;
  }

  var n;
  try {
    n = await page();
  } catch (e) {
    if (e.status === 401 || e.status === 403) {
      out.appendChild(CO.notice('warn', 'The dead-letter queue is for operators: paste the admin token ' +
        '(api.admin.token) in the token field above to see and replay dead letters.'));
      return;
    }
    throw e;
  }
  if (!n) {
    out.appendChild(CO.notice('info', 'No dead letters. Every record was processed.'));
    return;
  }
  more.addEventListener('click', async function () {
    more.disabled = true;
    try { await page(); } catch (e) { out.appendChild(CO.errorNotice(e, 'more dead letters')); }
    more.disabled = false;
  });
  out.appendChild(el('table', { class: 'table', id: 'dlq' },
    el('thead', null, el('tr', null, ['Id', 'When', 'Class', 'Error', 'Attempts', 'Value', ''].map(function (h) {
      return el('th', null, h);
    }))), tbody));
  out.appendChild(more);
};
})();
