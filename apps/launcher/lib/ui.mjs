// Status lines of the launcher: one short Korean + English line per step.

const colour = process.stdout.isTTY && !process.env.NO_COLOR;
const paint = (code, text) => (colour ? `\x1b[${code}m${text}\x1b[0m` : text);

const TAG = paint('36', '[shopdesk]');

/** A normal status line: `[shopdesk] 한국어 / English`. */
export function say(ko, en) {
  console.log(`${TAG} ${ko} / ${en}`);
}

/** A warning line on stderr. */
export function warn(ko, en) {
  console.error(`${TAG} ${paint('33', '!')} ${ko} / ${en}`);
}

/** An error line on stderr. */
export function fail(ko, en) {
  console.error(`${TAG} ${paint('31', '✖')} ${ko} / ${en}`);
}

/** A plain detail line (no translation needed: URLs, commands, log tails). */
export function detail(text) {
  for (const line of String(text).split('\n')) console.log(`${TAG}    ${line}`);
}

/** An error the launcher explains to the user and exits on (exit code 1). */
export class LauncherError extends Error {
  constructor(ko, en, hint) {
    super(en);
    this.ko = ko;
    this.en = en;
    this.hint = hint;
  }
}

/** `postgres://user:secret@host/db` → `postgres://user:***@host/db` for printing. */
export function maskUrl(url) {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '(invalid URL)';
  }
}
