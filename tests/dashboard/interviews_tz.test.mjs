// Browser test of the interviews view and board cards in a set time zone:
// a real `careerops run` imports a small mailbox dated relative to today
// (one interview ahead, rescheduled once; one 10 days ago), and Debian's
// chromium, launched with TZ=America/Los_Angeles and that timezoneId,
// must show:
//   - "Upcoming interviews" with only the future interview, at the
//     rescheduled time, in Los Angeles time with the zone's name;
//   - the past interview below, with its outcome, never as upcoming;
//   - the browser's zone named on the page;
//   - a board card with the upcoming interview, none for the past one.
// Exit code 0 only when every check passed.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const SRC = process.env.CO_SOURCE_DIR || path.resolve(here, '..', '..');
const BIN = process.env.CO_BINARY_DIR || path.join(SRC, 'build');
const CHROMIUM = process.env.CO_CHROMIUM || '/usr/bin/chromium';
const ZONE = 'America/Los_Angeles';
const DAY = 86400000;

let failed = 0, passed = 0;
function check(cond, name, detail) {
  if (cond) { passed++; console.log(`ok - ${name}`); return; }
  failed++;
  console.log(`FAIL - ${name}${detail ? ': ' + detail : ''}`);
}

async function waitUntil(what, fn, timeoutMs) {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn().catch(() => null);
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => resolve(port)); });
  });
}

const rfc = (t) => new Date(t).toUTCString().replace('GMT', '+0000');
const ical = (t) => new Date(t).toISOString().replace(/[-:]/g, '').replace(/\.\d+/, '');

function mail({ date, mid, replyTo, company, role, body, seq, start }) {
  const dom = company.slice(0, 2).toLowerCase();
  return [
    'From talent@x.example Mon Dec  7 09:00:00 2026',
    `From: ${company} Talent <talent@${dom}.example>`,
    'To: casey@example.net',
    `Subject: ${replyTo ? 'Re: ' : ''}Interview invitation - ${role} at ${company}`,
    `Date: ${rfc(date)}`,
    `Message-ID: <${mid}>`,
    ...(replyTo ? [`In-Reply-To: <${replyTo}>`] : []),
    'MIME-Version: 1.0',
    'Content-Type: multipart/alternative; boundary="b"',
    '',
    '--b',
    'Content-Type: text/plain; charset=utf-8',
    '',
    'Hi Casey,', '', body, '', 'Best,', 'Jordan',
    '--b',
    'Content-Type: text/calendar; charset=utf-8; method=REQUEST',
    '',
    'BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//x//y//EN', 'METHOD:REQUEST', 'BEGIN:VEVENT', `UID:${mid}`,
    `SEQUENCE:${seq}`, 'STATUS:CONFIRMED', `DTSTART:${ical(start)}`, `DTEND:${ical(start + 3600000)}`,
    'SUMMARY:Interview', `LOCATION:https://${dom}.zoom.us/j/4445556667`, 'END:VEVENT', 'END:VCALENDAR',
    '--b--', '', '',
  ].join('\n');
}

async function main() {
  const tmpRoot = process.env.CO_TEST_TMPDIR || os.tmpdir();
  fs.mkdirSync(tmpRoot, { recursive: true });
  const tmp = fs.mkdtempSync(path.join(tmpRoot, 'dashboard-tz-'));
  const now = Date.now(), today = now - (now % DAY);
  const future = today + 6 * DAY + 15 * 3600000, past = today - 10 * DAY + 17 * 3600000;
  const inv = (r) => `Thanks for applying to the ${r} role. We'd like to invite you to an interview; the invitation is attached.`;
  const mbox = path.join(tmp, 'casey.mbox');
  fs.writeFileSync(mbox, [
    mail({ date: now - 3 * DAY, mid: 'h1@harbor.example', company: 'Harbor Logistics', role: 'Site Reliability Engineer',
      body: inv('Site Reliability Engineer'), seq: 0, start: future - DAY }),
    mail({ date: now - 2 * DAY, mid: 'h2@harbor.example', replyTo: 'h1@harbor.example', company: 'Harbor Logistics',
      role: 'Site Reliability Engineer', body: 'We need to reschedule your interview: the new time is in the updated invitation attached.',
      seq: 1, start: future }),
    mail({ date: now - 20 * DAY, mid: 'q1@quill.example', company: 'Quill Analytics', role: 'Data Engineer',
      body: inv('Data Engineer'), seq: 0, start: past }),
  ].join(''));

  const exe = path.join(BIN, 'cli', 'careerops');
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const logPath = path.join(tmp, 'careerops.log');
  const log = fs.openSync(logPath, 'a');
  const child = spawn(exe, ['run', '--sample', mbox, '-X', `state.dir=${path.join(tmp, 'state')}`,
    '-X', `api.listen=127.0.0.1:${port}`], { stdio: ['ignore', log, log], env: { ...process.env, CAREEROPS_CONFIG: '' } });
  let exited = null;
  child.on('exit', (code, sig) => { exited = { code, sig }; });
  let ctx = null;
  try {
    await waitUntil('/ready', async () => {
      if (exited) throw new Error(`careerops exited early (${JSON.stringify(exited)})`);
      return (await fetch(base + '/ready')).status === 200;
    }, 600000);
    const m = /dashboard and API on \S+\/\?token=([A-Za-z0-9_-]+)/.exec(fs.readFileSync(logPath, 'utf8'));
    if (!m) throw new Error('careerops run printed no dashboard URL with a session token');
    const secret = m[1];
    /* the pipeline has classified all three emails */
    await waitUntil('both interviews in the API', async () => {
      const r = await fetch(base + '/api/accounts/me/interviews', { headers: { Authorization: 'Bearer ' + secret } });
      const j = await r.json();
      return j.items && j.items.length === 2;
    }, 120000);

    const { chromium } = await import('playwright-core');
    ctx = await chromium.launchPersistentContext(path.join(tmp, 'profile'), {
      executablePath: CHROMIUM, headless: true, timezoneId: ZONE, locale: 'en-US',
      env: { ...process.env, TZ: ZONE },
      args: ['--no-sandbox', '--disable-background-networking', '--disable-gpu', '--no-first-run'],
    });
    const page = ctx.pages()[0] || (await ctx.newPage());
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(base + '/?token=' + secret);
    check(await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone) === ZONE,
      'the browser runs in America/Los_Angeles');
    await page.evaluate(() => localStorage.setItem('careerops.account', 'me'));
    await page.goto(base + '/#/interviews');
    await page.waitForSelector('#view[data-ready="interviews"]', { timeout: 30000 });

    const upcoming = await page.$$eval('#interviews tbody tr', (rs) => rs.map((r) => r.textContent));
    const older = await page.$$eval('#interviews-past tbody tr', (rs) => rs.map((r) => r.textContent));
    const expected = new Intl.DateTimeFormat('en-US', { timeZone: ZONE, weekday: 'short', year: 'numeric',
      month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit', timeZoneName: 'short' }).format(new Date(future));
    check(upcoming.length === 1 && upcoming[0].includes('Harbor Logistics'), 'upcoming lists only the future interview',
      JSON.stringify(upcoming));
    check(upcoming.length === 1 && upcoming[0].includes(expected),
      'the upcoming interview is shown at its rescheduled time in Los Angeles time with the zone name', `${expected} in ${upcoming[0]}`);
    check(/\bP[SD]T\b/.test(upcoming[0] || ''), 'the zone name (PST/PDT) is shown', upcoming[0]);
    check(!(upcoming[0] || '').includes('UTC'), 'no UTC time is shown for it', upcoming[0]);
    check(older.length === 1 && older[0].includes('Quill Analytics') && /interview/i.test(older[0]),
      'the past interview is listed below with its outcome, not as upcoming', JSON.stringify(older));
    const zoneNote = await page.textContent('#interviews-zone');
    check(zoneNote.includes(ZONE), 'the page names the browser zone', zoneNote);

    await page.goto(base + '/#/board');
    await page.waitForSelector('#view[data-ready="board"]', { timeout: 30000 });
    const cards = await page.$$eval('.card', (cs) => cs.map((c) => ({
      company: c.getAttribute('data-company'), next: (c.querySelector('.card-next') || {}).textContent || '' })));
    const harbor = cards.find((c) => c.company === 'Harbor Logistics'), quill = cards.find((c) => c.company === 'Quill Analytics');
    check(harbor && harbor.next.includes(expected), 'the board card shows the next upcoming interview in local time',
      JSON.stringify(harbor));
    check(quill && !quill.next, 'the board card of a past interview shows no next interview', JSON.stringify(quill));
    check(!errors.length, 'no page errors', errors.join('; '));
  } catch (e) {
    failed++;
    console.log('FAIL - ' + (e.stack || e));
    console.log('--- careerops log (tail) ---\n' + fs.readFileSync(logPath, 'utf8').slice(-2000));
  } finally {
    if (ctx) await ctx.close();
    if (!exited) {
      const done = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      const t = setTimeout(() => child.kill('SIGKILL'), 20000);
      await done;
      clearTimeout(t);
    }
  }
  console.log(`${passed} passed, ${failed} failed`);
  if (!failed) fs.rmSync(tmp, { recursive: true, force: true });
  else console.log('kept ' + tmp);
  process.exit(failed || !passed ? 1 : 0);
}

main();
