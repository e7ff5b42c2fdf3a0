import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const WORKER_MAIN = join(__dirname, '../../../apps/worker/dist/main.js');

export interface WorkerProcess {
  child: ChildProcess;
  log(): string;
  /** SIGTERM and wait; resolves with the exit code. */
  stop(): Promise<number | null>;
}

/**
 * The real worker process (built by `npm test`), on the test database and queue prefix; `env`
 * overrides that (e.g. the fault scripts' own database, Redis and warehouse).
 */
export async function startWorkerProcess(timeoutMs = 20_000, env: NodeJS.ProcessEnv = {}): Promise<WorkerProcess> {
  if (!existsSync(WORKER_MAIN)) throw new Error(`${WORKER_MAIN} missing: run npm run build:server (npm test does)`);
  let output = '';
  const child = spawn(process.execPath, [WORKER_MAIN], {
    env: { ...process.env, NODE_ENV: 'development', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  await waitFor(async () => (output.includes('ShopDesk worker started') ? true : undefined), timeoutMs).catch((e: Error) => {
    child.kill('SIGKILL');
    throw new Error(`${e.message}\nworker output:\n${output}`);
  });
  return {
    child,
    log: () => output,
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
      const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
      child.kill('SIGTERM');
      return exited;
    },
  };
}

export async function waitFor<T>(probe: () => Promise<T | undefined>, timeoutMs: number, intervalMs = 100): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}
