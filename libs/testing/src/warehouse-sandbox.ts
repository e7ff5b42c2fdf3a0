import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { waitFor } from './worker-process';

const SANDBOX_MAIN = join(__dirname, '../../../apps/warehouse-sandbox/server.mjs');

export const SANDBOX_API_KEY = 'sandbox-api-key-for-tests';
export const SANDBOX_CALLBACK_SECRET = 'sandbox-callback-secret-1234';

/** The warehouse sandbox as a real process on a free port; `env` tunes delays and failures. */
export async function startWarehouseSandbox(env: Record<string, string> = {}): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, [SANDBOX_MAIN], {
    env: {
      ...process.env,
      WAREHOUSE_SANDBOX_PORT: '0',
      WAREHOUSE_API_KEY: SANDBOX_API_KEY,
      WAREHOUSE_CALLBACK_SECRET: SANDBOX_CALLBACK_SECRET,
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  const url = await waitFor(async () => /listening on (http:\/\/[^\s]+)/.exec(out)?.[1], 10_000).catch((e: Error) => {
    child.kill('SIGKILL');
    throw new Error(`${e.message}\n${out}`);
  });
  return { url, child };
}
