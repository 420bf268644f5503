/* chart.js: the two SVG charts (weekly bars, funnel) and their export.
 *
 * Drawn by hand rather than with a chart library: the page ships inside the
 * binary and loads nothing from the network. Colours and fonts are SVG
 * attributes, not CSS classes, so an exported file looks the same outside the
 * page. Labels (week names, stage names) go in as text nodes via CO.svg. */
(function () {
'use strict';

var CO = window.CO || (window.CO = {});

CO.COLORS = { applications: '#3b6fd8', responses: '#e08a2c', APPLIED: '#3b6fd8', INTERVIEW: '#8a5cd8',
  OFFER: '#2f9e5b', REJECTION: '#c4474b' };

/* Smallest "nice" step (1, 2, 5 x 10^n) giving at most `ticks` intervals. */
function niceStep(max, ticks) {
  if (max <= 0) return 1;
  var raw = max / ticks, mag = Math.pow(10, Math.floor(Math.log10(raw)));
  var steps = [1, 2, 5, 10];
  for (var i = 0; i < steps.length; i++) if (steps[i] * mag >= raw) return Math.max(1, steps[i] * mag);
  return Math.max(1, 10 * mag);
}

/* weeks: [{week:'2025-W10', applications:n, responses:n}] -> <svg> */
CO.weeklyChart = function weeklyChart(weeks, title) {
  var W = 760, H = 280, m = { l: 40, r: 16, t: 40, b: 56 };
  var iw = W - m.l - m.r, ih = H - m.t - m.b, S = CO.svg;
  var max = 0;
  weeks.forEach(function (w) { max = Math.max(max, w.applications || 0, w.responses || 0); });
  var step = niceStep(max, 5), top = Math.max(step, Math.ceil(max / step) * step);
  var y = function (v) { return m.t + ih - (v / top) * ih; };
  var svg = S('svg', { xmlns: 'http://www.w3.org/2000/svg', width: W, height: H, viewBox: '0 0 ' + W + ' ' + H,
    'font-family': 'system-ui, sans-serif', 'font-size': 11, role: 'img', 'aria-label': title, class: 'chart' });
  svg.appendChild(S('rect', { x: 0, y: 0, width: W, height: H, fill: '#ffffff' }));
  svg.appendChild(S('text', { x: m.l, y: 18, 'font-size': 13, 'font-weight': 600, fill: '#1d2733' }, title));
  for (var v = 0; v <= top; v += step) {
    svg.appendChild(S('line', { x1: m.l, x2: W - m.r, y1: y(v), y2: y(v), stroke: '#e3e7ee' }));
    svg.appendChild(S('text', { x: m.l - 6, y: y(v) + 4, 'text-anchor': 'end', fill: '#5b6675' }, String(v)));
  }
  var n = Math.max(weeks.length, 1), band = iw / n, bw = Math.min(18, band * 0.38);
  var labelEvery = Math.ceil(n / 16);
  weeks.forEach(function (w, i) {
    var cx = m.l + band * i + band / 2;
    [['applications', -1], ['responses', 0]].forEach(function (s) {
      var val = w[s[0]] || 0;
      var r = S('rect', { x: cx + s[1] * bw, y: y(val), width: bw, height: Math.max(0, m.t + ih - y(val)),
        fill: CO.COLORS[s[0]], 'data-series': s[0], 'data-week': w.week });
      r.appendChild(S('title', null, w.week + ': ' + val + ' ' + s[0]));
      svg.appendChild(r);
    });
    if (i % labelEvery === 0)
      svg.appendChild(S('text', { x: cx, y: H - m.b + 16, 'text-anchor': 'end', fill: '#5b6675',
        transform: 'rotate(-35 ' + cx + ' ' + (H - m.b + 16) + ')' }, String(w.week)));
  });
  svg.appendChild(S('line', { x1: m.l, x2: W - m.r, y1: m.t + ih, y2: m.t + ih, stroke: '#9aa4b2' }));
  [['applications', 'Applications'], ['responses', 'Responses']].forEach(function (s, i) {
    var lx = W - m.r - 220 + i * 110;
    svg.appendChild(S('rect', { x: lx, y: 9, width: 12, height: 12, fill: CO.COLORS[s[0]] }));
    svg.appendChild(S('text', { x: lx + 17, y: 19, fill: '#1d2733' }, s[1]));
  });
  if (!weeks.length)
    svg.appendChild(S('text', { x: W / 2, y: H / 2, 'text-anchor': 'middle', fill: '#5b6675' }, 'No data yet'));
  return svg;
};

/* steps: [{label:'APPLIED', count:n}] -> horizontal funnel <svg> */
CO.funnelChart = function funnelChart(steps, title) {
  var W = 520, rowH = 40, m = { l: 90, r: 70, t: 36 }, H = m.t + steps.length * rowH + 12, S = CO.svg;
  var max = steps.reduce(function (a, s) { return Math.max(a, s.count); }, 0) || 1;
  var iw = W - m.l - m.r;
  var svg = S('svg', { xmlns: 'http://www.w3.org/2000/svg', width: W, height: H, viewBox: '0 0 ' + W + ' ' + H,
    'font-family': 'system-ui, sans-serif', 'font-size': 12, role: 'img', 'aria-label': title, class: 'chart' });
  svg.appendChild(S('rect', { x: 0, y: 0, width: W, height: H, fill: '#ffffff' }));
  svg.appendChild(S('text', { x: 12, y: 20, 'font-size': 13, 'font-weight': 600, fill: '#1d2733' }, title));
  steps.forEach(function (s, i) {
    var w = Math.max(2, (s.count / max) * iw), x = m.l + (iw - w) / 2, yy = m.t + i * rowH;
    svg.appendChild(S('text', { x: m.l - 10, y: yy + 21, 'text-anchor': 'end', fill: '#1d2733' }, s.label));
    svg.appendChild(S('rect', { x: x, y: yy + 4, width: w, height: rowH - 10, rx: 4,
      fill: CO.COLORS[s.label] || '#3b6fd8', 'data-stage': s.label }));
    var pct = i > 0 && steps[0].count ? ' (' + Math.round((100 * s.count) / steps[0].count) + '%)' : '';
    svg.appendChild(S('text', { x: W - m.r + 8, y: yy + 21, fill: '#1d2733' }, String(s.count) + pct));
  });
  return svg;
};

/* Sankey of where applications went. nodes: [{id, label, col, color}],
 * links: [{source, target, value}] (ids). Node height is its larger side
 * (in or out); links are bands stacked in order on both ends. */
CO.sankeyChart = function sankeyChart(nodes, links, title) {
  var W = 1220, H = 300, m = { l: 12, r: 150, t: 40, b: 12 }, nw = 14, pad = 18, S = CO.svg;
  var byId = {}, cols = [];
  nodes.forEach(function (n) {
    n.in = 0; n.out = 0; n.inY = 0; n.outY = 0;
    byId[n.id] = n;
    (cols[n.col] || (cols[n.col] = [])).push(n);
  });
  links = links.filter(function (l) { return l.value > 0; }).map(function (l) { return Object.assign({}, l); });
  links.forEach(function (l) { byId[l.source].out += l.value; byId[l.target].in += l.value; });
  var used = nodes.filter(function (n) { return n.in + n.out > 0; });
  var colTotals = cols.map(function (c) {
    return c.filter(function (n) { return n.in + n.out > 0; }).reduce(function (a, n) { return a + Math.max(n.in, n.out); }, 0);
  });
  var maxN = cols.map(function (c) { return c.filter(function (n) { return n.in + n.out > 0; }).length; });
  var scale = Infinity;
  colTotals.forEach(function (t, i) { if (t) scale = Math.min(scale, (H - m.t - m.b - pad * (maxN[i] - 1)) / t); });
  if (!isFinite(scale)) scale = 1;
  var colX = function (c) { return m.l + (c * (W - m.l - m.r - nw)) / Math.max(1, cols.length - 1); };
  cols.forEach(function (c) {
    var y = m.t;
    c.forEach(function (n) {
      if (n.in + n.out === 0) return;
      n.x = colX(n.col);
      n.y = y;
      n.h = Math.max(n.in, n.out) * scale;
      y += n.h + pad;
    });
  });
  var svg = S('svg', { xmlns: 'http://www.w3.org/2000/svg', width: W, height: H, viewBox: '0 0 ' + W + ' ' + H,
    'font-family': 'system-ui, sans-serif', 'font-size': 12, role: 'img', 'aria-label': title, class: 'chart' });
  svg.appendChild(S('rect', { x: 0, y: 0, width: W, height: H, fill: '#ffffff' }));
  svg.appendChild(S('text', { x: 12, y: 20, 'font-size': 13, 'font-weight': 600, fill: '#1d2733' }, title));
  /* bands leave a node in the order of their targets and enter in the
   * order of where they left, so they do not cross at the nodes */
  links.slice().sort(function (p, q) { return byId[p.target].y - byId[q.target].y; }).forEach(function (l) {
    l.y0 = byId[l.source].y + byId[l.source].outY;
    byId[l.source].outY += l.value * scale;
  });
  links.slice().sort(function (p, q) { return p.y0 - q.y0; }).forEach(function (l) {
    l.y1 = byId[l.target].y + byId[l.target].inY;
    byId[l.target].inY += l.value * scale;
  });
  links.forEach(function (l) {
    var a = byId[l.source], b = byId[l.target], h = l.value * scale;
    var x0 = a.x + nw, x1 = b.x, y0 = l.y0, y1 = l.y1, xm = (x0 + x1) / 2;
    var p = S('path', { d: 'M' + x0 + ',' + y0 + ' C' + xm + ',' + y0 + ' ' + xm + ',' + y1 + ' ' + x1 + ',' + y1 +
      ' L' + x1 + ',' + (y1 + h) + ' C' + xm + ',' + (y1 + h) + ' ' + xm + ',' + (y0 + h) + ' ' + x0 + ',' + (y0 + h) + ' Z',
    fill: b.color || '#9aa4b2', 'fill-opacity': 0.35, 'data-source': l.source, 'data-target': l.target,
    'data-value': l.value });
    p.appendChild(S('title', null, a.label + ' → ' + b.label + ': ' + l.value));
    svg.appendChild(p);
  });
  used.forEach(function (n) {
    svg.appendChild(S('rect', { x: n.x, y: n.y, width: nw, height: Math.max(1, n.h), fill: n.color || '#5b6675',
      'data-node': n.id }));
    svg.appendChild(S('text', { x: n.x + nw + 6, y: n.y + n.h / 2 + 4, fill: '#1d2733' },
      n.label + ' ' + Math.max(n.in, n.out)));
  });
  if (!links.length)
    svg.appendChild(S('text', { x: W / 2, y: H / 2, 'text-anchor': 'middle', fill: '#5b6675' }, 'No data yet'));
  return svg;
};

CO.svgText = function svgText(svg) {
  return '<?xml version="1.0" encoding="UTF-8"?>\n' + new XMLSerializer().serializeToString(svg);
};

CO.exportSvg = function exportSvg(svg, name) {
  CO.download(name + '.svg', CO.svgText(svg), 'image/svg+xml');
};

/* PNG: the SVG drawn on a canvas at 2x. The SVG is self-contained (no
 * external fonts or images), so the canvas is not tainted. */
CO.exportPng = function exportPng(svg, name) {
  var img = new Image(), w = +svg.getAttribute('width'), h = +svg.getAttribute('height');
  img.onload = function () {
    var c = document.createElement('canvas');
    c.width = w * 2;
    c.height = h * 2;
    var g = c.getContext('2d');
    g.scale(2, 2);
    g.drawImage(img, 0, 0, w, h);
    c.toBlob(function (b) { CO.download(name + '.png', b, 'image/png'); }, 'image/png');
  };
  img.src = 'data:image/svg+xml;charset=utf-8,' + encodeURIComponent(CO.svgText(svg));
};
})();
