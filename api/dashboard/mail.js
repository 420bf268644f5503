/* mail.js: the email view (#/email/<id>): a message read in CareerOps
 * itself, whatever mailbox it came from: headers, what it was read as and
 * its application, the attachments by name, and the text. Everything from
 * the mail is set as text (CO.el), never as markup: the body is the plain
 * text ingest made of it. "Open in Gmail" only for mail that came from
 * Gmail (the API sends gmail_url then). */
(function () {
'use strict';

var CO = window.CO;
CO.views = CO.views || {};
var el = CO.el;

/* The API's id of a Message-ID: URL-safe base64 of its UTF-8 bytes, no padding. */
CO.mailId = function mailId(messageId) {
  var bytes = new TextEncoder().encode(String(messageId || '').replace(/^<|>$/g, ''));
  var bin = '';
  bytes.forEach(function (b) { bin += String.fromCharCode(b); });
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
};

/* A link to the email view, for the timeline and the review queue. */
CO.mailRead = function mailRead(messageId, label) {
  if (!messageId) return null;
  return el('a', { class: 'mail-read', href: '#/email/' + CO.mailId(messageId) }, label || 'Read email');
};

function who(a) {
  if (!a) return '';
  if (a.name && a.address) return a.name + ' <' + a.address + '>';
  return a.name || a.address || '';
}

/* A sender as the email view shows it, for search results too. */
CO.mailWho = who;

function sizeText(n) {
  if (typeof n !== 'number') return '';
  if (n < 1024) return n + ' B';
  if (n < 1024 * 1024) return Math.round(n / 1024) + ' KB';
  return (n / 1024 / 1024).toFixed(1) + ' MB';
}

function headerRow(name, value) {
  if (!value) return null;
  return el('div', { class: 'mail-hdr' }, el('dt', null, name), el('dd', null, value));
}

CO.views.email = async function email(out, route) {
  var id = route.args[0] || '';
  var back = el('a', { href: '#', class: 'back' }, '← Back');
  back.addEventListener('click', function (e) { e.preventDefault(); history.back(); });
  var m;
  try {
    m = await CO.api(CO.acctPath('/emails/' + encodeURIComponent(id)));
  } catch (e) {
    if (e.status !== 404) throw e;
    out.appendChild(el('div', { class: 'toolbar' }, back, el('h1', null, 'Email')));
    out.appendChild(CO.notice('info', 'This email is not stored in CareerOps: ' + e.message));
    return;
  }
  out.appendChild(el('div', { class: 'toolbar' }, back, el('h1', { class: 'mail-subject' }, m.subject || '(no subject)'),
    el('span', { class: 'spacer' }),
    m.gmail_url ? el('a', { class: 'button secondary', href: CO.safeUrl(m.gmail_url), target: '_blank',
      rel: 'noopener noreferrer' }, 'Open in Gmail') : null));
  var read = m.classified_as ? 'Read as ' + m.classified_as +
    (typeof m.confidence === 'number' ? ' (' + Math.round(m.confidence * 100) + '%)' : '') : '';
  out.appendChild(el('dl', { class: 'mail-headers' },
    headerRow('From', who(m.from)),
    headerRow('To', (m.to || []).map(who).join(', ')),
    headerRow('Cc', (m.cc || []).map(who).join(', ')),
    headerRow('Date', m.date ? CO.fmtDateTime(m.date) : ''),
    headerRow('Classified', read),
    m.company ? el('div', { class: 'mail-hdr' }, el('dt', null, 'Company'),
      el('dd', null, el('a', { href: '#/company/' + encodeURIComponent(m.company) }, m.company),
        m.role ? ' · ' + m.role : '')) : null,
    headerRow('Message-ID', m.message_id)));
  var att = m.attachments || [];
  if (att.length)
    out.appendChild(el('section', { class: 'panel mail-attachments' }, el('h2', null, 'Attachments'),
      el('ul', null, att.map(function (a) {
        return el('li', null, a.name || '(unnamed)', el('span', { class: 'muted' },
          ' · ' + (a.type || '?') + (sizeText(a.size) ? ' · ' + sizeText(a.size) : '')));
      })),
      el('p', { class: 'muted' }, 'Attachments are listed, not kept: open them in your mail client.')));
  out.appendChild(relabelForm(id, m));
  out.appendChild(el('pre', { class: 'mail-text' }, m.text || ''));
  if (m.truncated) out.appendChild(CO.notice('info', 'This email is longer than CareerOps keeps; the rest is in your mailbox.'));
};

/* "Read it differently": the person's label, company and role for this
 * email (POST .../review/{id}, the review queue's answer, which takes any
 * stored email): an invitation read as OTHER becomes an application, an
 * email moves to the application its company and role name. */
function relabelForm(id, m) {
  var label = el('select', { id: 'mail-label', 'aria-label': 'What this email is' },
    ['APPLIED', 'INTERVIEW', 'OFFER', 'REJECTION', 'OTHER'].map(function (l) {
      return el('option', { value: l, selected: l === m.classified_as }, l);
    }));
  var company = el('input', { id: 'mail-company', value: m.company || '', placeholder: 'Company', 'aria-label': 'Company' });
  var role = el('input', { id: 'mail-role', value: m.role || '', placeholder: 'Role', 'aria-label': 'Role' });
  var status = el('span', { class: 'muted', id: 'mail-relabel-status', role: 'status' });
  var form = el('form', { class: 'mail-relabel', id: 'mail-relabel', on: { submit: async function (ev) {
    ev.preventDefault();
    var body = { label: label.value };
    if (company.value.trim()) body.company = company.value.trim();
    if (role.value.trim()) body.role = role.value.trim();
    status.textContent = 'Saving…';
    try {
      await CO.api(CO.acctPath('/review/' + encodeURIComponent(id)), { method: 'POST', json: body });
      status.textContent = 'Saved: the board shows it in a moment.';
    } catch (e) {
      status.textContent = 'Not saved: ' + e.message;
    }
  } } }, el('span', null, 'Read it as'), label, company, role, el('button', { type: 'submit' }, 'Save'), status);
  return el('section', { class: 'panel' }, form);
}
})();
