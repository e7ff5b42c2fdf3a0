// Warehouse sandbox: plays the shop's warehouse for ShopDesk reshipment requests.
// Node 20 built-ins only (node:http, node:crypto, global fetch). Contract: README.md.
import http from 'node:http';
import { createHash, createHmac, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import { pathToFileURL } from 'node:url';

const MAX_BODY_BYTES = 1024 * 1024;
const MAX_KEY_LENGTH = 255;

/** Stripe-style signature header value for a raw callback body. */
export function signCallback(rawBody, secret, t = Math.floor(Date.now() / 1000)) {
  const v1 = createHmac('sha256', secret).update(`${t}.${rawBody}`).digest('hex');
  return `t=${t},v1=${v1}`;
}

/** JSON with object keys sorted, so key order does not make two bodies "different". */
function canonicalJson(value) {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value)
      .sort()
      .filter((k) => value[k] !== undefined)
      .map((k) => `${JSON.stringify(k)}:${canonicalJson(value[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

const sha256 = (s) => createHash('sha256').update(s).digest();
const isRate = (v) => typeof v === 'number' && Number.isFinite(v) && v >= 0 && v <= 1;
const isMs = (v) => Number.isInteger(v) && v >= 0;
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

class HttpError extends Error {
  constructor(status, error, field = null) {
    super(error);
    this.status = status;
    this.field = field;
  }
}

/** Returns null when valid, else { status, error, field }. */
function validateReshipment(body) {
  const bad = (error, field) => ({ status: 422, error, field });
  if (!body || typeof body !== 'object' || Array.isArray(body)) return bad('body must be a JSON object', null);
  if (typeof body.reference !== 'string' || body.reference.trim() === '') return bad('reference is required', 'reference');
  if (typeof body.ticketReference !== 'string' || body.ticketReference.trim() === '')
    return bad('ticketReference is required', 'ticketReference');
  if (body.orderNumber !== undefined && body.orderNumber !== null && typeof body.orderNumber !== 'string')
    return bad('orderNumber must be a string or null', 'orderNumber');
  if (!Array.isArray(body.items) || body.items.length === 0) return bad('items must be a non-empty array', 'items');
  for (let i = 0; i < body.items.length; i++) {
    const item = body.items[i];
    if (!item || typeof item !== 'object' || Array.isArray(item)) return bad('item must be an object', `items[${i}]`);
    if (typeof item.sku !== 'string' || item.sku.trim() === '') return bad('sku is required', `items[${i}].sku`);
    if (!Number.isInteger(item.qty) || item.qty <= 0) return bad('qty must be a positive integer', `items[${i}].qty`);
    if (item.name !== undefined && item.name !== null && typeof item.name !== 'string')
      return bad('name must be a string', `items[${i}].name`);
  }
  if (body.address !== undefined && body.address !== null && (typeof body.address !== 'object' || Array.isArray(body.address)))
    return bad('address must be an object or null', 'address');
  if (typeof body.reason !== 'string') return bad('reason is required', 'reason');
  if (typeof body.callbackUrl !== 'string' || body.callbackUrl === '') return bad('callbackUrl is required', 'callbackUrl');
  let url;
  try {
    url = new URL(body.callbackUrl);
  } catch {
    return bad('callbackUrl must be an absolute URL', 'callbackUrl');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return bad('callbackUrl must be http(s)', 'callbackUrl');
  return null;
}

function readBody(req) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    let size = 0;
    req.on('data', (chunk) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new HttpError(413, 'body too large', null));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function parseJson(raw, { allowEmpty = false } = {}) {
  if (raw.trim() === '') {
    if (allowEmpty) return {};
    throw new HttpError(400, 'request body must be JSON', null);
  }
  try {
    return JSON.parse(raw);
  } catch {
    throw new HttpError(400, 'request body is not valid JSON', null);
  }
}

/**
 * Start the sandbox. Resolves to { url, port, close(), stats() }.
 * Extra options (beyond the README contract, mostly for tests): host, log, callbackRetries, callbackBackoffMs,
 * callbackTimeoutMs, random.
 */
export async function startWarehouseSandbox(options = {}) {
  const {
    port = 0,
    host = '127.0.0.1',
    apiKey,
    callbackSecret,
    timeoutMs = 10_000,
    callbackRetries = 5,
    callbackBackoffMs = 500,
    callbackTimeoutMs = 5_000,
    log = (line) => console.log(line),
    random = Math.random,
  } = options;
  if (typeof apiKey !== 'string' || apiKey === '') throw new TypeError('startWarehouseSandbox: apiKey is required');
  if (typeof callbackSecret !== 'string' || callbackSecret === '')
    throw new TypeError('startWarehouseSandbox: callbackSecret is required');

  const config = {
    delayMs: options.delayMs ?? 50,
    shipAfterMs: options.shipAfterMs ?? 500,
    failRate: options.failRate ?? 0,
    timeoutRate: options.timeoutRate ?? 0,
    timeoutMs,
  };
  const configError = checkConfig(config);
  if (configError) throw new RangeError(`startWarehouseSandbox: ${configError.field}: ${configError.error}`);

  const apiKeyDigest = sha256(apiKey);
  const timers = new Set(); // every pending setTimeout (delays, held sockets, callbacks) so close()/reset can stop them
  let closed = false;
  let state = freshState();

  function freshState() {
    return {
      byKey: new Map(), // idempotencyKey -> entry
      orders: [], // recorded orders, in order of arrival
      replays: 0,
      conflicts: 0,
      failuresInjected: 0,
      callbacks: { attempts: 0, delivered: 0, failed: 0 },
      generation: Symbol('generation'),
    };
  }

  function later(ms, fn) {
    const handle = setTimeout(() => {
      timers.delete(handle);
      fn();
    }, ms);
    timers.add(handle);
    return handle;
  }

  function stats() {
    const byKey = {};
    for (const order of state.orders) byKey[order.idempotencyKey] = (byKey[order.idempotencyKey] ?? 0) + 1;
    return {
      orders: state.orders.length,
      replays: state.replays,
      conflicts: state.conflicts,
      failuresInjected: state.failuresInjected,
      byKey,
      callbacks: { ...state.callbacks },
      config: { ...config },
    };
  }

  function newWarehouseRef() {
    let ref;
    do ref = `WH-${randomBytes(4).toString('hex').toUpperCase()}`;
    while (state.orders.some((o) => o.warehouseRef === ref));
    return ref;
  }

  function scheduleCallback(order) {
    const generation = state.generation;
    later(config.shipAfterMs, () => {
      if (closed || generation !== state.generation) return;
      order.status = 'shipped';
      order.courierCode = '04';
      order.waybill = String(randomInt(1e11, 1e12)); // 12 digits
      order.shippedAt = new Date().toISOString();
      const raw = JSON.stringify({
        reference: order.reference,
        warehouseRef: order.warehouseRef,
        status: 'shipped',
        courierCode: order.courierCode,
        waybill: order.waybill,
        shippedAt: order.shippedAt,
      });
      deliverCallback(order, raw, generation, 1);
    });
  }

  async function deliverCallback(order, raw, generation, attempt) {
    if (closed || generation !== state.generation) return;
    state.callbacks.attempts++;
    order.callback.attempts = attempt;
    let outcome;
    try {
      const res = await fetch(order.callbackUrl, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Signature': signCallback(raw, callbackSecret) },
        body: raw,
        signal: AbortSignal.timeout(callbackTimeoutMs),
      });
      await res.arrayBuffer().catch(() => {});
      outcome = res.ok ? null : `HTTP ${res.status}`;
    } catch (err) {
      const cause = err?.cause;
      outcome = err?.name === 'TimeoutError' ? `no answer within ${callbackTimeoutMs} ms`
        : cause?.code ?? cause?.errors?.[0]?.code ?? cause?.message ?? err?.message ?? 'network error';
    }
    if (closed || generation !== state.generation) return;
    if (outcome === null) {
      order.callback.delivered = true;
      order.callback.lastError = null;
      state.callbacks.delivered++;
      log(`[warehouse-sandbox] callback ${order.warehouseRef} -> ${order.callbackUrl} attempt ${attempt}: delivered`);
      return;
    }
    order.callback.lastError = outcome;
    if (attempt > callbackRetries) {
      state.callbacks.failed++;
      log(`[warehouse-sandbox] callback ${order.warehouseRef} attempt ${attempt}: ${outcome}; giving up`);
      return;
    }
    const wait = callbackBackoffMs * 2 ** (attempt - 1);
    log(`[warehouse-sandbox] callback ${order.warehouseRef} attempt ${attempt}: ${outcome}; retry in ${wait} ms`);
    later(wait, () => deliverCallback(order, raw, generation, attempt + 1));
  }

  function authorized(req) {
    const header = req.headers.authorization ?? '';
    const match = /^Bearer\s+(.+)$/i.exec(header.trim());
    if (!match) return false;
    return timingSafeEqual(sha256(match[1]), apiKeyDigest);
  }

  /** Returns { status, body, outcome, headers?, hold? }. */
  async function handleReshipment(req) {
    if (!authorized(req)) return { status: 401, body: { error: 'missing or invalid API key' }, outcome: 'unauthorized' };
    const key = req.headers['idempotency-key'];
    if (typeof key !== 'string' || key.trim() === '')
      return { status: 400, body: { error: 'Idempotency-Key header is required', field: 'Idempotency-Key' }, outcome: 'no key' };
    if (key.length > MAX_KEY_LENGTH)
      return { status: 400, body: { error: `Idempotency-Key longer than ${MAX_KEY_LENGTH}`, field: 'Idempotency-Key' }, outcome: 'bad key' };

    const body = parseJson(await readBody(req));
    const invalid = validateReshipment(body);
    if (invalid) return { status: invalid.status, body: { error: invalid.error, field: invalid.field }, outcome: `invalid ${invalid.field}`, key };

    // Failure injection happens before anything is recorded, so a retry with the same key is safe.
    if (random() < config.failRate) {
      state.failuresInjected++;
      return { status: 503, body: { error: 'warehouse temporarily unavailable (injected)' }, outcome: 'injected 503', key };
    }
    if (random() < config.timeoutRate) {
      state.failuresInjected++;
      return { hold: true, outcome: `injected timeout (${config.timeoutMs} ms)`, key };
    }

    const fingerprint = sha256(canonicalJson(body)).toString('hex');
    const existing = state.byKey.get(key);
    if (existing) {
      if (existing.fingerprint !== fingerprint) {
        state.conflicts++;
        return {
          status: 409,
          body: { error: 'Idempotency-Key was already used with a different body', field: 'Idempotency-Key' },
          outcome: 'conflict',
          key,
        };
      }
      state.replays++;
      const response = await existing.response; // may still be in its delay
      return { status: 202, body: response, headers: { 'Idempotent-Replayed': 'true' }, outcome: `replay ${response.warehouseRef}`, key };
    }

    // Record now (synchronously) so a concurrent duplicate waits for this one instead of creating a second order.
    const order = {
      idempotencyKey: key,
      warehouseRef: newWarehouseRef(),
      reference: body.reference,
      ticketReference: body.ticketReference,
      orderNumber: body.orderNumber ?? null,
      items: body.items.map(({ sku, qty, name }) => (name == null ? { sku, qty } : { sku, qty, name })),
      address: body.address ?? null,
      reason: body.reason,
      callbackUrl: body.callbackUrl,
      status: 'accepted',
      courierCode: null,
      waybill: null,
      shippedAt: null,
      receivedAt: new Date().toISOString(),
      callback: { attempts: 0, delivered: false, lastError: null },
    };
    const response = { warehouseRef: order.warehouseRef, status: 'accepted' };
    const generation = state.generation;
    const entry = { fingerprint, response: sleep(config.delayMs).then(() => response) };
    state.byKey.set(key, entry);
    state.orders.push(order);
    await entry.response;
    if (!closed && generation === state.generation) scheduleCallback(order);
    return { status: 202, body: response, outcome: `accepted ${order.warehouseRef}`, key };
  }

  async function handle(req, res) {
    const path = new URL(req.url ?? '/', 'http://sandbox').pathname;
    const route = `${req.method} ${path}`;
    let result;
    try {
      if (route === 'POST /reshipments') result = await handleReshipment(req);
      else if (route === 'GET /stats') result = { status: 200, body: stats(), outcome: 'ok' };
      else if (route === 'GET /orders') result = { status: 200, body: { orders: state.orders }, outcome: 'ok' };
      else if (route === 'GET /health') result = { status: 200, body: { ok: true }, outcome: 'ok' };
      else if (route === 'POST /reset') {
        await readBody(req);
        for (const t of timers) clearTimeout(t);
        timers.clear();
        state = freshState();
        result = { status: 200, body: { ok: true }, outcome: 'state cleared' };
      } else if (route === 'POST /config') {
        const patch = parseJson(await readBody(req), { allowEmpty: true });
        result = applyConfig(patch);
      } else if (['/reshipments', '/stats', '/orders', '/health', '/reset', '/config'].includes(path))
        result = { status: 405, body: { error: `method ${req.method} not allowed` }, outcome: 'method not allowed' };
      else result = { status: 404, body: { error: 'not found' }, outcome: 'not found' };
    } catch (err) {
      if (err instanceof HttpError) result = { status: err.status, body: { error: err.message, field: err.field }, outcome: err.message };
      else {
        result = { status: 500, body: { error: 'internal error' }, outcome: `error: ${err?.message ?? err}` };
      }
    }

    const keyText = result.key ?? req.headers['idempotency-key'] ?? '-';
    if (result.hold) {
      log(`[warehouse-sandbox] ${req.method} ${path} key=${keyText} -> ${result.outcome}`);
      later(config.timeoutMs, () => req.socket.destroy());
      return;
    }
    log(`[warehouse-sandbox] ${req.method} ${path} key=${keyText} -> ${result.status} ${result.outcome}`);
    if (res.destroyed || res.writableEnded) return; // client gave up (e.g. its own timeout)
    const payload = JSON.stringify(result.body);
    res.writeHead(result.status, {
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Length': Buffer.byteLength(payload),
      ...(result.headers ?? {}),
    });
    res.end(payload);
  }

  function checkConfig(c) {
    for (const name of ['failRate', 'timeoutRate']) if (!isRate(c[name])) return { error: 'must be a number between 0 and 1', field: name };
    for (const name of ['delayMs', 'shipAfterMs', 'timeoutMs'])
      if (!isMs(c[name])) return { error: 'must be a non-negative integer (ms)', field: name };
    return null;
  }

  function applyConfig(patch) {
    if (!patch || typeof patch !== 'object' || Array.isArray(patch))
      return { status: 422, body: { error: 'body must be a JSON object', field: null }, outcome: 'invalid config' };
    const allowed = ['failRate', 'timeoutRate', 'delayMs', 'shipAfterMs', 'timeoutMs'];
    const unknown = Object.keys(patch).find((k) => !allowed.includes(k));
    if (unknown) return { status: 422, body: { error: `unknown setting ${unknown}`, field: unknown }, outcome: 'invalid config' };
    const next = { ...config, ...patch };
    const error = checkConfig(next);
    if (error) return { status: 422, body: error, outcome: `invalid ${error.field}` };
    Object.assign(config, next);
    return { status: 200, body: { ...config }, outcome: `config ${JSON.stringify(patch)}` };
  }

  const server = http.createServer((req, res) => {
    handle(req, res).catch((err) => {
      log(`[warehouse-sandbox] ${req.method} ${req.url} -> unhandled ${err?.message ?? err}`);
      if (!res.headersSent) res.writeHead(500).end();
    });
  });

  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const boundPort = server.address().port;
  const urlHost = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host;

  return {
    url: `http://${urlHost}:${boundPort}`,
    port: boundPort,
    stats,
    config: () => ({ ...config }),
    close() {
      closed = true;
      for (const t of timers) clearTimeout(t);
      timers.clear();
      return new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Run directly: node apps/warehouse-sandbox/server.mjs

function envNumber(name, fallback, check, what) {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!check(value)) {
    console.error(`[warehouse-sandbox] ${name}=${raw} is invalid: ${what} / ${name} 값이 올바르지 않습니다`);
    process.exit(1);
  }
  return value;
}

async function main() {
  const missing = ['WAREHOUSE_API_KEY', 'WAREHOUSE_CALLBACK_SECRET'].filter((n) => !process.env[n]);
  if (missing.length) {
    console.error(
      `[warehouse-sandbox] missing required environment variable(s): ${missing.join(', ')}\n` +
        `[warehouse-sandbox] 필수 환경 변수가 없습니다: ${missing.join(', ')}\n` +
        `  e.g. WAREHOUSE_API_KEY=dev-key WAREHOUSE_CALLBACK_SECRET=dev-secret node apps/warehouse-sandbox/server.mjs`,
    );
    process.exit(1);
  }
  const port = envNumber('WAREHOUSE_SANDBOX_PORT', 4010, (v) => Number.isInteger(v) && v >= 0 && v < 65536, 'port 0-65535');
  const sandbox = await startWarehouseSandbox({
    port,
    host: process.env.WAREHOUSE_SANDBOX_HOST || '127.0.0.1',
    apiKey: process.env.WAREHOUSE_API_KEY,
    callbackSecret: process.env.WAREHOUSE_CALLBACK_SECRET,
    delayMs: envNumber('WAREHOUSE_DELAY_MS', 50, isMs, 'non-negative integer ms'),
    shipAfterMs: envNumber('WAREHOUSE_SHIP_AFTER_MS', 500, isMs, 'non-negative integer ms'),
    failRate: envNumber('WAREHOUSE_FAIL_RATE', 0, isRate, 'number 0..1'),
    timeoutRate: envNumber('WAREHOUSE_TIMEOUT_RATE', 0, isRate, 'number 0..1'),
    timeoutMs: envNumber('WAREHOUSE_TIMEOUT_MS', 10_000, isMs, 'non-negative integer ms'),
  });
  const c = sandbox.config();
  console.log(
    `[warehouse-sandbox] 창고 샌드박스 실행 중 / Warehouse sandbox listening on ${sandbox.url} ` +
      `(delay=${c.delayMs}ms, shipAfter=${c.shipAfterMs}ms, failRate=${c.failRate}, timeoutRate=${c.timeoutRate}, timeout=${c.timeoutMs}ms)`,
  );
  let stopping = false;
  const stop = async (signal) => {
    if (stopping) return;
    stopping = true;
    console.log(`[warehouse-sandbox] ${signal}: 종료합니다 / shutting down`);
    await sandbox.close();
    process.exit(0);
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((err) => {
    console.error(`[warehouse-sandbox] failed to start / 시작 실패: ${err?.message ?? err}`);
    process.exit(1);
  });
}
