// Child processes of the launcher.
//
// Every child is started in its own process group (`detached: true`) with stdin
// closed, so that a Ctrl+C in the terminal reaches only the launcher, which then
// forwards exactly one signal to each group in a controlled order (apps first,
// then Redis, then PostgreSQL). Signals go to the whole group, so wrappers such
// as `node --watch` take their own children with them.
import { spawn } from 'node:child_process';

/**
 * Starts `command args` and returns a handle:
 * `{ name, child, pid, exited: Promise<{ code, signal }>, running(), signal(sig) }`.
 * `stdio` defaults to inheriting stdout/stderr.
 */
export function startChild(name, command, args, { cwd, env, stdio } = {}) {
  const child = spawn(command, args, {
    cwd,
    env,
    stdio: stdio ?? ['ignore', 'inherit', 'inherit'],
    detached: process.platform !== 'win32',
  });
  let done = false;
  const exited = new Promise((resolve) => {
    child.once('error', (error) => {
      done = true;
      resolve({ code: null, signal: null, error });
    });
    child.once('exit', (code, signal) => {
      done = true;
      resolve({ code, signal });
    });
  });
  return {
    name,
    child,
    pid: child.pid,
    exited,
    running: () => !done,
    signal: (sig) => signalGroup(child, sig),
  };
}

/** Sends `sig` to the child's process group (falls back to the child alone). */
export function signalGroup(child, sig) {
  if (!child.pid || child.exitCode !== null || child.signalCode !== null) return;
  try {
    if (process.platform !== 'win32') process.kill(-child.pid, sig);
    else child.kill(sig);
  } catch (error) {
    if (error.code !== 'ESRCH') {
      try {
        child.kill(sig);
      } catch {
        /* already gone */
      }
    }
  }
}

/**
 * Runs a command to completion with stdout/stderr shown, and resolves with its
 * exit code (1 when it could not be started or was killed by a signal).
 * `onStart(handle)` lets the caller track it so a shutdown can stop it.
 */
export async function run(name, command, args, options = {}) {
  const handle = startChild(name, command, args, options);
  options.onStart?.(handle);
  const { code, error } = await handle.exited;
  if (error) return 1;
  return code ?? 1;
}

/**
 * Asks a child to stop with `sig`, waits up to `graceMs`, then kills the group.
 */
export async function stopChild(handle, sig = 'SIGTERM', graceMs = 15_000) {
  if (!handle.running()) return handle.exited;
  handle.signal(sig);
  let timer;
  const timedOut = new Promise((resolve) => {
    timer = setTimeout(() => resolve('timeout'), graceMs);
  });
  const result = await Promise.race([handle.exited, timedOut]);
  clearTimeout(timer);
  if (result === 'timeout') {
    handle.signal('SIGKILL');
    return handle.exited;
  }
  return result;
}

/** Describes how a child ended: "code 1" or "signal SIGKILL". */
export function describeExit({ code, signal, error }) {
  if (error) return error.message;
  if (signal) return `signal ${signal}`;
  return `code ${code}`;
}
