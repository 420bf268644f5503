// review.test.mjs: the "Needs review" view in a real browser against a real
// `careerops run` (embedded mode, fresh state.dir, loopback API), in the
// style of dashboard.test.mjs. The inbox is three applications plus one
// emails the classifier is unsure of (one to fix, one to confirm);
// classify.review.threshold=1 makes sure they are queued:
//   - the view lists the unsure email (snippet, label, confidence);
//   - fix: the label picker (INTERVIEW) with a company and Save: the email
//     leaves the list and the board shows the new application in the
//     INTERVIEW column;
//   - confirm: the other unsure email's Confirm button: it leaves the list
//     and the board is unchanged;
//   - after a restart of the same state both answers stand (the list and the
//     board);
// and fails on any page error or console error.
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

let passed = 0, failed = 0;
const ok = (name) => { passed++; console.log(`ok - ${name}`); };
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

async function waitUntil(what, fn, timeoutMs) {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn().catch(() => null);
    if (v) return v;
    if (Date.now() > end) {
      check(false, `timed out waiting for ${what}`);
      throw new Fatal(what);
    }
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

const mail = (from, name, subject, date, id, body) =>
  [`From ${from} Mon Mar  3 14:00:00 2025`, `From: ${name} <${from}>`, `Subject: ${subject}`, `Date: ${date}`,
    `Message-ID: <${id}>`, '', body, ''].join('\n');

function inbox(dir) {
  const file = path.join(dir, 'inbox.mbox');
  fs.writeFileSync(file, [
    mail('careers@fjordline.example', 'Fjordline Careers', 'Thank you for applying to Fjordline',
      'Mon, 03 Mar 2025 09:00:00 -0500', 'conf-1@fjordline.example',
      'Hi Sam,\n\nThank you for applying to Fjordline. We have received your application for the QA Engineer\n' +
      'position and will review it carefully.\n\nThe Fjordline Recruiting Team'),
    mail('no-reply@tallpine.example', 'Tallpine Talent', 'Your application to Tallpine',
      'Wed, 12 Mar 2025 10:00:00 -0500', 'rej-1@tallpine.example',
      'Dear Sam,\n\nThank you for your interest in the Data Analyst role at Tallpine. After careful review we have\n' +
      'decided not to move forward with your application at this time.\n\nTallpine Talent Team'),
    mail('bo@quillstone.example', 'Bo Lind', 'Following up', 'Thu, 13 Mar 2025 11:00:00 -0500',
      'amb-1@quillstone.example',
      "Hi Sam,\n\nThanks for getting back to me. Let's find some time next week to go over things.\n\nBo"),
    mail('kim@northwind.example', 'Kim Berg', 'Quick question', 'Fri, 14 Mar 2025 11:00:00 -0500',
      'amb-2@northwind.example', 'Hi Sam,\n\nDo you have a minute this week? Something came up.\n\nKim'),
  ].join('\n'));
  return file;
}

async function startServer(tmp) {
  const exe = path.join(BIN, 'cli', 'careerops');
  must(fs.existsSync(exe), 'careerops binary exists', exe);
  const port = await freePort();
  const mbox = path.join(tmp, 'inbox.mbox');
  const args = ['run', '--sample', fs.existsSync(mbox) ? mbox : inbox(tmp), '-X', `state.dir=${path.join(tmp, 'state')}`,
    '-X', `api.listen=127.0.0.1:${port}`, '-X', 'account=sam',
    /* above the unsure notes' confidence: the calibrated model is sure of little else */
    '-X', 'classify.review.threshold=1'];
  const logPath = path.join(tmp, 'careerops.log');
  const child = spawn(exe, args, { stdio: ['ignore', fs.openSync(logPath, 'a'), fs.openSync(logPath, 'a')],
    env: { ...process.env, CAREEROPS_CONFIG: '' } });
  let exited = null;
  child.on('exit', (code, sig) => { exited = { code, sig }; });
  const base = `http://127.0.0.1:${port}`;
  try {
    await waitUntil('/ready', async () => {
      if (exited) throw new Fatal(`careerops exited early (${JSON.stringify(exited)})`);
      return (await fetch(base + '/ready')).status === 200;
    }, 120000);
  } catch (e) {
    child.kill('SIGKILL');
    console.log('--- careerops log (tail) ---\n' + fs.readFileSync(logPath, 'utf8').slice(-3000));
    throw e instanceof Fatal ? e : new Fatal(String(e));
  }
  const printed = fs.readFileSync(logPath, 'utf8').match(/dashboard and API on (\S+)/g) || [];
  const m = /\/\?token=([A-Za-z0-9_-]+)$/.exec(printed.length ? printed[printed.length - 1] : '');
  ok(`careerops run is ready on ${base}`);
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

const b64url = (s) => Buffer.from(s).toString('base64url');

/* Opens the signed-in page; returns {ctx, page, errors}. */
async function openPage(tmp, server, profile) {
  const { chromium } = await import('playwright-core');
  const ctx = await chromium.launchPersistentContext(path.join(tmp, profile), {
    executablePath: CHROMIUM, headless: true, viewport: { width: 1280, height: 900 },
    args: ['--no-sandbox', '--disable-background-networking', '--disable-gpu', '--no-first-run'],
  });
  const errors = [];
  const page = ctx.pages()[0] || (await ctx.newPage());
  page.on('pageerror', (e) => errors.push('pageerror: ' + e.message));
  page.on('console', (m) => { if (m.type() === 'error') errors.push('console.error: ' + m.text()); });
  must(server.secret, 'careerops run prints the dashboard URL with a session token');
  await page.goto(`${server.base}/?token=${server.secret}#/review`);
  return { ctx, page, errors };
}

async function view(page, name) {
  await page.waitForSelector(`#view[data-ready="${name}"]`, { timeout: 30000 });
}

async function queued(page, server) {
  /* the queue fills as the pipeline classifies the inbox */
  await waitUntil('two queued emails', async () => {
    await page.goto(`${server.base}/#/review`);
    await view(page, 'review');
    return (await page.$$('.review-item')).length >= 2;
  }, 60000);
}

const card = (page, stage, company) =>
  page.$(`.column[data-stage="${stage}"] .card:has-text("${company}")`);

async function main() {
  const tmpRoot = process.env.CO_TEST_TMPDIR || os.tmpdir();
  fs.mkdirSync(tmpRoot, { recursive: true });
  const tmp = fs.mkdtempSync(path.join(tmpRoot, 'dashboard-review-'));
  let server = null, ctx = null;
  const amb = b64url('amb-1@quillstone.example'), rej = b64url('amb-2@northwind.example');
  try {
    server = await startServer(tmp);
    let p = await openPage(tmp, server, 'profile-1');
    ctx = p.ctx;
    const page = p.page;
    await queued(page, server);
    const item = await page.$(`.review-item[data-id="${amb}"]`);
    must(item, 'the unsure email is listed in Needs review');
    check(/Following up/.test(await item.textContent()) && /%/.test(await item.textContent()),
      'the item shows the subject and the confidence');
    await page.goto(`${server.base}/#/board`);
    await view(page, 'board');
    check(!(await card(page, 'INTERVIEW', 'Quillstone')), 'before the fix the board has no Quillstone application');
    const cardsBefore = (await page.$$('.card')).length;

    /* fix */
    await page.goto(`${server.base}/#/review`);
    await view(page, 'review');
    await page.selectOption(`.review-item[data-id="${amb}"] .review-label`, 'INTERVIEW');
    await page.fill(`.review-item[data-id="${amb}"] .review-company`, 'Quillstone');
    await page.click(`.review-item[data-id="${amb}"] .review-fix`);
    await page.waitForFunction((id) => document.querySelector('#view[data-ready="review"]') &&
      !document.querySelector(`.review-item[data-id="${id}"]`), amb, { timeout: 30000 });
    ok('after Save the fixed email leaves the list');
    /* confirm */
    await page.click(`.review-item[data-id="${rej}"] .review-confirm`);
    await page.waitForFunction((id) => document.querySelector('#view[data-ready="review"]') &&
      !document.querySelector(`.review-item[data-id="${id}"]`), rej, { timeout: 30000 });
    ok('after Confirm the confirmed email leaves the list');
    await page.goto(`${server.base}/#/board`);
    await view(page, 'board');
    check(!!(await card(page, 'INTERVIEW', 'Quillstone')), 'the board shows the fixed email as an INTERVIEW application');
    check((await page.$$('.card')).length === cardsBefore + 1,
      'the board has one application more (the fix) and nothing else changed (the confirm)');
    check(p.errors.length === 0, 'no page errors or console errors', p.errors.join(' | '));
    await ctx.close();
    ctx = null;

    /* restart: the answers stand */
    await server.stop();
    server = await startServer(tmp);
    p = await openPage(tmp, server, 'profile-2');
    ctx = p.ctx;
    await view(p.page, 'review');
    check(!(await p.page.$(`.review-item[data-id="${amb}"]`)) && !(await p.page.$(`.review-item[data-id="${rej}"]`)),
      'after a restart the answered emails are still out of the list');
    await p.page.goto(`${server.base}/#/board`);
    await view(p.page, 'board');
    check(!!(await card(p.page, 'INTERVIEW', 'Quillstone')), 'after a restart the board still shows the fix');
    await p.page.goto(`${server.base}/#/review`);
    await view(p.page, 'review');
    await p.page.screenshot({ path: path.join(BIN, 'dashboard-review.png'), fullPage: true });
    check(p.errors.length === 0, 'no page errors or console errors after the restart', p.errors.join(' | '));
  } catch (e) {
    if (!(e instanceof Fatal)) {
      failed++;
      console.log('FAIL - unexpected error: ' + (e.stack || e));
    }
  } finally {
    if (ctx) await ctx.close();
    if (server) await server.stop();
  }
  console.log(`${passed} passed, ${failed} failed`);
  if (!failed) fs.rmSync(tmp, { recursive: true, force: true });
  else console.log('kept ' + tmp);
  process.exit(failed ? 1 : 0);
}

main();
