/* dom.js: the only way the dashboard builds DOM.
 *
 * Everything shown here comes from email (subjects, company names, snippets)
 * and is attacker-controlled, so no code path takes HTML from data: el()
 * turns string children into text nodes, attributes are set one by one with
 * setAttribute (never "on*" handlers, never innerHTML), and URLs from data go
 * through safeUrl() which only lets http(s) and mailto through. Event
 * handlers are passed as functions under the "on" key. */
'use strict';

var CO = window.CO || (window.CO = {});

/* el('div', {class: 'card', on: {click: fn}}, 'text', childNode, [more]) */
CO.el = function el(tag, attrs) {
  var node = document.createElement(tag);
  CO.setAttrs(node, attrs);
  for (var i = 2; i < arguments.length; i++) CO.append(node, arguments[i]);
  return node;
};

/* SVG elements need their namespace; same rules as el(). */
CO.svg = function svg(tag, attrs) {
  var node = document.createElementNS('http://www.w3.org/2000/svg', tag);
  CO.setAttrs(node, attrs);
  for (var i = 2; i < arguments.length; i++) CO.append(node, arguments[i]);
  return node;
};

CO.setAttrs = function setAttrs(node, attrs) {
  if (!attrs) return;
  Object.keys(attrs).forEach(function (k) {
    var v = attrs[k];
    if (v === null || v === undefined || v === false) return;
    if (k === 'on') {
      Object.keys(v).forEach(function (ev) { node.addEventListener(ev, v[ev]); });
      return;
    }
    if (/^on/i.test(k)) throw new Error('inline handler attribute refused: ' + k);
    if (k === 'href' || k === 'src') v = CO.safeUrl(v);
    node.setAttribute(k, v === true ? '' : String(v));
  });
};

/* Strings and numbers become text nodes; arrays are flattened; null skipped. */
CO.append = function append(node, child) {
  if (child === null || child === undefined || child === false) return;
  if (Array.isArray(child)) {
    child.forEach(function (c) { append(node, c); });
    return;
  }
  if (typeof child === 'string' || typeof child === 'number') {
    node.appendChild(document.createTextNode(String(child)));
    return;
  }
  node.appendChild(child);
};

CO.clear = function clear(node) {
  while (node.firstChild) node.removeChild(node.firstChild);
  return node;
};

/* Relative links (ours) pass; absolute ones only with a harmless scheme. */
CO.safeUrl = function safeUrl(u) {
  u = String(u);
  if (/^(\/|#|\.\/)/.test(u) && !/^\/\//.test(u)) return u;
  if (/^(https?:|mailto:|blob:)/i.test(u)) return u;
  return '#';
};

/* Saves text or a Blob as a file in the browser (no server round trip). */
CO.download = function download(name, data, type) {
  var blob = data instanceof Blob ? data : new Blob([data], { type: type || 'application/octet-stream' });
  var url = URL.createObjectURL(blob);
  var a = CO.el('a', { href: url, download: name, class: 'hidden' });
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(function () { URL.revokeObjectURL(url); }, 1000);
};

CO.fmtDate = function fmtDate(s) {
  if (!s) return '—';
  var d = new Date(s);
  if (isNaN(d.getTime())) return String(s);
  return d.toISOString().slice(0, 10);
};

/* The browser's time zone (IANA name), which every time is shown in. */
CO.zone = (function () {
  try { return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC'; } catch (e) { return 'UTC'; }
}());

/* A date alone ("2026-12-10") is a calendar day, not an instant. */
CO.isDateOnly = function isDateOnly(s) { return /^\d{4}-\d{2}-\d{2}$/.test(String(s || '')); };

/* An instant in the browser's zone with the zone's short name ("Mon, Dec 14,
 * 2026, 7:00 AM PST"); a date alone as that day. */
CO.fmtDateTime = function fmtDateTime(s) {
  if (!s) return '—';
  if (CO.isDateOnly(s)) {
    return new Intl.DateTimeFormat(undefined, { timeZone: 'UTC', weekday: 'short', year: 'numeric', month: 'short',
      day: 'numeric' }).format(new Date(s + 'T12:00:00Z')) + ' (time not given)';
  }
  var d = new Date(s);
  if (isNaN(d.getTime())) return String(s);
  return new Intl.DateTimeFormat(undefined, { weekday: 'short', year: 'numeric', month: 'short', day: 'numeric',
    hour: 'numeric', minute: '2-digit', timeZoneName: 'short' }).format(d);
};

/* Whether an interview time is still ahead (a date alone: through that day). */
CO.isFuture = function isFuture(s) {
  if (!s) return false;
  var t = CO.isDateOnly(s) ? Date.parse(s + 'T00:00:00Z') + 86400000 : Date.parse(s);
  return !isNaN(t) && t > Date.now();
};
