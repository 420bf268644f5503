/* edit.js: manual corrections from the page (docs/dashboard.md, "Edit").
 *
 * An application's editor changes its stage, company or role, marks it "not
 * job-related" (hidden) or merges it into another application of the
 * account, through POST /api/accounts/{a}/applications/{key}/corrections.
 * The server answers 202 once the correction is recorded; the lists show it
 * when the pipeline has read it, so the editor polls the applications until
 * they agree (a few polls at most) before the view refreshes. Text from
 * email (company, role) only ever goes into text nodes and input values. */
(function () {
'use strict';

var CO = window.CO || (window.CO = {});
var el = CO.el;

/* The body for the changes made in the form, or null when nothing changed. */
function correctionOf(app, f) {
  var body = {}, set = {};
  if (f.stage.value !== app.stage) set.stage = f.stage.value;
  var company = f.company.value.trim(), role = f.role.value.trim();
  if (company && company !== (app.company || '')) set.company = company;
  if (role !== (app.role || '')) set.role = role;
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
  return Object.keys(set).every(function (k) { return (a[k] || '') === set[k]; });
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
    merge: el('select', { id: 'edit-merge', name: 'merge_into' }, el('option', { value: '' }, '(keep separate)'),
      apps.filter(function (a) { return a.key !== app.key; }).map(function (a) {
        return el('option', { value: a.key }, (a.company || '(unknown company)') + ' — ' + (a.role || '—') + ' (' + a.stage + ')');
      })),
  };
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
