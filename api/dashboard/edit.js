/* edit.js: manual corrections from the page (docs/dashboard.md, "Edit").
 *
 * An application's editor changes its stage, company or role, its notes and
 * its interview (the time in the browser's zone, sent with that zone's
 * offset; length, call link, place), marks it "not job-related" (hidden) or
 * merges it into another application of the account, through
 * POST /api/accounts/{a}/applications/{key}/corrections.
 * The server answers 202 once the correction is recorded; the lists show it
 * when the pipeline has read it, so the editor polls the applications until
 * they agree (a few polls at most) before the view refreshes. Text from
 * email (company, role) only ever goes into text nodes and input values. */
(function () {
'use strict';

var CO = window.CO || (window.CO = {});
var el = CO.el;

function pad(n) { return (n < 10 ? '0' : '') + n; }

/* A datetime-local value ("2026-12-14T10:00") as ISO-8601 with the
 * browser's offset at that moment ("2026-12-14T10:00:00-05:00"). */
CO.localIso = function localIso(v) {
  var d = new Date(v);
  if (!v || isNaN(d.getTime())) return null;
  var off = -d.getTimezoneOffset(), sign = off < 0 ? '-' : '+';
  off = Math.abs(off);
  return v.slice(0, 16) + ':00' + sign + pad(Math.floor(off / 60)) + ':' + pad(off % 60);
};

/* An instant as the datetime-local value of the browser's zone. */
function localInput(s) {
  var d = s ? new Date(s) : null;
  if (!d || isNaN(d.getTime())) return '';
  return d.getFullYear() + '-' + pad(d.getMonth() + 1) + '-' + pad(d.getDate()) + 'T' + pad(d.getHours()) + ':' +
    pad(d.getMinutes());
}

/* The set.interview for the form's interview fields, or null when they
 * say what the application already says. */
function interviewOf(app, f) {
  var iv = app.interview || {};
  var at = CO.localIso(f.ivAt.value), mins = parseInt(f.ivMin.value, 10), link = f.ivLink.value.trim(),
    place = f.ivPlace.value.trim();
  if (!at) return null;
  var same = localInput(iv.utc || iv.at || app.next_interview) === f.ivAt.value &&
    (isNaN(mins) || mins === iv.minutes) && link === (iv.link || '') && place === (iv.location || '');
  if (same) return null;
  var out = { at: at };
  if (!isNaN(mins)) out.minutes = mins;
  if (link) out.link = link;
  if (place) out.location = place;
  return out;
}

/* The body for the changes made in the form, or null when nothing changed. */
function correctionOf(app, f) {
  var body = {}, set = {};
  if (f.stage.value !== app.stage) set.stage = f.stage.value;
  var company = f.company.value.trim(), role = f.role.value.trim(), notes = f.notes.value.trim();
  if (company && company !== (app.company || '')) set.company = company;
  if (role !== (app.role || '')) set.role = role;
  if (notes !== (app.notes || '')) set.notes = notes || null;
  var iv = interviewOf(app, f);
  if (iv) set.interview = iv;
  if (Object.keys(set).length) body.set = set;
  if (f.hide.checked) body.not_job_related = true;
  if (f.merge.value) body.merge_into = f.merge.value;
  return Object.keys(body).length ? body : null;
}

/* True once the account's applications show body applied to key. */
async function applied(key, body) {
  var apps = await CO.loadApplications();
  var a = apps.filter(function (x) { return x.key === key; })[0];
  if (body.not_job_related || body.merge_into) return !a;
  if (!a) return false;
  var set = body.set || {};
  return Object.keys(set).every(function (k) {
    if (k === 'interview') return !!a.interview && a.interview.at === set.interview.at;
    if (set[k] === null) return !a[k];
    return (a[k] || '') === set[k];
  });
}

async function waitApplied(key, body) {
  for (var i = 0; i < 40; i++) {
    if (await applied(key, body).catch(function () { return false; })) return true;
    await new Promise(function (r) { setTimeout(r, 250); });
  }
  return false;
}

/* Opens the editor of app before node anchor. apps: the account's
 * applications (merge targets). done(body) runs after the save shows. */
CO.openEditor = function openEditor(anchor, app, apps, done) {
  var old = document.getElementById('edit-panel');
  if (old) old.remove();
  var f = {
    stage: el('select', { id: 'edit-stage', name: 'stage' }, CO.STAGES.map(function (s) {
      return el('option', { value: s, selected: s === app.stage }, s.charAt(0) + s.slice(1).toLowerCase());
    })),
    company: el('input', { id: 'edit-company', name: 'company', type: 'text', value: app.company || '', maxlength: 127 }),
    role: el('input', { id: 'edit-role', name: 'role', type: 'text', value: app.role || '', maxlength: 127 }),
    hide: el('input', { id: 'edit-hide', name: 'not_job_related', type: 'checkbox' }),
    notes: el('textarea', { id: 'edit-notes', name: 'notes', rows: 3, maxlength: 4000,
      placeholder: 'Notes: who you talked to, what to prepare…' }),
    ivAt: el('input', { id: 'edit-iv-at', name: 'interview_at', type: 'datetime-local' }),
    ivMin: el('input', { id: 'edit-iv-minutes', name: 'interview_minutes', type: 'number', min: 5, max: 480, step: 5 }),
    ivLink: el('input', { id: 'edit-iv-link', name: 'interview_link', type: 'url', maxlength: 1000,
      placeholder: 'https://…' }),
    ivPlace: el('input', { id: 'edit-iv-place', name: 'interview_location', type: 'text', maxlength: 300,
      placeholder: 'Room, address or phone' }),
    merge: el('select', { id: 'edit-merge', name: 'merge_into' }, el('option', { value: '' }, '(keep separate)'),
      apps.filter(function (a) { return a.key !== app.key; }).map(function (a) {
        return el('option', { value: a.key }, (a.company || '(unknown company)') + ' — ' + (a.role || '—') + ' (' + a.stage + ')');
      })),
  };
  var iv0 = app.interview || {};
  f.notes.value = app.notes || '';
  f.ivAt.value = localInput(iv0.utc || iv0.at || app.next_interview);
  if (iv0.minutes) f.ivMin.value = String(iv0.minutes);
  f.ivLink.value = iv0.link || '';
  f.ivPlace.value = iv0.location || '';
  var status = el('div', { class: 'edit-status', id: 'edit-status', role: 'status' });
  var save = el('button', { type: 'submit', id: 'edit-save' }, 'Save correction');
  var form = el('form', { class: 'panel edit-panel', id: 'edit-panel', 'data-key': app.key },
    el('h2', null, 'Correct: ', app.company || '(unknown company)', ' — ', app.role || '—'),
    el('div', { class: 'edit-grid' },
      el('label', null, 'Stage ', f.stage),
      el('label', null, 'Company ', f.company),
      el('label', null, 'Role ', f.role),
      el('label', { class: 'check' }, f.hide, ' Not job-related (hide)'),
      el('label', null, 'Merge into… ', f.merge)),
    el('fieldset', { class: 'edit-interview' }, el('legend', null, 'Interview (your time zone)'),
      el('label', null, 'When ', f.ivAt),
      el('label', null, 'Minutes ', f.ivMin),
      el('label', null, 'Call link ', f.ivLink),
      el('label', null, 'Place ', f.ivPlace)),
    el('label', { class: 'edit-notes' }, 'Notes ', f.notes),
    el('div', { class: 'edit-actions' }, save,
      el('button', { type: 'button', class: 'secondary', on: { click: function () { form.remove(); } } }, 'Cancel'),
      status));
  form.addEventListener('submit', async function (ev) {
    ev.preventDefault();
    var body = correctionOf(app, f);
    CO.clear(status);
    if (!body) {
      status.appendChild(document.createTextNode('Nothing changed.'));
      return;
    }
    save.disabled = true;
    status.appendChild(document.createTextNode('Saving…'));
    try {
      await CO.api(CO.acctPath('/applications/' + encodeURIComponent(app.key) + '/corrections'),
        { method: 'POST', json: body });
    } catch (e) {
      save.disabled = false;
      CO.clear(status).appendChild(CO.notice('error', 'Not saved: ' + e.message));
      return;
    }
    CO.clear(status).appendChild(document.createTextNode('Saved; updating…'));
    await waitApplied(app.key, body);
    done(body);
  });
  anchor.parentNode.insertBefore(form, anchor);
  f.stage.focus();
  return form;
};
})();
