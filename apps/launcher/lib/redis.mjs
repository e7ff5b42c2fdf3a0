// Redis for the launcher, in this order:
//   1. REDIS_URL, when set, as it is;
//   2. a Redis answering PING on 127.0.0.1:6379 (SHOPDESK_REDIS_PORT=N: on N);
//   3. otherwise `redis-server` from PATH as a child process, data in <data>/redis;
//   4. otherwise exit with instructions to get Redis.
import fs from 'node:fs';
import path from 'node:path';
import { knock, probeRedis, waitUntil } from './net.mjs';
import { startChild, stopChild } from './processes.mjs';
import { LauncherError, maskUrl, say } from './ui.mjs';

const HOST = '127.0.0.1';
const DEFAULT_PORT = 6379;

const HOW_TO_GET_REDIS = [
  'Get Redis with one of:',
  '  docker compose up -d redis',
  '  sudo apt-get install -y redis-server',
  'or point the launcher at one: REDIS_URL=redis://HOST:PORT/0',
].join('\n');

/**
 * Makes sure Redis is available. Resolves with `{ url, stop(), stopSync(), child? }`;
 * `child` is the handle of a redis-server the launcher started.
 */
export async function ensureRedis({ env, dataRoot }) {
  if (env.REDIS_URL) {
    say('Redis: REDIS_URL 사용', `Redis: using REDIS_URL ${maskUrl(env.REDIS_URL)}`);
    return { url: env.REDIS_URL, stop: async () => {}, stopSync: () => {} };
  }
  const port = parsePort(env.SHOPDESK_REDIS_PORT) ?? DEFAULT_PORT;
  const url = `redis://${HOST}:${port}/0`;

  const dir = path.join(dataRoot, 'redis');
  let found = await probeRedis(HOST, port);
  if (found === 'redis' && (await isOurLeftover(port, dir))) {
    // A redis-server of ours that a killed launcher left behind: restart it as our child.
    say('Redis: 이전 실행에서 남은 redis-server 종료', 'stopping a redis-server left running by an earlier launch');
    await knock(HOST, port, 'SHUTDOWN\r\n', 5_000);
    await waitUntil(async () => (await probeRedis(HOST, port)) === 'closed', { timeoutMs: 10_000 });
    found = await probeRedis(HOST, port);
  }
  if (found === 'redis') {
    say(`Redis: ${HOST}:${port} 서버 사용`, `Redis: using the server on ${HOST}:${port}`);
    return { url, stop: async () => {}, stopSync: () => {} };
  }
  if (found === 'redis-refuses') {
    throw new LauncherError(
      `Redis: ${HOST}:${port} 서버가 PING을 거부합니다 (비밀번호?)`,
      `the Redis on ${HOST}:${port} refuses PING (password or protected mode?)`,
      `Set REDIS_URL=redis://:PASSWORD@${HOST}:${port}/0 and run again.`,
    );
  }
  if (found === 'other') {
    throw new LauncherError(
      `Redis: ${port} 포트를 Redis가 아닌 프로그램이 사용 중입니다`,
      `port ${port} is used by something that isn't Redis`,
      'Set REDIS_URL=redis://HOST:PORT/0 (or SHOPDESK_REDIS_PORT=N to start one on another port).',
    );
  }

  const binary = findOnPath('redis-server');
  if (!binary) {
    throw new LauncherError(
      'Redis: 실행 중인 Redis가 없고 redis-server도 설치되어 있지 않습니다',
      `no Redis on ${HOST}:${port} and no redis-server on PATH`,
      HOW_TO_GET_REDIS,
    );
  }

  fs.mkdirSync(dir, { recursive: true });
  const logFile = path.join(dir, 'redis.log');
  const log = fs.openSync(logFile, 'a');
  const child = startChild(
    'redis',
    binary,
    [
      '--port', String(port),
      '--bind', HOST,
      '--dir', dir,
      '--appendonly', 'yes',
      '--maxmemory-policy', 'noeviction',
      '--save', '',
    ],
    { cwd: dir, env: process.env, stdio: ['ignore', log, log] },
  );
  fs.closeSync(log);

  const state = await waitUntil(
    async () => (!child.running() ? 'exited' : (await probeRedis(HOST, port)) === 'redis' ? 'up' : undefined),
    { timeoutMs: 15_000, intervalMs: 100 },
  );
  if (state !== 'up') {
    await stopChild(child, 'SIGTERM', 5_000);
    let text = '';
    try {
      text = fs.readFileSync(logFile, 'utf8').trim().split('\n').slice(-10).join('\n');
    } catch {
      /* no log */
    }
    throw new LauncherError(
      'Redis: redis-server 시작 실패',
      `redis-server did not start on ${HOST}:${port}`,
      `${text}\n(log: ${logFile})`,
    );
  }
  say(`Redis: redis-server 시작 (포트 ${port})`, `started redis-server on ${HOST}:${port} (data in ${dir})`);

  let stopped = false;
  return {
    url,
    child,
    stop: async () => {
      if (stopped) return;
      stopped = true;
      await stopChild(child, 'SIGTERM', 10_000);
      say('Redis: redis-server 종료', 'redis-server stopped');
    },
    stopSync: () => {
      if (stopped) return;
      stopped = true;
      child.signal('SIGTERM');
    },
  };
}

/** True when the Redis on `port` keeps its data in our data dir. */
async function isOurLeftover(port, dir) {
  if (!fs.existsSync(dir)) return false;
  const answer = await knock(HOST, port, 'CONFIG GET dir\r\n');
  return Boolean(answer) && answer.toString('utf8').includes(`\r\n${fs.realpathSync(dir)}\r\n`);
}

function parsePort(value) {
  if (value === undefined || value === '') return undefined;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new LauncherError('SHOPDESK_REDIS_PORT 값이 잘못되었습니다', `SHOPDESK_REDIS_PORT must be a port number, got "${value}"`);
  }
  return port;
}

function findOnPath(name) {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (!dir) continue;
    const candidate = path.join(dir, name);
    try {
      fs.accessSync(candidate, fs.constants.X_OK);
      if (fs.statSync(candidate).isFile()) return candidate;
    } catch {
      /* not here */
    }
  }
  return undefined;
}
