/* board.js: the pipeline board, a company's timeline, its briefing, and the
 * CSV/JSON export of applications.
 *
 * The board shows one card per application (the API already folds emails
 * into applications), in the column of its current stage. Filtering by
 * company is done on the loaded list, so typing does not hit the server.
 * CSV cells that start with = + - @ get a leading apostrophe: the data is
 * email text and a spreadsheet would otherwise run it as a formula. Each
 * card and each application of a timeline has an Edit button (edit.js). */
(function () {
'use strict';

var CO = window.CO || (window.CO = {});
CO.views = CO.views || {};

var el = CO.el;

function companyHash(company) {
  return '#/company/' + encodeURIComponent(company);
}

function editButton(app, onClick) {
  return el('button', { type: 'button', class: 'small secondary card-edit', 'data-key': app.key,
    'aria-label': 'Edit ' + (app.company || 'application'), on: { click: function (ev) {
      ev.preventDefault();
      ev.stopPropagation();
      onClick(app);
    } } }, 'Edit');
}

/* After a correction: a changed company, a hidden or merged application
 * leaves this company's timeline, so the board is the place to look. */
function afterEdit(body, onTimeline) {
  if (onTimeline && (body.not_job_related || body.merge_into || (body.set && body.set.company))) CO.go('#/board');
  else CO.render();
}

function card(app) {
  return el('a', { class: 'card', href: companyHash(app.company), 'data-stage': app.stage, 'data-key': app.key,
    'data-company': app.company },
  el('div', { class: 'card-company' }, app.company || '(unknown company)'),
  el('div', { class: 'card-role' }, app.role || '—'),
  el('div', { class: 'card-meta' },
    el('span', null, 'Last contact ' + CO.fmtDate(app.last_contact)),
    el('span', { class: 'pill' }, String(app.emails || 0) + (app.emails === 1 ? ' email' : ' emails'))),
  CO.isFuture(app.next_interview) /* the next upcoming interview, never a past one */
    ? el('div', { class: 'card-next' }, 'Interview ' + CO.fmtDateTime(app.next_interview)) : null);
}

var CSV_COLS = ['account', 'company', 'role', 'stage', 'first_seen', 'last_contact', 'next_interview', 'emails', 'key'];

function csvCell(v) {
  var s = v === null || v === undefined ? '' : String(v);
  if (/^[=+\-@\t\r]/.test(s)) s = "'" + s;
  return /[",\r\n]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s;
}

CO.applicationsCsv = function applicationsCsv(apps) {
  var lines = [CSV_COLS.join(',')];
  apps.forEach(function (a) { lines.push(CSV_COLS.map(function (c) { return csvCell(a[c]); }).join(',')); });
  return lines.join('\r\n') + '\r\n';
};

/* "Add application": one no email names (a website form, a referral, a
 * call). POST .../applications, then the board is drawn again once the
 * classify processor has folded it (a few polls). */
function addApplicationForm(apps) {
  var company = el('input', { id: 'add-company', placeholder: 'Company', 'aria-label': 'Company', required: true });
  var role = el('input', { id: 'add-role', placeholder: 'Role', 'aria-label': 'Role' });
  var stage = el('select', { id: 'add-stage', 'aria-label': 'Stage' }, CO.STAGES.map(function (s) {
    return el('option', { value: s }, s);
  }));
  var date = el('input', { id: 'add-date', type: 'date', 'aria-label': 'Date' });
  var status = el('span', { class: 'muted', id: 'add-status', role: 'status' });
  return el('form', { class: 'panel add-app hidden', id: 'add-app', on: { submit: async function (ev) {
    ev.preventDefault();
    var body = { company: company.value.trim(), stage: stage.value };
    if (role.value.trim()) body.role = role.value.trim();
    if (date.value) body.date = date.value;
    status.textContent = 'Saving…';
    try {
      await CO.api(CO.acctPath('/applications'), { method: 'POST', json: body });
    } catch (e) {
      status.textContent = 'Not saved: ' + e.message;
      return;
    }
    var before = apps.length;
    for (var i = 0; i < 20; i++) { /* folded within a second or two */
      await new Promise(function (r) { setTimeout(r, 250); });
      if ((await CO.loadApplications()).length > before) break;
    }
    CO.render();
  } } }, company, role, stage, date, el('button', { type: 'submit' }, 'Add'), status);
}

CO.views.board = async function board(out) {
  if (!CO.state.account) {
    out.appendChild(CO.state.accountsError ? CO.errorNotice(CO.state.accountsError, 'accounts')
      : CO.notice('info', 'No applications yet. Import an mbox (`careerops import`) or connect IMAP.'));
    return;
  }
  var apps = await CO.loadApplications();
  var filter = el('input', { type: 'search', placeholder: 'Filter by company…', class: 'filter', id: 'board-filter',
    'aria-label': 'Filter by company' });
  var hideClosed = el('input', { type: 'checkbox', id: 'board-active' });
  var cols = el('div', { class: 'board', id: 'board' });
  var toolbar = el('div', { class: 'toolbar' },
    el('h1', null, 'Pipeline'),
    filter,
    el('label', { class: 'check' }, hideClosed, ' Active only'),
    el('span', { class: 'spacer' }),
    el('button', { type: 'button', id: 'board-add', on: { click: function () {
      addForm.classList.toggle('hidden');
      if (!addForm.classList.contains('hidden')) addForm.querySelector('input').focus();
    } } }, 'Add application'),
    el('button', { type: 'button', class: 'secondary', on: { click: function () {
      CO.download('applications-' + CO.state.account + '.csv', CO.applicationsCsv(apps), 'text/csv');
    } } }, 'Export CSV'),
    el('button', { type: 'button', class: 'secondary', on: { click: function () {
      CO.download('applications-' + CO.state.account + '.json', JSON.stringify(apps, null, 2), 'application/json');
    } } }, 'Export JSON'));

  var addForm = addApplicationForm(apps);

  function draw() {
    var f = filter.value.trim().toLowerCase();
    CO.clear(cols);
    CO.STAGES.forEach(function (stage) {
      if (hideClosed.checked && (stage === 'REJECTION' || stage === 'OFFER')) return;
      var mine = apps.filter(function (a) {
        return a.stage === stage && (!f || String(a.company || '').toLowerCase().indexOf(f) >= 0);
      });
      mine.sort(function (a, b) { return String(b.last_contact).localeCompare(String(a.last_contact)); });
      cols.appendChild(el('div', { class: 'column', 'data-stage': stage },
        el('h2', null, el('span', { class: 'dot stage-' + stage }), stage.charAt(0) + stage.slice(1).toLowerCase(),
          el('span', { class: 'count' }, String(mine.length))),
        el('div', { class: 'cards' }, mine.length ? mine.map(function (a) {
          return el('div', { class: 'card-wrap' }, card(a), editButton(a, edit));
        }) : el('div', { class: 'empty' }, 'Nothing here'))));
    });
  }
  function edit(app) {
    CO.openEditor(cols, app, apps, function (body) { afterEdit(body, false); });
  }
  filter.addEventListener('input', draw);
  hideClosed.addEventListener('change', draw);
  draw();
  out.appendChild(toolbar);
  out.appendChild(addForm);
  if (!apps.length) out.appendChild(CO.notice('info', 'No applications for ' + CO.state.account + ' yet.'));
  out.appendChild(cols);
};

function stageBadge(stage) {
  return el('span', { class: 'badge stage-' + stage }, stage || '?');
}

function mailLink(messageId) {
  if (!messageId) return null;
  return el('span', { class: 'msgid' }, CO.mailRead(messageId), el('code', { title: 'Message-ID' }, String(messageId)));
}

CO.views.company = async function company(out, route) {
  var name = route.args[0] || '';
  var r = await CO.api(CO.acctPath('/companies/' + encodeURIComponent(name)));
  out.appendChild(el('div', { class: 'toolbar' },
    el('a', { href: '#/board', class: 'back' }, '← Board'),
    el('h1', null, r.company || name),
    el('span', { class: 'spacer' }),
    el('a', { class: 'button secondary', href: '#/briefing/' + encodeURIComponent(r.company || name) }, 'Briefing')));
  var apps = r.applications || [];
  var summary = el('div', { class: 'apps-summary' }, apps.map(function (a) {
    return el('div', { class: 'app-chip' }, stageBadge(a.stage), ' ', a.role || '—',
      el('span', { class: 'muted' }, ' · first seen ' + CO.fmtDate(a.first_seen) + ' · ' + (a.emails || 0) + (a.emails === 1 ? ' email' : ' emails')),
      a.notes ? el('div', { class: 'app-notes' }, a.notes) : null,
      ' ', editButton(a, async function (app) {
        var all = await CO.loadApplications().catch(function () { return apps; });
        CO.openEditor(summary, app, all, function (body) { afterEdit(body, true); });
      }));
  }));
  out.appendChild(summary);
  var events = (r.events || []).slice().sort(function (a, b) { return String(a.at).localeCompare(String(b.at)); });
  out.appendChild(el('ol', { class: 'timeline', id: 'timeline' }, events.map(function (ev) {
    return el('li', { class: 'event' },
      el('div', { class: 'event-when' }, CO.fmtDateTime(ev.at)),
      el('div', { class: 'event-body' },
        el('div', null, stageBadge(ev.stage), ' ', el('span', { class: 'event-role' }, ev.role || '')),
        el('div', { class: 'event-subject' }, ev.subject || '(no subject)'),
        mailLink(ev.message_id)));
  })));
  if (!events.length) out.appendChild(CO.notice('info', 'No events for this company.'));
};

function section(title) {
  var body = Array.prototype.slice.call(arguments, 1);
  return el('section', { class: 'panel' }, el('h2', null, title), body);
}

CO.views.briefing = async function briefing(out, route) {
  var name = route.args[0] || '';
  out.appendChild(el('div', { class: 'toolbar' },
    el('a', { href: companyHash(name), class: 'back' }, '← Timeline'),
    el('h1', null, 'Briefing: ' + name)));
  var b;
  try {
    b = await CO.api('/api/companies/' + encodeURIComponent(name) + '/briefing');
  } catch (e) {
    if (e.status === 503) {
      out.appendChild(CO.notice('warn', 'Briefings are not available on this server yet: ' + e.message));
      return;
    }
    if (e.status !== 404) throw e;
    out.appendChild(CO.notice('info', 'No briefing for ' + name + ' yet: one is written when research runs for a company ' +
      'you have an application with.'));
    return;
  }
  out.appendChild(el('p', { class: 'muted' }, 'Updated ' + CO.fmtDateTime(b.updated_at) +
    (b.source ? ' · source: ' + b.source : '')));
  if (b.summary) out.appendChild(section('Summary', el('p', { class: 'prose' }, b.summary)));
  if (b.next_interview) out.appendChild(section('Next interview', el('p', null, CO.fmtDateTime(b.next_interview))));
  if (b.role_notes) out.appendChild(section('Role notes', el('p', { class: 'prose' }, b.role_notes)));
  if (b.interviewers && b.interviewers.length)
    out.appendChild(section('Interviewers', el('ul', null, b.interviewers.map(function (i) {
      return el('li', null, typeof i === 'string' ? i : [i.name, i.title].filter(Boolean).join(' — ') || JSON.stringify(i));
    }))));
  if (b.news && b.news.length)
    out.appendChild(section('News', el('ul', { class: 'news' }, b.news.map(function (n) {
      return el('li', null,
        n.url ? el('a', { href: n.url, target: '_blank', rel: 'noopener noreferrer' }, n.title || n.url) : n.title,
        n.published ? el('span', { class: 'muted' }, ' · ' + CO.fmtDate(n.published)) : null,
        n.snippet ? el('div', { class: 'snippet' }, n.snippet) : null);
    }))));
  if (b.history && b.history.length)
    out.appendChild(section('History', el('table', { class: 'table' },
      el('thead', null, el('tr', null, ['When', 'Account', 'Role', 'Stage', 'Subject', ''].map(function (h) {
        return el('th', null, h);
      }))),
      el('tbody', null, b.history.map(function (h) {
        return el('tr', null, el('td', null, CO.fmtDate(h.at)), el('td', null, h.account || ''),
          el('td', null, h.role || ''), el('td', null, stageBadge(h.stage)), el('td', null, h.subject || ''),
          el('td', null, mailLink(h.message_id)));
      })))));
  if (b.text) out.appendChild(section('Full text', el('pre', { class: 'prose pre' }, b.text)));
};
})();
