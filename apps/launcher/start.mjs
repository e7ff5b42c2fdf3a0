#!/usr/bin/env node
// ShopDesk one-command runner (`npm start`, `npm run dev`).
//
//   node apps/launcher/start.mjs                  built API + worker (after `npm run build`)
//   node apps/launcher/start.mjs --dev            tsc --watch, node --watch, Vite dev server
//   node apps/launcher/start.mjs --services-only  only PostgreSQL + Redis, prints their URLs
//
// 1. PostgreSQL  (lib/postgres.mjs)   2. Redis (lib/redis.mjs)
// 3. migrate + seed                   4. API + worker, wait for /health
// 5. Ctrl+C / SIGTERM: stop API + worker, then Redis and PostgreSQL if we started them.
//
// Environment: DATABASE_URL, REDIS_URL, PORT (3000), NODE_ENV, SEED_DEMO, COOKIE_SECURE, SHOPDESK_DATA_DIR
// (default <repo>/.data), SHOPDESK_EMBEDDED_PG_PORT, SHOPDESK_REDIS_PORT,
// SHOPDESK_HEALTH_TIMEOUT (seconds, default 120). See apps/launcher/README.md.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';
import { isPortFree, waitUntil } from './lib/net.mjs';
import { ensurePostgres } from './lib/postgres.mjs';
import { ensureRedis } from './lib/redis.mjs';
import { describeExit, run, startChild, stopChild } from './lib/processes.mjs';
import { LauncherError, detail, fail, say, warn } from './lib/ui.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const argv = process.argv.slice(2);
const DEV = argv.includes('--dev');
const SERVICES_ONLY = argv.includes('--services-only');

if (argv.includes('--help') || argv.includes('-h')) {
  const lines = fs.readFileSync(fileURLToPath(import.meta.url), 'utf8').split('\n').slice(1);
  const header = lines.slice(0, lines.findIndex((line) => !line.startsWith('//')));
  console.log(header.map((line) => line.replace(/^\/\/ ?/, '')).join('\n'));
  process.exit(0);
}
const unknown = argv.filter((a) => !['--dev', '--services-only'].includes(a));
if (unknown.length > 0) {
  fail('알 수 없는 옵션', `unknown option(s): ${unknown.join(' ')} (try --help)`);
  process.exit(2);
}

const PORT = process.env.PORT || '3000';
const DATA_ROOT = path.resolve(ROOT, process.env.SHOPDESK_DATA_DIR || '.data');
const HEALTH_TIMEOUT_MS = (Number(process.env.SHOPDESK_HEALTH_TIMEOUT) || 120) * 1000;

// The API's V8 heap is capped so its memory stays within what one small instance is given (≤ 250 MB RSS under
// load, docs/benchmarks.md); without a cap V8 lets the heap grow long before it collects. Same flag in the
// Dockerfile, docker-compose.yml and the benches (apps/bench/src/bench-env.ts).
const API_NODE_FLAGS = ['--max-old-space-size=192'];

const dist = {
  cli: path.join(ROOT, 'apps/api/dist/cli.js'),
  api: path.join(ROOT, 'apps/api/dist/main.js'),
  worker: path.join(ROOT, 'apps/worker/dist/main.js'),
};

/** Services to stop at the end, in reverse order: { stop(), stopSync() }. */
const services = [];
/** Child processes that must keep running: name → handle. */
const children = new Map();
/** The step in progress, so a shutdown can wait for it to settle. */
let current = Promise.resolve();
let stopping = false;
let firstSignalAt = 0;

const ABORT = Symbol('abort');

/** Awaits one step; `keep` records what it started before a shutdown looks. */
async function step(promise, keep) {
  current = promise;
  const value = await promise;
  keep?.(value);
  if (stopping) throw ABORT;
  return value;
}

/** Starts a long-running child; its unexpected end stops everything. */
function supervise(name, command, args, env) {
  const handle = startChild(name, command, args, { cwd: ROOT, env });
  children.set(name, handle);
  handle.exited.then((result) => {
    if (stopping) return;
    fail(`${name} 프로세스가 예기치 않게 종료됨`, `${name} exited unexpectedly (${describeExit(result)})`);
    shutdown(1, 'SIGTERM');
  });
  return handle;
}

/** A command that must succeed (migrate, seed, build). */
async function mustRun(name, command, args, env, ko) {
  const code = await step(
    run(name, command, args, { cwd: ROOT, env, onStart: (h) => children.set(name, h) }),
  );
  children.delete(name);
  if (code !== 0) throw new LauncherError(`${ko} 실패`, `${name} failed (exit ${code})`);
}

async function main() {
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => onSignal(signal));
  process.on('exit', lastResortCleanup);

  say(
    DEV ? 'ShopDesk 개발 모드 시작' : 'ShopDesk 시작',
    DEV ? 'starting ShopDesk in dev mode' : SERVICES_ONLY ? 'starting PostgreSQL and Redis' : 'starting ShopDesk',
  );

  if (DEV) {
    say('서버 코드 빌드 (npm run build:server)', 'building the server (npm run build:server)');
    await mustRun('build:server', npmCommand(), [...npmArgs(), 'run', 'build:server'], process.env, '서버 빌드');
  }
  if (!SERVICES_ONLY) {
    const missing = Object.values(dist).filter((file) => !fs.existsSync(file));
    if (missing.length > 0) {
      throw new LauncherError(
        '빌드 결과물이 없습니다',
        `missing build output: ${missing.map((f) => path.relative(ROOT, f)).join(', ')}`,
        'Run `npm run build` first (npm start does it for you).',
      );
    }
  }

  // 1-2. PostgreSQL and Redis
  fs.mkdirSync(DATA_ROOT, { recursive: true });
  const database = await step(ensurePostgres({ env: process.env, dataRoot: DATA_ROOT }), (s) => services.push(s));
  const redis = await step(ensureRedis({ env: process.env, dataRoot: DATA_ROOT }), (s) => {
    services.push(s);
    if (s.child) watchService('redis-server', s.child);
  });

  const env = {
    ...process.env,
    DATABASE_URL: database.url,
    REDIS_URL: redis.url,
    PORT,
    NODE_ENV: process.env.NODE_ENV || (DEV ? 'development' : 'production'),
    // A local run: always load the demo data (cli.js skips it in production
    // unless SEED_DEMO=true), and serve cookies over plain http://localhost.
    SEED_DEMO: process.env.SEED_DEMO || 'true',
    COOKIE_SECURE: process.env.COOKIE_SECURE || 'false',
    // The API and worker share one form-token secret; a local run keeps a generated one in the data dir.
    FORM_TOKEN_SECRET: process.env.FORM_TOKEN_SECRET || localSecret('form-token-secret'),
  };

  if (SERVICES_ONLY) {
    say('준비 완료 (Ctrl+C로 종료)', 'services are up (Ctrl+C stops them)');
    detail(`export DATABASE_URL='${database.url}'`);
    detail(`export REDIS_URL='${redis.url}'`);
    setInterval(() => {}, 1 << 30); // keep running until a signal
    return;
  }

  // 3. migrations and demo data
  say('데이터베이스 마이그레이션', 'running database migrations');
  await mustRun('migrate', process.execPath, [dist.cli, 'migrate'], env, '마이그레이션');
  say('데모 데이터 생성', 'seeding demo data');
  await mustRun('seed', process.execPath, [dist.cli, 'seed'], env, '데모 데이터 생성');

  // 4. API and worker
  if (!(await step(isPortFree(Number(PORT))))) {
    throw new LauncherError(
      `${PORT} 포트가 이미 사용 중입니다`,
      `port ${PORT} is already in use`,
      'Stop whatever uses it, or run with PORT=<another port>.',
    );
  }
  if (DEV) {
    say('개발 서버 시작 (tsc --watch, node --watch, vite)', 'starting watchers (tsc --watch, node --watch, vite)');
    supervise('tsc', process.execPath, [
      bin('typescript/bin/tsc'), '-b', 'apps/api', 'apps/worker', 'migrations', '--watch', '--preserveWatchOutput',
    ], env);
    supervise('api', process.execPath, [...API_NODE_FLAGS, '--watch', '--watch-preserve-output', dist.api], env);
    supervise('worker', process.execPath, ['--watch', '--watch-preserve-output', dist.worker], env);
    supervise('vite', process.execPath, [bin('vite/bin/vite.js'), '--config', 'apps/admin/vite.config.ts'], env);
    supervise('vite-support', process.execPath, [bin('vite/bin/vite.js'), '--config', 'apps/support/vite.config.ts'], env);
  } else {
    say('API 서버와 워커 시작', 'starting the API server and the worker');
    supervise('api', process.execPath, [...API_NODE_FLAGS, dist.api], env);
    supervise('worker', process.execPath, [dist.worker], env);
  }

  let lastStatus = 'no answer';
  const healthy = await step(
    waitUntil(
      async () => {
        try {
          const res = await fetch(`http://127.0.0.1:${PORT}/health`, { signal: AbortSignal.timeout(3000) });
          lastStatus = `HTTP ${res.status}`;
          return res.ok;
        } catch {
          return false;
        }
      },
      { timeoutMs: HEALTH_TIMEOUT_MS, intervalMs: 500, shouldStop: () => stopping },
    ),
  );
  if (!healthy) {
    throw new LauncherError(
      'API 서버가 응답하지 않습니다',
      `http://127.0.0.1:${PORT}/health did not answer OK within ${HEALTH_TIMEOUT_MS / 1000}s (last: ${lastStatus})`,
    );
  }

  say('준비 완료', 'ShopDesk is ready');
  if (DEV) {
    detail('관리자 화면 / admin UI (Vite):  http://localhost:5173');
    detail('고객 문의 양식 / support form (Vite): http://localhost:5174/support/');
  } else {
    detail(`관리자 화면 / admin UI:  http://localhost:${PORT}`);
    detail(`고객 문의 양식 / support form: http://localhost:${PORT}/support/`);
  }
  detail(`API 문서 / API docs:     http://localhost:${PORT}/api/docs`);
  detail('종료 / stop:             Ctrl+C');
}

/** A random secret created once and kept (mode 600) under the data directory, for local runs only. */
function localSecret(name) {
  const file = path.join(DATA_ROOT, name);
  if (!fs.existsSync(file)) {
    fs.mkdirSync(DATA_ROOT, { recursive: true });
    fs.writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600 });
  }
  return fs.readFileSync(file, 'utf8').trim();
}

/** A service child (redis-server) dying while we run stops everything. */
function watchService(name, handle) {
  handle.exited.then((result) => {
    if (stopping) return;
    fail(`${name} 프로세스가 예기치 않게 종료됨`, `${name} exited unexpectedly (${describeExit(result)})`);
    shutdown(1, 'SIGTERM');
  });
}

function onSignal(signal) {
  if (!stopping) {
    firstSignalAt = Date.now();
    shutdown(0, signal === 'SIGHUP' ? 'SIGTERM' : signal);
    return;
  }
  // npm forwards the terminal's Ctrl+C too, so one press can arrive twice:
  // only a later, deliberate second signal forces the children down.
  if (Date.now() - firstSignalAt < 2000) return;
  warn('강제 종료', 'forcing shutdown');
  for (const handle of children.values()) handle.signal('SIGKILL');
}

/**
 * Ordered shutdown: API/worker/watchers first (with the signal we received),
 * then the step that was in progress, then Redis and PostgreSQL. Exits.
 */
async function shutdown(code, signal) {
  if (stopping) return;
  stopping = true;
  say('종료 중...', 'shutting down...');
  await Promise.all([...children.values()].map((handle) => stopChild(handle, signal, 15_000)));
  await Promise.race([current.catch(() => {}), sleep(90_000)]);
  // A step that was still starting something may have added a child since.
  await Promise.all([...children.values()].map((handle) => stopChild(handle, 'SIGTERM', 5_000)));
  for (const service of [...services].reverse()) {
    try {
      await service.stop();
    } catch (error) {
      warn('서비스 종료 오류', error.message);
    }
  }
  say('종료', `stopped${code ? ` (exit ${code})` : ''}`);
  process.exit(code);
}

/** On an abnormal exit (crash), do not leave processes behind. */
function lastResortCleanup() {
  for (const handle of children.values()) if (handle.running()) handle.signal('SIGTERM');
  for (const service of [...services].reverse()) {
    try {
      service.stopSync();
    } catch {
      /* best effort */
    }
  }
}

function bin(relative) {
  const file = path.join(ROOT, 'node_modules', relative);
  if (!fs.existsSync(file)) {
    throw new LauncherError('개발 도구가 설치되지 않았습니다', `missing ${path.relative(ROOT, file)}`, 'Run `npm install`.');
  }
  return file;
}

// Under `npm run dev`, use the same npm that started us.
function npmCommand() {
  return process.env.npm_execpath ? process.execPath : 'npm';
}
function npmArgs() {
  return process.env.npm_execpath ? [process.env.npm_execpath] : [];
}

main().catch((error) => {
  if (error === ABORT) return; // a shutdown is already under way
  if (error instanceof LauncherError) {
    fail(error.ko, error.en);
    if (error.hint) detail(error.hint);
  } else {
    fail('예기치 못한 오류', error?.stack ?? String(error));
  }
  shutdown(1, 'SIGTERM');
});
