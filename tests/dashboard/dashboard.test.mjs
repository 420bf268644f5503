// dashboard.test.mjs: the dashboard in a real browser against a real server.
//
// Starts `careerops run` (embedded mode, fresh state.dir, API on a free
// loopback port) on the shipped sample inbox plus one email whose subject
// carries <script> and <img onerror> payloads, waits for /ready, then drives
// Debian's chromium (headless, fresh profile) through playwright-core:
//   - the board's columns hold as many cards as /api/stats counts per stage;
//   - a card opens the company's timeline, whose events link to the source
//     email by Message-ID; Read email shows that email in the dashboard
//     (subject, sender, the whole text as the API has it; no Gmail link
//     for imported mail), the hostile one with its subject as text;
//   - the hostile subject shows as text and never runs (window.__xss unset,
//     no <img> in the document);
//   - a search from the header shows the results /api/search returns (SKIP
//     while the endpoint answers 503: no index wired in);
//   - stats, interviews and the DLQ view render; with the admin token a
//     dead letter's Dismiss hides it, also after a reload, and "Show
//     dismissed" lists it again;
//   - at 390 and 360 px every view fits the screen (no sideways scroll)
//     with the search box, account picker and token field on it;
//   - a card's Edit → stage select → Save moves the card to the new column
//     after the refresh (a correction through the API), and it is still
//     there after a restart of the same state; the editor sets an interview
//     (the browser's time with its offset, length, place) and notes, which
//     show on the timeline as text;
//   - sign-in is the URL `careerops run` prints (/?token=<session secret>):
//     it leaves the address bar and sets an HttpOnly SameSite=Strict cookie;
//   - CSRF: a page served from another origin (another port of 127.0.0.1,
//     so the cookie does go along) POSTs a correction with a no-cors fetch
//     (text/plain and form-encoded) and an HTML form: every one is refused
//     (403/415) and the application is unchanged;
// and fails on any uncaught page error or console error other than the
// network errors of the two endpoints allowed to be unavailable.
// Saves $CO_BINARY_DIR/dashboard.png (board) and dashboard-*.png per view.
//
// Development aid: `node dashboard.test.mjs --url http://127.0.0.1:8765`
// runs the browser part against an already running server (e.g.
// fake_server.py) instead of starting careerops.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const SRC = process.env.CO_SOURCE_DIR || path.resolve(here, '..', '..');
const BIN = process.env.CO_BINARY_DIR || path.join(SRC, 'build');
const CHROMIUM = process.env.CO_CHROMIUM || '/usr/bin/chromium';
const XSS_SCRIPT = '<script>window.__xss=1</script>';
const XSS_IMG = '<img src=x onerror=window.__xss=1>';
const XSS_COMPANY = 'Quillfeather Systems';

let passed = 0, failed = 0, skipped = 0;
let AUTH = {}; /* the node side's credential: the session secret as a bearer token */
let edited = null; /* {key, stage} of the card corrected in the page */
const ok = (name) => { passed++; console.log(`ok - ${name}`); };
const skip = (name, why) => { skipped++; console.log(`SKIP - ${name}: ${why}`); };
function check(cond, name, detail) {
  if (cond) return ok(name);
  failed++;
  console.log(`FAIL - ${name}${detail ? ': ' + detail : ''}`);
}
class Fatal extends Error {}
function must(cond, name, detail) {
  check(cond, name, detail);
  if (!cond) throw new Fatal(name);
}

/* Polls fn until it returns a truthy value; throws after timeoutMs. */
async function waitUntil(what, fn, timeoutMs) {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn().catch(() => null);
    if (v) return v;
    if (Date.now() > end) throw new Fatal(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

function hostileMbox(dir) {
  const sample = fs.readFileSync(path.join(SRC, 'data', 'sample', 'inbox.mbox'), 'utf8');
  const mail = [
    'From quinn.avery@quillfeather.example Mon Mar 24 15:00:00 2025',
    'From: Quinn Avery <quinn.avery@quillfeather.example>',
    'To: Riley Moss <riley.moss@example.net>',
    `Subject: Interview invitation: Backend Engineer at ${XSS_COMPANY} ${XSS_SCRIPT} ${XSS_IMG}`,
    'Date: Mon, 24 Mar 2025 11:00:00 -0400',
    'Message-ID: <xss.1@quillfeather.example>',
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    'Content-Transfer-Encoding: 8bit',
    '',
    'Hi Riley,',
    '',
    `Thanks for applying to ${XSS_COMPANY}. I'd love to set up a 30-minute phone screen to talk about the`,
    'Backend Engineer role and your background.',
    '',
    'Would Monday, March 31 at 10:00 AM ET work for a call? Happy to find another time if it does not suit you.',
    '',
    'Best,',
    'Quinn Avery',
    `Senior Recruiter, ${XSS_COMPANY}`,
    '',
  ].join('\n');
  const file = path.join(dir, 'inbox.mbox');
  fs.writeFileSync(file, sample.replace(/\n*$/, '\n\n') + mail);
  return file;
}

/* extra: more `careerops run` arguments (the second start sets a token). */
async function startServer(tmp, extra = []) {
  const exe = path.join(BIN, 'cli', 'careerops');
  must(fs.existsSync(exe), 'careerops binary exists', exe);
  const port = await freePort();
  const mbox = path.join(tmp, 'inbox.mbox');
  const args = ['run', '--sample', fs.existsSync(mbox) ? mbox : hostileMbox(tmp), '-X',
    `state.dir=${path.join(tmp, 'state')}`, '-X', `api.listen=127.0.0.1:${port}`, ...extra];
  const log = fs.openSync(path.join(tmp, 'careerops.log'), 'a');
  const child = spawn(exe, args, { stdio: ['ignore', log, log], env: { ...process.env, CAREEROPS_CONFIG: '' } });
  let exited = null;
  child.on('exit', (code, sig) => { exited = { code, sig }; });
  const base = `http://127.0.0.1:${port}`;
  try {
    await waitUntil('/ready', async () => {
      if (exited) throw new Fatal(`careerops exited early (${JSON.stringify(exited)})`);
      const r = await fetch(base + '/ready');
      return r.status === 200;
    }, 900000); /* ctest's TIMEOUT is the real bound */
  } catch (e) {
    failed++; /* a start that never got ready is a failure, not a silent pass */
    console.log(`FAIL - careerops run never answered /ready: ${e.message}`);
    child.kill('SIGKILL');
    const tail = fs.readFileSync(path.join(tmp, 'careerops.log'), 'utf8').slice(-3000);
    console.log('--- careerops log (tail) ---\n' + tail);
    throw e instanceof Fatal ? e : new Fatal(String(e));
  }
  ok(`careerops run${extra.length ? ' ' + extra.join(' ').replace(/token=\S+/, 'token=…') : ''} is ready on ${base}`);
  /* the URL it prints carries this run's session secret (api.auth local-session) */
  const printed = fs.readFileSync(path.join(tmp, 'careerops.log'), 'utf8').match(/dashboard and API on (\S+)/g) || [];
  const m = /\/\?token=([A-Za-z0-9_-]+)$/.exec(printed.length ? printed[printed.length - 1] : '');
  return {
    base,
    secret: m ? m[1] : null,
    async stop() {
      if (!exited) {
        const done = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        const t = setTimeout(() => child.kill('SIGKILL'), 20000);
        await done;
        clearTimeout(t);
      }
      check(exited.code === 0, 'careerops run exits 0 on SIGTERM', JSON.stringify(exited));
    },
  };
}

function apiFetch(url, init = {}) {
  return fetch(url, { ...init, headers: { ...AUTH, ...(init.headers || {}) } });
}

/* The API's id of a Message-ID (URL-safe base64, no padding), written here. */
function b64url(s) {
  return Buffer.from(String(s), 'utf8').toString('base64url');
}

async function getJson(base, p) {
  const r = await apiFetch(base + p);
  const body = await r.json().catch(() => null);
  return { status: r.status, body };
}

async function ready(page, name) {
  await page.waitForSelector(`#view[data-ready="${name}"]`, { timeout: 30000 });
}

/* At 390 and 360 px wide, on every view: the page does not scroll sideways
 * (wide tables and the tab row scroll inside their own boxes) and the
 * search box, account picker and token field lie inside the screen.
 * Saves dashboard-390.png (board). Restores the 1280x800 viewport. */
async function narrowChecks(page, base, company, mailId) {
  const views = [['board', 'board'], ['interviews', 'interviews'], ['stats', 'stats'], ['review', 'review'],
    ['dlq', 'dlq'], ['search', 'search'], ['company/' + encodeURIComponent(company), 'company'],
    ['email/' + mailId, 'email']];
  for (const width of [390, 360]) {
    await page.setViewportSize({ width, height: 800 });
    const bad = [];
    for (const [route, name] of views) {
      await page.goto(base + '/#/' + route);
      await ready(page, name);
      const r = await page.evaluate(() => {
        const vw = document.documentElement.clientWidth;
        const off = ['#quicksearch-q', '#account', '#token'].filter((sel) => {
          const b = document.querySelector(sel).getBoundingClientRect();
          return b.width === 0 || b.left < 0 || b.right > vw;
        });
        return { scroll: document.documentElement.scrollWidth, vw, off };
      });
      if (r.scroll > r.vw || r.off.length) bad.push(`${route}: page ${r.scroll}px on ${r.vw}px, off screen: ${r.off}`);
      if (width === 390 && name === 'board') await page.screenshot({ path: path.join(BIN, 'dashboard-390.png') });
    }
    check(bad.length === 0, `at ${width} px every view fits the screen with search, account and token on it`,
      bad.join('; '));
  }
  await page.setViewportSize({ width: 1280, height: 800 });
}

/* A page on another origin (its own port on 127.0.0.1) that tries to
 * change the application at target with every request a page may send
 * without asking the server first. */
function attackerServer(target) {
  const body = JSON.stringify({ set: { stage: 'REJECTION' } });
  const html = `<!doctype html><meta charset="utf-8"><title>innocent</title>
<form id="f" method="POST" action="${target}" enctype="text/plain" target="sink">
<input type="hidden" name='{"set":{"stage":"REJECTION"},"x":"' value='"}'></form>
<form id="g" method="POST" action="${target}" target="sink2"><input type="hidden" name="set" value="x"></form>
<iframe name="sink"></iframe><iframe name="sink2"></iframe>
<script>
window.attack = async function () {
  const u = ${JSON.stringify(target)};
  await fetch(u, { method: 'POST', mode: 'no-cors', credentials: 'include', headers: { 'Content-Type': 'text/plain' },
    body: ${JSON.stringify(body)} }).catch(() => 0);
  await fetch(u, { method: 'POST', mode: 'no-cors', credentials: 'include',
    body: new URLSearchParams({ set: 'x' }) }).catch(() => 0);
  document.getElementById('f').submit();
  document.getElementById('g').submit();
};
</script>`;
  return new Promise((resolve) => {
    const srv = http.createServer((req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      res.end(html);
    });
    srv.listen(0, '127.0.0.1', () => resolve(srv));
  });
}

async function csrfChecks(ctx, base, account) {
  const list = async () => {
    const l = await getJson(base, `/api/accounts/${encodeURIComponent(account)}/applications?limit=200`);
    return l.status === 200 ? l.body.items.map((a) => `${a.key}=${a.stage}${a.corrected ? '*' : ''}`).join() : null;
  };
  const before = await list();
  const first = ((await getJson(base, `/api/accounts/${encodeURIComponent(account)}/applications?limit=200`)).body.items || [])
    .find((a) => a.stage !== 'REJECTION');
  must(before && first, 'an application to attack exists');
  const target = `${base}/api/accounts/${encodeURIComponent(account)}/applications/${encodeURIComponent(first.key)}/corrections`;
  const srv = await attackerServer(target);
  const evil = `http://127.0.0.1:${srv.address().port}/`;
  const page = await ctx.newPage();
  const seen = [];
  page.on('response', (r) => { if (r.url() === target && r.request().method() === 'POST') seen.push(r.status()); });
  try {
    const cookies = await ctx.cookies(base);
    check(cookies.some((c) => c.name.startsWith('careerops_session_')), 'the browser holds the session cookie for the attack');
    await page.goto(evil);
    await page.evaluate(() => window.attack());
    await waitUntil('the four cross-origin POSTs to be answered', async () => seen.length >= 4, 30000).catch(() => 0);
    check(seen.length === 4 && seen.every((s) => s === 403 || s === 415),
      'no-cors fetch (text/plain, form-encoded) and form POSTs from another origin are refused (403/415)',
      JSON.stringify(seen));
    const after = await list();
    check(after === before, 'the application is unchanged after the cross-origin attack', `${first.key}: ${before} -> ${after}`);
  } finally {
    await page.close();
    srv.close();
  }
}

async function browserChecks(base, tmp, secret) {
  let chromium;
  try {
    ({ chromium } = await import('playwright-core'));
  } catch (e) {
    throw new Fatal('playwright-core missing: run scripts/install-node-deps.sh (' + e.message + ')');
  }
  must(fs.existsSync(CHROMIUM), 'chromium exists', CHROMIUM + ' (scripts/install-deps.sh installs it)');

  const accounts = await getJson(base, '/api/accounts');
  must(accounts.status === 200 && accounts.body.items.length > 0, 'GET /api/accounts lists an account',
    JSON.stringify(accounts));
  const account = accounts.body.items[0].account;
  const stats = await getJson(base, '/api/stats?account=' + encodeURIComponent(account));
  must(stats.status === 200, 'GET /api/stats answers', String(stats.status));
  const searchProbe = await apiFetch(base + '/api/search?q=interview&k=1');
  const searchUp = searchProbe.status !== 503;
  const briefingProbe = (await apiFetch(base + '/api/companies/' + encodeURIComponent(XSS_COMPANY) + '/briefing')).status;
  let briefingUp = true;

  const ctx = await chromium.launchPersistentContext(path.join(tmp, 'chromium-profile'), {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-background-networking', '--disable-gpu', '--no-first-run'],
    viewport: { width: 1280, height: 800 },
  });
  const errors = [];
  const page = ctx.pages()[0] || (await ctx.newPage());
  page.on('pageerror', (e) => errors.push('pageerror: ' + e.message));
  page.on('console', (m) => {
    if (m.type() !== 'error') return;
    const url = (m.location() && m.location().url) || '';
    // The only network errors the page may log: a briefing not written yet,
    // the DLQ without the admin token, and search while the server has no
    // index (each shown to the user as a notice).
    if (/Failed to load resource/.test(m.text()) &&
        ((/status of 404/.test(m.text()) && /\/api\/companies\/[^/]+\/briefing$/.test(url)) ||
         (!briefingUp && /status of 503/.test(m.text()) && /\/api\/companies\/[^/]+\/briefing$/.test(url)) ||
         (/status of 40[13]/.test(m.text()) && /\/api\/dlq\?/.test(url)) ||
         (!searchUp && /status of 503/.test(m.text()) && /\/api\/search\?/.test(url)))) return;
    errors.push(`console.error: ${m.text()} (${url})`);
  });

  try {
    // ---- sign-in: the printed URL sets the cookie and leaves the address bar ----
    if (secret) {
      await page.goto(base + '/?token=' + secret);
      const cookies = await ctx.cookies(base);
      const sc = cookies.find((c) => c.name.startsWith('careerops_session_'));
      check(!page.url().includes(secret) && sc && sc.httpOnly && sc.sameSite === 'Strict',
        'the printed URL sets an HttpOnly SameSite=Strict cookie and the secret leaves the address bar',
        `${page.url().replace(secret, '<secret>')} ${JSON.stringify(sc && { httpOnly: sc.httpOnly, sameSite: sc.sameSite })}`);
      await csrfChecks(ctx, base, account);
    }
    // ---- board ----
    await page.goto(base + '/#/board');
    await ready(page, 'board');
    const cols = await page.$$eval('.column', (cs) => cs.map((c) => ({
      stage: c.getAttribute('data-stage'),
      cards: c.querySelectorAll('.card').length,
      badStage: [...c.querySelectorAll('.card')].filter((k) => k.getAttribute('data-stage') !== c.getAttribute('data-stage')).length,
      shown: Number(c.querySelector('.count').textContent),
    })));
    check(cols.map((c) => c.stage).join() === 'APPLIED,INTERVIEW,OFFER,REJECTION', 'board has the four stage columns in order',
      JSON.stringify(cols));
    let total = 0;
    for (const c of cols) {
      const want = stats.body.per_stage[c.stage] || 0;
      total += c.cards;
      check(c.cards === want && c.shown === want && c.badStage === 0,
        `board column ${c.stage} holds ${want} application(s) as /api/stats says`, JSON.stringify(c));
    }
    check(total > 0 && cols.filter((c) => c.cards > 0).length >= 3, 'sample data fills at least three columns',
      JSON.stringify(cols));
    await page.screenshot({ path: path.join(BIN, 'dashboard.png') });

    // ---- exports are built in the page from the API data ----
    const [csvDl] = await Promise.all([page.waitForEvent('download'), page.click('text=Export CSV')]);
    const csv = fs.readFileSync(await csvDl.path(), 'utf8').trim().split(/\r\n/);
    check(csv[0].startsWith('account,company,role,stage') && csv.length === total + 1,
      'CSV export has a header and one row per application', `${csv.length - 1} rows vs ${total}`);
    const [jsonDl] = await Promise.all([page.waitForEvent('download'), page.click('text=Export JSON')]);
    const exported = JSON.parse(fs.readFileSync(await jsonDl.path(), 'utf8'));
    check(Array.isArray(exported) && exported.length === total, 'JSON export holds every application',
      `${exported.length} vs ${total}`);

    // ---- timeline from a card ----
    const card = page.locator('.column[data-stage="INTERVIEW"] .card, .column[data-stage="OFFER"] .card').first();
    const company = await card.getAttribute('data-company');
    await card.click();
    await ready(page, 'company');
    const heading = await page.textContent('h1');
    check(heading === company, 'clicking a card opens that company\'s timeline', `${heading} vs ${company}`);
    const events = await page.$$eval('#timeline .event', (es) => es.map((e) => ({
      subject: e.querySelector('.event-subject').textContent,
      link: e.querySelector('.msgid a.mail-read') ? e.querySelector('.msgid a.mail-read').getAttribute('href') : null,
    })));
    const api = await getJson(base, `/api/accounts/${encodeURIComponent(account)}/companies/${encodeURIComponent(company)}`);
    check(events.length > 0 && events.length === (api.body.events || []).length,
      'timeline shows every event the API returns', `${events.length} vs ${(api.body.events || []).length}`);
    const sorted = (api.body.events || []).slice().sort((a, b) => String(a.at).localeCompare(String(b.at)));
    check(events.length > 0 && events.every((e, i) => e.link === '#/email/' + b64url(sorted[i].message_id)),
      'each event links to its email in the dashboard by Message-ID', JSON.stringify(events.slice(0, 2)));
    // ---- the email read in place ----
    await page.click('#timeline .event .mail-read');
    await ready(page, 'email');
    const mail = await getJson(base, `/api/accounts/${encodeURIComponent(account)}/emails/${b64url(sorted[0].message_id)}`);
    const shown = await page.evaluate(() => ({
      subject: document.querySelector('.mail-subject').textContent,
      text: document.querySelector('.mail-text').textContent,
      from: [...document.querySelectorAll('.mail-hdr dd')].map((d) => d.textContent)[0],
      gmail: [...document.querySelectorAll('a')].some((a) => a.textContent === 'Open in Gmail'),
    }));
    check(mail.status === 200 && shown.subject === events[0].subject && shown.text === mail.body.text &&
      shown.text.length > 40 && shown.from.includes(mail.body.from.address) && !shown.gmail,
      'Read email shows the email itself (subject, sender, its whole text; no Gmail link for imported mail)',
      JSON.stringify({ status: mail.status, subject: shown.subject, text: shown.text.slice(0, 80), gmail: shown.gmail }));
    await page.screenshot({ path: path.join(BIN, 'dashboard-email.png') });
    await page.goBack();
    await ready(page, 'company');
    // Each application chip's Edit button sits inside its own chip (not all
    // stacked in the page's corner, as when it was positioned absolutely).
    const chips = await page.$$eval('.app-chip', (cs) => cs.map((c) => {
      const b = c.getBoundingClientRect(), e = c.querySelector('.card-edit');
      const r = e ? e.getBoundingClientRect() : null;
      return r && r.left >= b.left - 1 && r.right <= b.right + 1 && r.top >= b.top - 1 && r.bottom <= b.bottom + 1;
    }));
    check(chips.length > 0 && chips.every(Boolean), 'each application chip on the timeline holds its own Edit button',
      JSON.stringify(chips));
    await page.screenshot({ path: path.join(BIN, 'dashboard-timeline.png') });

    // ---- hostile subject renders as text ----
    await page.goto(base + '/#/board');
    await ready(page, 'board');
    const hostile = page.locator('.card', { hasText: 'Quillfeather' });
    must(await hostile.count() === 1, 'the email with <script> in its subject became one application card');
    await hostile.click();
    await ready(page, 'company');
    const text = await page.textContent('#timeline');
    check(text.includes(XSS_SCRIPT) && text.includes(XSS_IMG), 'the <script> and <img onerror> subject is shown as text',
      text.slice(0, 300));
    const dom = await page.evaluate(() => ({
      xss: typeof window.__xss,
      imgs: document.querySelectorAll('img').length,
      scripts: [...document.scripts].map((s) => s.getAttribute('src')),
    }));
    check(dom.xss === 'undefined' && dom.imgs === 0 && dom.scripts.every((s) => s && s.startsWith('/assets/')),
      'window.__xss is undefined and no injected element exists', JSON.stringify(dom));
    // the hostile email read in place: its subject is text there too
    await page.click('#timeline .event .mail-read');
    await ready(page, 'email');
    const hm = await page.evaluate(() => ({
      subject: document.querySelector('.mail-subject').textContent, xss: typeof window.__xss,
      imgs: document.querySelectorAll('img').length,
    }));
    check(hm.subject.includes(XSS_SCRIPT) && hm.subject.includes(XSS_IMG) && hm.xss === 'undefined' && hm.imgs === 0,
      'the hostile email read in place shows its <script> subject as text and runs nothing', JSON.stringify(hm));
    await page.screenshot({ path: path.join(BIN, 'dashboard-xss.png') });

    // ---- search ----
    // The index follows the briefings asynchronously, so the page and a
    // direct call may see different moments: the check waits until the page
    // shows what /api/search answers right after it.
    if (!searchUp) {
      skip('search from the header shows /api/search results', '/api/search answers 503 (no index wired in)');
    } else {
      const q = 'interview';
      let last = '';
      const same = await waitUntil('the page to show /api/search results', async () => {
        await page.fill('#quicksearch-q', q);
        await page.press('#quicksearch-q', 'Enter');
        await page.waitForFunction(() => document.getElementById('view').getAttribute('data-ready') === 'search' &&
          document.getElementById('search-count'), null, { timeout: 30000 });
        const shown = await page.$$eval('#search-results .snippet', (x) => x.map((n) => n.textContent));
        const want = await getJson(base, `/api/search?q=${q}&k=30&mode=hybrid&in=all&account=${encodeURIComponent(account)}`);
        const snippets = want.status === 200 ? want.body.results.map((r) => r.snippet || '') : null;
        last = `${shown.length} shown, API ${want.status}: ${JSON.stringify(snippets).slice(0, 200)}`;
        // grouped by application on the page, so compare as sets
        // mail is indexed in the background (MiniLM, ~0.05 s an email): wait for the first email hit
        const mails = want.status === 200 ? want.body.results.filter((r) => r.kind === 'email').length : 0;
        return mails > 0 && JSON.stringify(snippets.slice().sort()) === JSON.stringify(shown.slice().sort());
      }, 120000).catch(() => false);
      check(same, 'search from the header shows /api/search results, mail among them', last);
      await page.screenshot({ path: path.join(BIN, 'dashboard-search.png') });
      // Mail is searched too: email hits grouped under their application,
      // the query word marked, the subject opening the email in place.
      const view = await page.evaluate(() => ({
        mails: document.querySelectorAll('#search-results .result-app .result-mail').length,
        marks: Array.from(document.querySelectorAll('#search-results mark')).map((m) => m.textContent.toLowerCase()),
        link: (document.querySelector('#search-results .result-mail a.result-subject') || {}).getAttribute?.('href') || '',
      }));
      check(view.mails > 0 && view.marks.length > 0 && view.marks.every((m) => m.startsWith('interview')) &&
        view.link.startsWith('#/email/'), 'search finds mail, grouped by application, with the query word marked',
        JSON.stringify(view).slice(0, 300));
      if (view.link) {
        await page.goto(base + '/' + view.link);
        await ready(page, 'email');
        const subj = await page.textContent('#view');
        check(subj.length > 0, 'a mail result opens the email in place', subj.slice(0, 120));
      }
      await page.goto(base + '/#/search?q=' + encodeURIComponent('banana bread recipe'));
      await ready(page, 'search');
      await page.waitForFunction(() => document.getElementById('search-count'), null, { timeout: 30000 });
      const none = await page.evaluate(() => ({ n: document.querySelectorAll('#search-results li').length,
        text: (document.getElementById('search-count') || {}).textContent || '' }));
      check(none.n === 0 && /Nothing matches/.test(none.text), 'an off-topic search says nothing matches',
        JSON.stringify(none));
    }

    // ---- the hostile subject in a briefing (written asynchronously) ----
    if (briefingProbe === 503) {
      skip('the briefing quoting the <script> subject shows it as text', 'briefings answer 503');
    } else {
      const hb = `/api/companies/${encodeURIComponent(XSS_COMPANY)}/briefing`;
      const has = await waitUntil('the hostile company\'s briefing', async () => (await getJson(base, hb)).status === 200,
        60000).catch(() => false);
      if (!has) {
        check(false, 'the briefing quoting the <script> subject shows it as text', 'no briefing for ' + XSS_COMPANY);
      } else {
        await page.goto(base + '/#/briefing/' + encodeURIComponent(XSS_COMPANY));
        await ready(page, 'briefing');
        const t = await page.textContent('#view');
        const d = await page.evaluate(() => ({ xss: typeof window.__xss, imgs: document.querySelectorAll('img').length }));
        check(t.includes(XSS_SCRIPT) && t.includes(XSS_IMG) && d.xss === 'undefined' && d.imgs === 0,
          'the briefing quoting the <script> subject shows it as text', JSON.stringify(d) + ' ' + t.slice(0, 200));
      }
    }

    // ---- the other views render ----
    await page.goto(base + '/#/stats');
    await ready(page, 'stats');
    const bars = await page.$$eval('svg.chart rect[data-series]', (r) => r.length);
    check(bars === 2 * (stats.body.per_week || []).length && bars > 0, 'weekly chart draws two bars per week of /api/stats',
      `${bars} bars, ${(stats.body.per_week || []).length} weeks`);
    const funnel = await page.$$eval('svg.chart rect[data-stage]', (r) => r.map((x) => x.getAttribute('data-stage')));
    check(funnel.join() === 'APPLIED,INTERVIEW,OFFER', 'funnel chart has APPLIED, INTERVIEW, OFFER', funnel.join());
    const [svgDl] = await Promise.all([page.waitForEvent('download'), page.click('.chart-panel >> nth=0 >> text=SVG')]);
    const svgText = fs.readFileSync(await svgDl.path(), 'utf8');
    check(/^<\?xml[^>]*>\n<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/.test(svgText) &&
      (svgText.match(/data-series=/g) || []).length === bars, 'weekly chart exports as a standalone SVG file',
    svgText.slice(0, 120));
    const fromApplied = await page.$$eval('svg.chart path[data-source="applied"]',
      (ps) => ps.reduce((a, p) => a + Number(p.getAttribute('data-value')), 0));
    check(fromApplied === total, 'Sankey chart sends every application out of Applied', `${fromApplied} vs ${total}`);
    await page.screenshot({ path: path.join(BIN, 'dashboard-stats.png'), fullPage: true });

    await page.goto(base + '/#/interviews');
    await ready(page, 'interviews');
    ok('interviews view renders');
    await page.goto(base + '/#/dlq');
    await ready(page, 'dlq');
    const dlqText = await page.textContent('#view');
    check(!/Could not load/.test(dlqText), 'DLQ view renders (list or operator notice)', dlqText.slice(0, 200));
    const brief = await getJson(base, '/api/companies/' + encodeURIComponent(company) + '/briefing');
    briefingUp = brief.status !== 503;
    await page.goto(base + '/#/briefing/' + encodeURIComponent(company));
    await ready(page, 'briefing');
    const briefText = await page.textContent('#view');
    if (!briefingUp) {
      skip('briefing view shows the company\'s briefing', 'the briefing endpoint answers 503 (research not wired in)');
    } else if (brief.status === 404) {
      check(/No briefing for/.test(briefText), 'briefing view says when a company has no briefing yet', briefText.slice(0, 200));
    } else {
      check(brief.status === 200 && briefText.includes(brief.body.summary || brief.body.company),
        'briefing view shows the company\'s briefing', `${brief.status}: ${briefText.slice(0, 200)}`);
      await page.screenshot({ path: path.join(BIN, 'dashboard-briefing.png'), fullPage: true });
    }

    // ---- phone screens: nothing wider than the screen, every control on it ----
    await narrowChecks(page, base, company, b64url(sorted[0].message_id));

    // ---- a correction made in the page: Edit, new stage, Save ----
    await page.goto(base + '/#/board');
    await ready(page, 'board');
    const toStage = 'OFFER';
    const target = page.locator('.column[data-stage="APPLIED"] .card-wrap').first();
    const key = await target.locator('.card').getAttribute('data-key');
    const countOf = () => page.$$eval('.column', (cs) => Object.fromEntries(cs.map((c) =>
      [c.getAttribute('data-stage'), c.querySelectorAll('.card').length])));
    const before = await countOf();
    await target.locator('.card-edit').click();
    await page.waitForSelector('#edit-panel');
    await page.selectOption('#edit-stage', toStage);
    await page.click('#edit-save');
    const moved = await page.waitForFunction((k) => !document.getElementById('edit-panel') &&
      !!document.querySelector(`.column[data-stage="OFFER"] .card[data-key="${k}"]`), key, { timeout: 30000 })
      .then(() => true, () => false);
    const after = await countOf();
    check(moved && after.APPLIED === before.APPLIED - 1 && after.OFFER === before.OFFER + 1,
      'Edit → stage OFFER → Save moves the card from APPLIED to OFFER after the refresh',
      `${JSON.stringify(before)} -> ${JSON.stringify(after)}`);
    const list = await getJson(base, `/api/accounts/${encodeURIComponent(account)}/applications?limit=200`);
    const app = ((list.body && list.body.items) || []).find((a) => a.key === key);
    check(app && app.stage === toStage && app.corrected === true, 'the API lists the application as corrected to OFFER',
      JSON.stringify(app));
    if (moved) edited = { key, stage: toStage };
    await page.screenshot({ path: path.join(BIN, 'dashboard-edit.png') });

    // ---- the interview and notes set in the editor ----
    const card2 = page.locator(`.card-wrap:has(.card[data-key="${key}"])`);
    await card2.locator('.card-edit').click();
    await page.waitForSelector('#edit-panel');
    await page.fill('#edit-iv-at', '2031-03-14T10:00');
    await page.fill('#edit-iv-minutes', '45');
    await page.fill('#edit-iv-place', 'Room 4, 1 Main St');
    await page.fill('#edit-notes', `Bring the portfolio ${XSS_IMG}`);
    const wantUtc = await page.evaluate(() => new Date('2031-03-14T10:00').toISOString().replace('.000Z', 'Z'));
    await page.screenshot({ path: path.join(BIN, 'dashboard-editor.png') });
    await page.click('#edit-save');
    await page.waitForSelector('#edit-panel', { state: 'detached', timeout: 30000 }).catch(() => {});
    const list2 = await getJson(base, `/api/accounts/${encodeURIComponent(account)}/applications?limit=200`);
    const app2 = ((list2.body && list2.body.items) || []).find((a) => a.key === key) || {};
    const iv2 = app2.interview || {};
    check(iv2.utc === wantUtc && iv2.minutes === 45 && iv2.location === 'Room 4, 1 Main St' &&
      app2.notes === `Bring the portfolio ${XSS_IMG}` && app2.next_interview === wantUtc,
      'the editor sets the interview (browser time with its offset, length, place) and notes',
      JSON.stringify({ want: wantUtc, interview: iv2, notes: app2.notes }));
    await page.goto(base + '/#/company/' + encodeURIComponent(app2.company || ''));
    await ready(page, 'company');
    const notesShown = await page.evaluate(() => ({
      text: [...document.querySelectorAll('.app-notes')].map((n) => n.textContent),
      imgs: document.querySelectorAll('img').length, xss: typeof window.__xss,
    }));
    check(notesShown.text.includes(`Bring the portfolio ${XSS_IMG}`) && notesShown.imgs === 0 && notesShown.xss === 'undefined',
      'the notes show on the timeline as text', JSON.stringify(notesShown));

    // ---- an email the classifier read as OTHER, found by search, promoted from its page ----
    let promotedApps = 0; // the promotion adds an application: the restarted board shows it too
    const found = await waitUntil('the sample newsletter in the mail index', async () => {
      const r = await getJson(base, `/api/search?q=${encodeURIComponent('salary negotiation myths')}&in=mail&type=OTHER` +
        `&account=${encodeURIComponent(account)}`);
      return ((r.body && r.body.results) || [])[0];
    }, 60000).catch(() => null);
    if (!found || !found.email_id) {
      check(false, 'an email read as OTHER, found by search, is promoted to an interview from its page', 'not found');
    } else {
      await page.goto(base + '/#/email/' + found.email_id);
      await ready(page, 'email');
      await page.selectOption('#mail-label', 'INTERVIEW');
      await page.fill('#mail-company', 'Career Compass');
      await page.fill('#mail-role', 'Staff Writer');
      await page.click('#mail-relabel button[type=submit]');
      const promoted = await waitUntil('the promoted email on the board', async () => {
        const l = await getJson(base, `/api/accounts/${encodeURIComponent(account)}/applications?limit=200`);
        return ((l.body && l.body.items) || []).some((a) => a.company === 'Career Compass' && a.stage === 'INTERVIEW');
      }, 30000).catch(() => false);
      const status = await page.textContent('#mail-relabel-status');
      check(promoted && /Saved/.test(status), 'an email read as OTHER, found by search, is promoted to an interview from its page',
        `${found.subject}: ${status}`);
      if (promoted) promotedApps = 1;
    }

    // ---- an application no email names, added on the board ----
    await page.goto(base + '/#/board');
    await ready(page, 'board');
    await page.click('#board-add');
    await page.fill('#add-company', 'Referral Robotics');
    await page.fill('#add-role', 'Firmware Engineer');
    await page.selectOption('#add-stage', 'INTERVIEW');
    await page.fill('#add-date', '2025-03-18');
    await page.click('#add-app button[type=submit]');
    const added = await page.waitForFunction(() => [...document.querySelectorAll('.column[data-stage="INTERVIEW"] .card')]
      .some((c) => c.textContent.includes('Referral Robotics')), null, { timeout: 30000 }).then(() => true, () => false);
    check(added, 'Add application on the board puts a card in its stage column', await page.textContent('#add-status'));
    if (added) promotedApps++;

    check(errors.length === 0, 'no page errors or console errors', errors.join(' | '));
    return total + promotedApps;
  } finally {
    await ctx.close();
  }
}

/* Second start of the same state with an admin token: the page asks for a
 * token, and the one typed in the token field opens the board and the DLQ. */
async function tokenChecks(base, tmp, token, total) {
  const { chromium } = await import('playwright-core');
  const ctx = await chromium.launchPersistentContext(path.join(tmp, 'chromium-profile-token'), {
    executablePath: CHROMIUM, headless: true, viewport: { width: 1280, height: 800 },
    args: ['--no-sandbox', '--disable-background-networking', '--disable-gpu', '--no-first-run'],
  });
  const errors = [], seen = [];
  const page = ctx.pages()[0] || (await ctx.newPage());
  page.on('pageerror', (e) => errors.push('pageerror: ' + e.message));
  page.on('console', (m) => {
    const url = (m.location() && m.location().url) || '';
    // before the token is saved, /api/accounts must answer 401: expected
    if (m.type() === 'error' && !(/status of 401/.test(m.text()) && /\/api\/accounts$/.test(url))) {
      errors.push(`console.error: ${m.text()} (${url})`);
    }
  });
  page.on('request', (r) => { if (r.url().includes('/api/')) seen.push(r.headers().authorization || ''); });
  try {
    await page.goto(base + '/#/board');
    await ready(page, 'board');
    const before = await page.textContent('#view');
    check(/needs an API token/.test(before) && (await page.$$('.card')).length === 0,
      'without a token the board asks for one instead of showing data', before.slice(0, 200));
    await page.fill('#token', token);
    await page.click('#token-form button[type="submit"]');
    await page.waitForFunction(() => document.querySelectorAll('.card').length > 0, null, { timeout: 30000 });
    const cards = (await page.$$('.card')).length;
    check(cards === total, 'with the token typed in, the board shows every application', `${cards} vs ${total}`);
    check(seen.some((h) => h === 'Bearer ' + token), 'the token is sent as a Bearer header');
    if (edited) {
      const still = await page.$(`.column[data-stage="${edited.stage}"] .card[data-key="${edited.key}"]`);
      check(!!still, 'the correction made in the page is still applied after a restart');
    }
    const stored = await page.evaluate(() => localStorage.getItem('careerops.token'));
    check(stored === token, 'the token is kept in localStorage');
    await page.goto(base + '/#/dlq');
    await ready(page, 'dlq');
    const dlq = await page.textContent('#view');
    check(/No dead letters|Replay/.test(dlq), 'the admin token opens the DLQ view', dlq.slice(0, 200));
    // Dismiss: the row hides at once and after a reload (the server kept it), "Show dismissed" brings it back.
    const id = await page.getAttribute('#dlq tbody tr >> nth=0', 'data-id', { timeout: 5000 }).catch(() => null);
    if (!id) {
      check(false, 'the sample\'s dead letter is listed for the admin', dlq.slice(0, 200));
    } else {
      const rowOf = `#dlq tr[data-id="${id}"]`;
      await page.click(`${rowOf} button[data-action="dismiss"]`);
      await page.waitForSelector(`${rowOf}.dismissed.hidden`, { state: 'attached', timeout: 10000 }).catch(() => 0);
      await page.reload();
      await ready(page, 'dlq');
      const hidden = !(await page.isVisible(rowOf));
      await page.check('#dlq-show-dismissed');
      const shown = await page.isVisible(rowOf);
      const text = shown ? await page.textContent(rowOf) : '';
      check(hidden && shown && /dismissed/.test(text) && /Replay/.test(text),
        'Dismiss hides a dead letter (kept after a reload); "Show dismissed" lists it with Replay',
        JSON.stringify({ hidden, shown, text: text.slice(0, 160) }));
    }
    check(errors.length === 0, 'no page errors or console errors with a token', errors.join(' | '));
  } finally {
    await ctx.close();
  }
}

async function main() {
  const urlFlag = process.argv.indexOf('--url');
  const tmpRoot = process.env.CO_TEST_TMPDIR || os.tmpdir();
  fs.mkdirSync(tmpRoot, { recursive: true });
  fs.mkdirSync(BIN, { recursive: true });
  const tmp = fs.mkdtempSync(path.join(tmpRoot, 'dashboard-'));
  let server = null;
  try {
    if (urlFlag > 0) await browserChecks(process.argv[urlFlag + 1], tmp);
    else {
      server = await startServer(tmp);
      must(server.secret, 'careerops run prints the dashboard URL with a session token');
      AUTH = { Authorization: 'Bearer ' + server.secret };
      const total = await browserChecks(server.base, tmp, server.secret);
      await server.stop();
      const token = 'dash-' + Math.random().toString(36).slice(2) + Math.random().toString(36).slice(2);
      server = await startServer(tmp, ['-X', `api.admin.token=${token}`]);
      await tokenChecks(server.base, tmp, token, total);
    }
  } catch (e) {
    if (!(e instanceof Fatal)) {
      failed++;
      console.log('FAIL - unexpected error: ' + (e.stack || e));
    }
  } finally {
    if (server) await server.stop();
  }
  console.log(`screenshot: ${path.join(BIN, 'dashboard.png')}`);
  console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
  if (!failed) fs.rmSync(tmp, { recursive: true, force: true });
  else console.log('kept ' + tmp);
  process.exit(failed ? 1 : 0);
}

main();
