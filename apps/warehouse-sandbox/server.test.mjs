// node --test apps/warehouse-sandbox/server.test.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto';
import { startWarehouseSandbox } from './server.mjs';

const API_KEY = 'test-api-key';
const SECRET = 'test-callback-secret';

/** Local receiver for warehouse callbacks. `answers` is the list of statuses to reply with, last one repeats. */
async function startReceiver(t, answers = [200]) {
  const calls = [];
  const waiters = [];
  const server = http.createServer((req, res) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      const status = answers[Math.min(calls.length, answers.length - 1)];
      calls.push({ raw, headers: req.headers, status, at: Date.now() });
      res.writeHead(status, { 'Content-Type': 'application/json' }).end('{}');
      for (const w of waiters.splice(0)) w();
    });
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  t.after(() => new Promise((r) => { server.close(r); server.closeAllConnections(); }));
  return {
    url: `http://127.0.0.1:${server.address().port}/webhooks/warehouse`,
    calls,
    async waitFor(n, ms = 5000) {
      const deadline = Date.now() + ms;
      while (calls.length < n) {
        if (Date.now() > deadline) throw new Error(`expected ${n} callback(s), got ${calls.length}`);
        await new Promise((r) => { waiters.push(r); setTimeout(r, 50); });
      }
      return calls;
    },
  };
}

async function startSandbox(t, overrides = {}) {
  const sandbox = await startWarehouseSandbox({
    apiKey: API_KEY,
    callbackSecret: SECRET,
    delayMs: 5,
    shipAfterMs: 30,
    callbackBackoffMs: 20,
    log: () => {},
    ...overrides,
  });
  t.after(() => sandbox.close());
  return sandbox;
}

function reshipmentBody(callbackUrl, extra = {}) {
  return {
    reference: 'rs_01HXYZ',
    ticketReference: 'T-2024-0001',
    orderNumber: '20240501-0001',
    items: [{ sku: 'SKU-1', qty: 1, name: '무선 이어폰' }],
    address: { name: '홍길동', zip: '06236', line1: '서울 강남구 테헤란로 1' },
    reason: 'missing delivery / 배송 누락',
    callbackUrl,
    ...extra,
  };
}

async function post(sandbox, body, { key = randomUUID(), apiKey = API_KEY, signal } = {}) {
  const headers = { 'Content-Type': 'application/json' };
  if (apiKey !== null) headers.Authorization = `Bearer ${apiKey}`;
  if (key !== null) headers['Idempotency-Key'] = key;
  const res = await fetch(`${sandbox.url}/reshipments`, { method: 'POST', headers, body: JSON.stringify(body), signal });
  return { status: res.status, body: await res.json(), headers: res.headers };
}

async function getStats(sandbox) {
  return (await fetch(`${sandbox.url}/stats`)).json();
}

async function postJson(url, body) {
  const res = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  return { status: res.status, body: await res.json() };
}

/** Verifies `t=<unix>,v1=<hex>` the way ShopDesk's generic verifier does. */
function verifySignature(header, raw, secret) {
  const m = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(header ?? '');
  assert.ok(m, `malformed X-Signature: ${header}`);
  const expected = createHmac('sha256', secret).update(`${m[1]}.${raw}`).digest();
  assert.ok(timingSafeEqual(expected, Buffer.from(m[2], 'hex')), 'signature does not match');
  assert.ok(Math.abs(Date.now() / 1000 - Number(m[1])) < 300, 'stale timestamp');
}

test('happy path: 202 accepted, then a signed shipped callback', async (t) => {
  const receiver = await startReceiver(t);
  const sandbox = await startSandbox(t);
  const key = randomUUID();
  const res = await post(sandbox, reshipmentBody(receiver.url), { key });
  assert.equal(res.status, 202);
  assert.match(res.body.warehouseRef, /^WH-[0-9A-F]{8}$/);
  assert.equal(res.body.status, 'accepted');

  const [call] = await receiver.waitFor(1);
  verifySignature(call.headers['x-signature'], call.raw, SECRET);
  assert.throws(() => verifySignature(call.headers['x-signature'], call.raw, 'wrong-secret'));
  const payload = JSON.parse(call.raw);
  assert.equal(payload.reference, 'rs_01HXYZ');
  assert.equal(payload.warehouseRef, res.body.warehouseRef);
  assert.equal(payload.status, 'shipped');
  assert.equal(payload.courierCode, '04');
  assert.match(payload.waybill, /^\d{12}$/);
  assert.equal(new Date(payload.shippedAt).toISOString(), payload.shippedAt);

  const stats = await getStats(sandbox);
  assert.equal(stats.orders, 1);
  assert.equal(stats.replays, 0);
  assert.deepEqual(stats.byKey, { [key]: 1 });
  assert.deepEqual(sandbox.stats().byKey, { [key]: 1 });
});

test('idempotent replay: same key and body twice -> one order, identical response, one callback', async (t) => {
  const receiver = await startReceiver(t);
  const sandbox = await startSandbox(t);
  const key = randomUUID();
  const body = reshipmentBody(receiver.url);
  const first = await post(sandbox, body, { key });
  // same body with a different key order is still "the same body"
  const reordered = Object.fromEntries(Object.entries(body).reverse());
  const second = await post(sandbox, reordered, { key });
  assert.equal(first.status, 202);
  assert.equal(second.status, 202);
  assert.deepEqual(second.body, first.body);
  assert.equal(second.headers.get('idempotent-replayed'), 'true');

  const stats = await getStats(sandbox);
  assert.equal(stats.orders, 1);
  assert.equal(stats.replays, 1);
  assert.deepEqual(stats.byKey, { [key]: 1 });
  await receiver.waitFor(1);
  await new Promise((r) => setTimeout(r, 150));
  assert.equal(receiver.calls.length, 1, 'a replay must not ship twice');
});

test('concurrent duplicates with one key create one order', async (t) => {
  const receiver = await startReceiver(t);
  const sandbox = await startSandbox(t, { delayMs: 100 });
  const key = randomUUID();
  const body = reshipmentBody(receiver.url);
  const results = await Promise.all([1, 2, 3].map(() => post(sandbox, body, { key })));
  for (const r of results) {
    assert.equal(r.status, 202);
    assert.deepEqual(r.body, results[0].body);
  }
  const stats = await getStats(sandbox);
  assert.equal(stats.orders, 1);
  assert.equal(stats.replays, 2);
  assert.deepEqual(stats.byKey, { [key]: 1 });
});

test('409 when the same key comes with a different body', async (t) => {
  const receiver = await startReceiver(t);
  const sandbox = await startSandbox(t);
  const key = randomUUID();
  assert.equal((await post(sandbox, reshipmentBody(receiver.url), { key })).status, 202);
  const conflict = await post(sandbox, reshipmentBody(receiver.url, { items: [{ sku: 'SKU-1', qty: 2 }] }), { key });
  assert.equal(conflict.status, 409);
  assert.equal(typeof conflict.body.error, 'string');
  const stats = await getStats(sandbox);
  assert.equal(stats.orders, 1);
  assert.equal(stats.conflicts, 1);
  assert.deepEqual(stats.byKey, { [key]: 1 });
});

test('401 on missing or wrong API key, nothing recorded', async (t) => {
  const sandbox = await startSandbox(t);
  const body = reshipmentBody('http://127.0.0.1:9/cb');
  const missing = await post(sandbox, body, { apiKey: null });
  assert.equal(missing.status, 401);
  assert.equal(typeof missing.body.error, 'string');
  const wrong = await post(sandbox, body, { apiKey: 'nope' });
  assert.equal(wrong.status, 401);
  assert.equal((await getStats(sandbox)).orders, 0);
});

test('400 without Idempotency-Key; 422 with field on invalid bodies', async (t) => {
  const sandbox = await startSandbox(t);
  const cb = 'http://127.0.0.1:9/cb';
  const noKey = await post(sandbox, reshipmentBody(cb), { key: null });
  assert.equal(noKey.status, 400);
  assert.equal(noKey.body.field, 'Idempotency-Key');

  const cases = [
    [{ items: [] }, 'items'],
    [{ items: [{ sku: 'A', qty: 0 }] }, 'items[0].qty'],
    [{ items: [{ sku: 'A', qty: 1.5 }] }, 'items[0].qty'],
    [{ items: [{ sku: 'A', qty: '1' }] }, 'items[0].qty'],
    [{ reference: undefined }, 'reference'],
    [{ callbackUrl: undefined }, 'callbackUrl'],
    [{ callbackUrl: 'not a url' }, 'callbackUrl'],
  ];
  for (const [patch, field] of cases) {
    const res = await post(sandbox, reshipmentBody(cb, patch));
    assert.equal(res.status, 422, JSON.stringify(patch));
    assert.equal(res.body.field, field);
    assert.equal(typeof res.body.error, 'string');
  }
  const badJson = await fetch(`${sandbox.url}/reshipments`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${API_KEY}`, 'Idempotency-Key': randomUUID() },
    body: '{not json',
  });
  assert.equal(badJson.status, 400);
  assert.equal((await getStats(sandbox)).orders, 0);
});

test('failRate 1 -> 503 and nothing recorded; failRate 0 -> 202 with the same key, exactly one order', async (t) => {
  const receiver = await startReceiver(t);
  const sandbox = await startSandbox(t, { failRate: 1 });
  const key = randomUUID();
  const body = reshipmentBody(receiver.url);
  const failed = await post(sandbox, body, { key });
  assert.equal(failed.status, 503);
  let stats = await getStats(sandbox);
  assert.equal(stats.orders, 0);
  assert.equal(stats.failuresInjected, 1);
  assert.deepEqual(stats.byKey, {});

  const cfg = await postJson(`${sandbox.url}/config`, { failRate: 0 });
  assert.equal(cfg.status, 200);
  assert.equal(cfg.body.failRate, 0);
  const ok = await post(sandbox, body, { key });
  assert.equal(ok.status, 202);
  const again = await post(sandbox, body, { key });
  assert.deepEqual(again.body, ok.body);
  stats = await getStats(sandbox);
  assert.equal(stats.orders, 1);
  assert.equal(stats.replays, 1);
  assert.deepEqual(stats.byKey, { [key]: 1 });
});

test('timeoutRate 1 -> no answer and nothing recorded; retry with the same key -> one order', async (t) => {
  const receiver = await startReceiver(t);
  const sandbox = await startSandbox(t, { timeoutRate: 1, timeoutMs: 150 });
  const key = randomUUID();
  const body = reshipmentBody(receiver.url);
  const started = Date.now();
  await assert.rejects(post(sandbox, body, { key }));
  assert.ok(Date.now() - started >= 100, 'the socket should be held before it is destroyed');
  assert.equal((await getStats(sandbox)).orders, 0);

  await postJson(`${sandbox.url}/config`, { timeoutRate: 0 });
  assert.equal((await post(sandbox, body, { key })).status, 202);
  const stats = await getStats(sandbox);
  assert.equal(stats.orders, 1);
  assert.equal(stats.failuresInjected, 1);
  assert.deepEqual(stats.byKey, { [key]: 1 });
});

test('callback is retried (re-signed) after the receiver answers 500', async (t) => {
  const receiver = await startReceiver(t, [500, 200]);
  const sandbox = await startSandbox(t);
  assert.equal((await post(sandbox, reshipmentBody(receiver.url))).status, 202);
  const calls = await receiver.waitFor(2);
  assert.equal(calls[0].status, 500);
  assert.equal(calls[1].status, 200);
  assert.equal(calls[1].raw, calls[0].raw, 'the same event is redelivered');
  for (const c of calls) verifySignature(c.headers['x-signature'], c.raw, SECRET);
  await new Promise((r) => setTimeout(r, 100));
  assert.equal(receiver.calls.length, 2, 'no more attempts after a 2xx');
  assert.deepEqual(sandbox.stats().callbacks, { attempts: 2, delivered: 1, failed: 0 });
});

test('callback gives up after 5 retries', async (t) => {
  const receiver = await startReceiver(t, [500]);
  const sandbox = await startSandbox(t, { callbackBackoffMs: 5 });
  assert.equal((await post(sandbox, reshipmentBody(receiver.url))).status, 202);
  await receiver.waitFor(6);
  await new Promise((r) => setTimeout(r, 300));
  assert.equal(receiver.calls.length, 6, '1 attempt + 5 retries');
  assert.deepEqual(sandbox.stats().callbacks, { attempts: 6, delivered: 0, failed: 1 });
});

test('POST /reset clears state; POST /config rejects bad values', async (t) => {
  const sandbox = await startSandbox(t, { shipAfterMs: 10_000 });
  assert.equal((await post(sandbox, reshipmentBody('http://127.0.0.1:9/cb'))).status, 202);
  assert.equal((await getStats(sandbox)).orders, 1);
  assert.equal((await postJson(`${sandbox.url}/reset`, {})).status, 200);
  const stats = await getStats(sandbox);
  assert.equal(stats.orders, 0);
  assert.deepEqual(stats.byKey, {});

  const bad = await postJson(`${sandbox.url}/config`, { failRate: 2 });
  assert.equal(bad.status, 422);
  assert.equal(bad.body.field, 'failRate');
  assert.equal((await postJson(`${sandbox.url}/config`, { delayMs: -1 })).status, 422);
  assert.equal((await postJson(`${sandbox.url}/config`, { bogus: 1 })).status, 422);
});
