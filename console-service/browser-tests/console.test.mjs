// The console in a real browser (Debian's headless Chromium driven by Playwright), signed in through the real OpenID
// provider of the end-to-end stack: an admin creates a key, uses it, revokes it; sets up a webhook endpoint, sends a
// test and finds the delivery in the log; a member finds every write control absent and every write refused. Each
// page is photographed at desktop and phone widths (the screenshots folder is kept as a build artifact).
//
// Environment (set by ./suite test): RS_CONSOLE_URL, RS_GATEWAY_URL, RS_KEYS_URL, RS_OPERATOR_TOKEN_FILE,
// RS_ADMIN_EMAIL, RS_ADMIN_PASSWORD_FILE, RS_MEMBER_EMAIL, RS_MEMBER_PASSWORD_FILE, RS_SCREENSHOTS, RS_CHROMIUM.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, mkdirSync } from 'node:fs';
import { createServer } from 'node:http';
import { chromium } from 'playwright-core';

const env = (name) => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set (./suite test sets it)`);
  return value;
};
const CONSOLE = env('RS_CONSOLE_URL');
const GATEWAY = env('RS_GATEWAY_URL');
const KEYS = env('RS_KEYS_URL');
const OPERATOR_TOKEN = readFileSync(env('RS_OPERATOR_TOKEN_FILE'), 'utf8').trim();
const ADMIN = { email: env('RS_ADMIN_EMAIL'), password: readFileSync(env('RS_ADMIN_PASSWORD_FILE'), 'utf8').trim() };
const MEMBER = { email: env('RS_MEMBER_EMAIL'), password: readFileSync(env('RS_MEMBER_PASSWORD_FILE'), 'utf8').trim() };
const SHOTS = env('RS_SCREENSHOTS');
const DEADLINE_MS = 20_000;
const WIDTHS = { desktop: { width: 1280, height: 900 }, phone: { width: 390, height: 844 } };

let browser;
let receiver;
let received = [];
let org;

async function operator(method, path, body) {
  const response = await fetch(KEYS + path, {
    method,
    headers: { 'X-Operator-Token': OPERATOR_TOKEN, 'Content-Type': 'application/json' },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await response.text();
  assert.ok(response.ok, `${method} ${path}: ${response.status} ${text}`);
  return JSON.parse(text).data;
}

async function api(key, method, path, body) {
  const response = await fetch(GATEWAY + path, {
    method,
    headers: { Authorization: `Bearer ${key}`, 'Content-Type': 'application/json' },
    body: body ? JSON.stringify(body) : undefined,
  });
  return { status: response.status, body: await response.text() };
}

/** Polls until check() holds, at most DEADLINE_MS; returns its last value. */
async function eventually(what, check) {
  const until = Date.now() + DEADLINE_MS;
  let last;
  while (Date.now() < until) {
    last = await check();
    if (last) return last;
    await new Promise((r) => setTimeout(r, 500));
  }
  assert.fail(`${what} did not happen within ${DEADLINE_MS} ms`);
}

async function photograph(page, name) {
  for (const [label, size] of Object.entries(WIDTHS)) {
    await page.setViewportSize(size);
    // sensible at every width: the page itself never scrolls sideways (wide tables scroll inside their box)
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= size.width, `${name} is ${width} px wide at ${label} width ${size.width}`);
    await page.screenshot({ path: `${SHOTS}/${name}-${label}.png`, fullPage: true });
  }
  await page.setViewportSize(WIDTHS.desktop);
}

async function signIn(person) {
  const context = await browser.newContext({ viewport: WIDTHS.desktop });
  const page = await context.newPage();
  await page.goto(CONSOLE);
  // the provider's own sign-in page, reached through the authorization-code flow with PKCE
  assert.match(page.url(), /\/protocol\/openid-connect\/auth\?.*code_challenge_method=S256/);
  await page.fill('#username', person.email);
  await page.fill('#password', person.password);
  await Promise.all([page.waitForURL(`${CONSOLE}**`), page.click('#kc-login')]);
  await page.waitForSelector('h1');
  assert.equal(await page.textContent('h1'), 'Overview');
  return { context, page };
}

async function signOut(page) {
  await Promise.all([page.waitForURL(/signed-out/), page.click('form[action="/console/sign-out"] button')]);
  assert.match(await page.textContent('h1'), /signed out/);
  // the session is over at the console and at the provider: the console sends us to sign in again
  await page.goto(CONSOLE);
  assert.match(page.url(), /\/protocol\/openid-connect\/auth/);
}

before(async () => {
  mkdirSync(SHOTS, { recursive: true });
  receiver = createServer((request, response) => {
    let body = '';
    request.on('data', (c) => { body += c; });
    request.on('end', () => {
      received.push({ headers: request.headers, body });
      response.writeHead(200, { 'Content-Type': 'text/plain' });
      response.end('received by the browser test');
    });
  });
  await new Promise((r) => receiver.listen(0, '127.0.0.1', r));
  browser = await chromium.launch({
    executablePath: process.env.RS_CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
  // an organization of its own: the two demo people as its admin and member, matched by their verified emails
  org = (await operator('POST', '/admin/v1/organizations', { name: `Console test ${Date.now()}`, plan: 'enterprise' })).id;
  await operator('POST', `/admin/v1/organizations/${org}/members`, { userId: 'usr_console_admin', role: 'admin', email: ADMIN.email });
  await operator('POST', `/admin/v1/organizations/${org}/members`, { userId: 'usr_console_member', role: 'member', email: MEMBER.email });
  const seedKey = (await operator('POST', `/admin/v1/organizations/${org}/keys`,
    { name: 'seed', scopes: ['candidates:read', 'candidates:write', 'search:read'] })).key;
  const created = await api(seedKey, 'POST', '/api/v1/candidates', {
    name: 'Ada Browser', email: 'ada.browser@example.com', tags: ['console'], filename: 'ada-cv.txt',
    cvText: 'Ada Browser — Registered Nurse. Eight years on intensive care and surgical wards.',
  });
  assert.equal(created.status, 201, created.body);
});

after(async () => {
  await browser?.close();
  receiver?.close();
});

test('an admin creates a key, the API takes it, the admin revokes it and the API refuses it', async () => {
  const { context, page } = await signIn(ADMIN);
  await photograph(page, 'overview');
  await page.click('nav >> text=API keys');
  await photograph(page, 'keys');
  await page.fill('#key-name', 'browser test key');
  await page.check('input[name=scopes][value="candidates:read"]');
  await page.check('input[name=scopes][value="search:read"]');
  await page.click('button:has-text("Create the key")');
  await page.waitForSelector('input[data-secret]');
  const secret = await page.inputValue('input[data-secret]');
  assert.match(secret, /^rsa_live_/);
  assert.match(await page.textContent('.warning'), /shown only this once/);
  await photograph(page, 'key-created');

  const listed = await api(secret, 'GET', '/api/v1/candidates?limit=5');
  assert.equal(listed.status, 200, listed.body);
  assert.match(listed.body, /Ada Browser/);
  // the key holds only the scopes checked
  assert.equal((await api(secret, 'POST', '/api/v1/candidates', { name: 'Not Allowed' })).status, 403);

  await page.click('a:has-text("Back to the keys")');
  const row = page.locator('tr', { hasText: 'browser test key' });
  await row.locator('a:has-text("Revoke")').click();
  await photograph(page, 'key-revoke');
  await page.click('button:has-text("Revoke the key")');
  await page.waitForSelector('.notice');
  assert.match(await page.locator('tr', { hasText: 'browser test key' }).textContent(), /revoked/);
  await eventually('the API refusing the revoked key', async () => (await api(secret, 'GET', '/api/v1/candidates?limit=1')).status === 401);
  await context.close();
});

test('an admin adds a webhook endpoint, sends a test and sees the delivery in the log', async () => {
  const { context, page } = await signIn(ADMIN);
  await page.click('nav >> text=Webhooks');
  const url = `http://127.0.0.1:${receiver.address().port}/hooks`;
  await page.fill('#hook-url', url);
  await page.fill('#hook-description', 'browser test receiver');
  await page.check('input[name=events][value="candidate.created"]');
  await page.click('button:has-text("Add the endpoint")');
  await page.waitForSelector('input[data-secret]');
  assert.match(await page.inputValue('input[data-secret]'), /^whsec_/);
  await page.click('a:has-text("Go to the endpoint")');
  await page.click('button:has-text("Send a test event")');
  await page.waitForSelector('.notice');
  await eventually('the receiver getting the test event', async () => received.some((r) => r.body.includes('webhook.test')));
  const delivered = await eventually('the delivery in the log', async () => {
    await page.reload();
    const cells = page.locator('tr[data-event-type="webhook.test"][data-status="succeeded"]');
    return (await cells.count()) > 0 ? cells : null;
  });
  assert.match(await delivered.first().textContent(), /200/);
  await photograph(page, 'webhook');
  await delivered.first().locator('a:has-text("Details")').click();
  assert.match(await page.textContent('pre.payload >> nth=0'), /webhook\.test/);
  assert.match(await page.textContent('main'), /received by the browser test/);
  await photograph(page, 'delivery');
  await page.click('a:has-text("Back to the endpoint")');
  await page.click('button:has-text("Disable")');
  await page.waitForSelector('.notice');
  assert.match(await page.textContent('dl.facts'), /disabled/);
  await page.click('nav >> text=Webhooks');
  await photograph(page, 'webhooks');
  await context.close();
});

test('search and candidates show what the API finds, with links between them', async () => {
  const { context, page } = await signIn(ADMIN);
  await page.click('nav >> text=Search');
  await page.fill('#q', 'intensive care nurse');
  await page.click('button:has-text("Search")');
  const first = await eventually('the new CV indexed and found', async () => {
    const hit = page.locator('ol.results > li', { hasText: 'Ada Browser' });
    if ((await hit.count()) > 0) return hit.first();
    await page.reload();
    return null;
  });
  assert.match(await first.textContent(), /similarity/);
  await photograph(page, 'search');
  await first.locator('a').first().click();
  assert.equal(await page.textContent('h1'), 'Ada Browser');
  assert.match(await page.textContent('pre.cv'), /intensive care/);
  await photograph(page, 'candidate');
  await page.click('a:has-text("All candidates")');
  await photograph(page, 'candidates');
  await signOut(page);
  await context.close();
});

test('a member sees no write control, and the server refuses their writes', async () => {
  const { context, page } = await signIn(MEMBER);
  assert.match(await page.textContent('.who'), /read-only/);
  await page.click('nav >> text=API keys');
  assert.equal(await page.locator('form[action="/console/keys"]').count(), 0);
  assert.equal(await page.locator('a:has-text("Revoke")').count(), 0);
  await photograph(page, 'keys-member');
  await page.click('nav >> text=Webhooks');
  assert.equal(await page.locator('form[action="/console/webhooks"]').count(), 0);
  await page.locator('table a').first().click();
  assert.equal(await page.locator('form[action$="/disable"], form[action$="/enable"], form[action$="/test"], form[action$="/rotate-secret"]').count(), 0);

  // the same forms posted anyway, with the member's valid CSRF token: the API refuses, and nothing is created
  const csrf = page.locator('form[action="/console/sign-out"] input[type=hidden]');
  const form = { [await csrf.getAttribute('name')]: await csrf.getAttribute('value') };
  const keyAttempt = await page.request.post(`${CONSOLE}/keys`, { form: { ...form, name: 'member key', scopes: 'candidates:read' }, maxRedirects: 0 });
  assert.equal(keyAttempt.status(), 403, await keyAttempt.text());
  const hookAttempt = await page.request.post(`${CONSOLE}/webhooks`, { form: { ...form, url: 'http://127.0.0.1:9/x' }, maxRedirects: 0 });
  assert.equal(hookAttempt.status(), 403, await hookAttempt.text());
  const keysNow = await page.request.get(`${CONSOLE}/keys`);
  assert.doesNotMatch(await keysNow.text(), /member key/);
  // and without the CSRF token, a write is not even tried
  const forged = await page.request.post(`${CONSOLE}/keys`, { form: { name: 'forged', scopes: 'candidates:read' }, maxRedirects: 0 });
  assert.ok([400, 403].includes(forged.status()), `a form without its CSRF token answered ${forged.status()}`);
  await signOut(page);
  await context.close();
});

test('every page carries a strict Content-Security-Policy and no cache', async () => {
  const { context, page } = await signIn(ADMIN);
  const response = await page.goto(`${CONSOLE}/keys`);
  const csp = response.headers()['content-security-policy'];
  assert.match(csp, /default-src 'none'/);
  assert.match(csp, /script-src 'self'/);
  assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/);
  assert.match(csp, /frame-ancestors 'none'/);
  assert.equal(response.headers()['cache-control'], 'no-store');
  const cookies = await context.cookies();
  const session = cookies.find((c) => c.name.startsWith('q_session'));
  assert.ok(session, 'a session cookie');
  assert.equal(session.httpOnly, true);
  assert.ok(['Lax', 'Strict'].includes(session.sameSite));
  // every control can be reached with the keyboard and has a visible label
  const unlabeled = await page.$$eval('input:not([type=hidden]), select', (els) => els.filter((e) => {
    const id = e.id && document.querySelector(`label[for="${e.id}"]`);
    return !id && !e.closest('label');
  }).length);
  assert.equal(unlabeled, 0);
  await context.close();
});
