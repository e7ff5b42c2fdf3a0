// Small TCP probes: is anything listening, and is it PostgreSQL / Redis?
import net from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';

/**
 * Connects to host:port, writes `payload` and waits for the first answer.
 * Resolves with `null` when nothing accepts the connection, otherwise with the
 * bytes answered (an empty Buffer if the peer said nothing before `timeoutMs`
 * or hung up).
 */
export function knock(host, port, payload, timeoutMs = 1500) {
  return new Promise((resolve) => {
    let connected = false;
    let settled = false;
    const socket = net.createConnection({ host, port });
    const done = (value) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      resolve(value);
    };
    const timer = setTimeout(() => done(connected ? Buffer.alloc(0) : null), timeoutMs);
    socket.once('connect', () => {
      connected = true;
      if (payload) socket.write(payload);
    });
    socket.once('data', (buf) => done(buf));
    socket.once('error', () => done(connected ? Buffer.alloc(0) : null));
    socket.once('close', () => done(connected ? Buffer.alloc(0) : null));
  });
}

/**
 * 'closed' (nothing answers), 'postgres' (answers a PostgreSQL SSLRequest with
 * 'S' or 'N') or 'other'.
 */
export async function probePostgres(host, port) {
  const sslRequest = Buffer.alloc(8);
  sslRequest.writeInt32BE(8, 0);
  sslRequest.writeInt32BE(80877103, 4);
  const answer = await knock(host, port, sslRequest);
  if (answer === null) return 'closed';
  if (answer.length >= 1 && (answer[0] === 0x53 || answer[0] === 0x4e)) return 'postgres';
  return 'other';
}

/**
 * 'closed', 'redis' (+PONG), 'redis-refuses' (a Redis error such as NOAUTH or
 * protected mode) or 'other'.
 */
export async function probeRedis(host, port) {
  const answer = await knock(host, port, 'PING\r\n');
  if (answer === null) return 'closed';
  const text = answer.toString('latin1');
  if (text.startsWith('+PONG')) return 'redis';
  if (text.startsWith('-')) return 'redis-refuses';
  return 'other';
}

/** True when nothing listens on host:port and we can bind it ourselves. */
export async function isPortFree(port, host = '127.0.0.1') {
  if ((await knock(host, port, null, 500)) !== null) return false;
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen({ port, host, exclusive: true }, () => server.close(() => resolve(true)));
  });
}

/**
 * Polls `check` until it returns a truthy value, and returns it. Gives up (and
 * returns undefined) after `timeoutMs`, or as soon as `shouldStop()` is true.
 */
export async function waitUntil(check, { timeoutMs = 30_000, intervalMs = 200, shouldStop = () => false } = {}) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (shouldStop()) return undefined;
    const value = await check();
    if (value) return value;
    if (Date.now() >= deadline) return undefined;
    await sleep(intervalMs);
  }
}
