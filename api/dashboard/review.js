/* review.js: the "Needs review" view: the emails the classifier was unsure
 * of (calibrated confidence below classify.review.threshold, or read as
 * other mail with signs of an interview or offer). One action per email:
 * Confirm keeps the label; a label picker (with company and role) fixes it.
 * The answer goes to POST .../review/{id}; the view polls the queue until
 * the email has left it, then redraws (the board shows the change too). */
(function () {
'use strict';

var CO = window.CO;
CO.views = CO.views || {};
var el = CO.el;
var LABELS = ['APPLIED', 'INTERVIEW', 'OFFER', 'REJECTION', 'OTHER'];

function sleep(ms) {
  return new Promise(function (res) { setTimeout(res, ms); });
}

async function answer(item, body, status, buttons) {
  buttons.forEach(function (b) { b.disabled = true; });
  status.textContent = 'Saving…';
  try {
    await CO.api(CO.acctPath('/review/' + encodeURIComponent(item.id)), { method: 'POST', json: body });
    for (var i = 0; i < 100; i++) { /* applied by the pipeline within moments */
      var r = await CO.api(CO.acctPath('/review'));
      if (!(r.items || []).some(function (x) { return x.id === item.id; })) break;
      await sleep(100);
    }
    CO.render();
  } catch (e) {
    status.textContent = 'Not saved: ' + e.message;
    buttons.forEach(function (b) { b.disabled = false; });
  }
}

function row(it) {
  var status = el('span', { class: 'review-status', role: 'status' });
  var pick = el('select', { class: 'review-label', 'aria-label': 'Label' }, LABELS.map(function (l) {
    return el('option', { value: l, selected: l === it.label }, l.charAt(0) + l.slice(1).toLowerCase());
  }));
  var company = el('input', { class: 'review-company', 'aria-label': 'Company', placeholder: 'Company' });
  var role = el('input', { class: 'review-role', 'aria-label': 'Role', placeholder: 'Role' });
  company.value = it.company || '';
  role.value = it.role || '';
  var confirm = el('button', { type: 'button', class: 'review-confirm' },
    'Confirm ' + it.label.charAt(0) + it.label.slice(1).toLowerCase());
  var fix = el('button', { type: 'button', class: 'review-fix secondary' }, 'Save');
  var buttons = [confirm, fix];
  confirm.addEventListener('click', function () { answer(it, { label: it.label }, status, buttons); });
  fix.addEventListener('click', function () {
    var body = { label: pick.value };
    if (company.value.trim() !== (it.company || '')) body.company = company.value.trim();
    if (role.value.trim() !== (it.role || '')) body.role = role.value.trim();
    answer(it, body, status, buttons);
  });
  var why = it.reason === 'other_with_evidence' ? 'read as other mail, but it may be about an interview or offer'
    : 'the classifier is unsure';
  return el('li', { class: 'review-item', 'data-id': it.id },
    el('div', { class: 'review-head' }, el('strong', null, it.subject || '(no subject)'), ' ',
      el('span', { class: 'muted' }, (it.from || '') + (it.date ? ' · ' + it.date.slice(0, 10) : ''))),
    el('p', { class: 'snippet' }, it.snippet || '', ' ', CO.mailRead(it.message_id, 'Read the whole email')),
    el('div', { class: 'review-meta' }, 'Read as ' + it.label + ' (' + Math.round((it.confidence || 0) * 100) + '%)' +
      (it.company ? ' · ' + it.company : '') + ' · ' + why),
    el('div', { class: 'review-actions' }, confirm, ' or ', pick, company, role, fix, status));
}

CO.views.review = async function review(out) {
  out.appendChild(el('h1', null, 'Needs review'));
  if (!CO.state.account) {
    out.appendChild(CO.state.accountsError ? CO.errorNotice(CO.state.accountsError, 'the review queue')
      : CO.notice('info', 'No account has mail yet.'));
    return;
  }
  var r = await CO.api(CO.acctPath('/review'));
  out.appendChild(el('p', { class: 'hint' }, 'Emails the classifier was unsure of. Confirm the label or pick the ' +
    'right one: your answer wins over the classifier, also after a reprocess, and teaches the next model ' +
    '(careerops train --with-corrections).'));
  if (!(r.items || []).length) {
    out.appendChild(CO.notice('info', 'Nothing needs review.'));
    return;
  }
  out.appendChild(el('ul', { class: 'review-list', id: 'review-list' }, r.items.map(row)));
};
})();
