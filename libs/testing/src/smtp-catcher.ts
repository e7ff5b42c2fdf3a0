// A real SMTP listener for tests (smtp-server on a random port, no TLS, no auth) that keeps every
// message it accepts, decoded: RFC 2047 header words (B and Q) and base64 / quoted-printable
// bodies. It can be told to refuse mail, to exercise retries.
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { waitFor } from './worker-process';

export interface CaughtMail {
  from: string;
  to: string[];
  /** Header names lower-cased, values unfolded and decoded. */
  headers: Record<string, string>;
  subject: string;
  /** The text/plain body, decoded to a string. */
  text: string;
  raw: string;
}

export interface SmtpCatcher {
  host: string;
  port: number;
  messages: CaughtMail[];
  /** RCPT commands refused since the start (each refused send counts once). */
  refused: number;
  /** Refuse every recipient with this SMTP code from now on (e.g. 451, 550); null accepts again. */
  refuseWith(code: number | null): void;
  /** Resolves with the messages once at least `n` are received to `to` (any recipient when omitted). */
  waitForMessages(n: number, opts?: { to?: string; timeoutMs?: number }): Promise<CaughtMail[]>;
  close(): Promise<void>;
}

export async function startSmtpCatcher(): Promise<SmtpCatcher> {
  let refuse: number | null = null;
  const catcher: SmtpCatcher = {
    host: '127.0.0.1',
    port: 0,
    messages: [],
    refused: 0,
    refuseWith: (code) => {
      refuse = code;
    },
    waitForMessages: (n, opts = {}) =>
      waitFor(async () => {
        const got = catcher.messages.filter((m) => !opts.to || m.to.includes(opts.to.toLowerCase()));
        return got.length >= n ? got : undefined;
      }, opts.timeoutMs ?? 15_000),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
  const server = new SMTPServer({
    authOptional: true,
    // Plain SMTP like a development catcher (mailpit): no STARTTLS to upgrade to.
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onRcptTo(_address, _session, callback) {
      if (refuse === null) return callback();
      catcher.refused++;
      const err = new Error(refuse >= 500 ? 'Mailbox unavailable (test refusal)' : 'Try again later (test refusal)') as Error & {
        responseCode: number;
      };
      err.responseCode = refuse;
      callback(err);
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('latin1');
        const parsed = parseMail(raw);
        catcher.messages.push({
          ...parsed,
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address.toLowerCase()),
          raw,
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  catcher.port = (server.server.address() as AddressInfo).port;
  return catcher;
}

// ---- MIME decoding (just what a text mail needs) ----------------------------------------------

/** Splits a raw message (read as latin1, i.e. bytes) into decoded headers, subject and text body. */
export function parseMail(raw: string): { headers: Record<string, string>; subject: string; text: string } {
  const { headers, body } = splitHeaders(raw);
  return { headers, subject: headers.subject ?? '', text: decodeTextPart(headers, body) };
}

function splitHeaders(raw: string): { headers: Record<string, string>; body: string } {
  const at = raw.search(/\r?\n\r?\n/);
  const head = at < 0 ? raw : raw.slice(0, at);
  const body = at < 0 ? '' : raw.slice(at).replace(/^\r?\n\r?\n/, '');
  const headers: Record<string, string> = {};
  for (const line of head.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = decodeMimeWords(line.slice(colon + 1).trim());
  }
  return { headers, body };
}

function decodeTextPart(headers: Record<string, string>, body: string): string {
  const type = headers['content-type'] ?? 'text/plain';
  const boundary = /boundary="?([^";]+)"?/i.exec(type)?.[1];
  if (/^multipart\//i.test(type) && boundary) {
    for (const part of body.split(`--${boundary}`).slice(1)) {
      if (part.startsWith('--')) break;
      const p = splitHeaders(part.replace(/^\r?\n/, ''));
      const t = p.headers['content-type'] ?? 'text/plain';
      if (/^text\/plain/i.test(t) || /^multipart\//i.test(t)) return decodeTextPart(p.headers, p.body);
    }
    return '';
  }
  // ShopDesk sends UTF-8 only.
  return decodeTransfer(headers['content-transfer-encoding'] ?? '7bit', body).toString('utf8');
}

function decodeTransfer(encoding: string, body: string): Buffer {
  switch (encoding.toLowerCase()) {
    case 'base64':
      return Buffer.from(body.replace(/\s+/g, ''), 'base64');
    case 'quoted-printable':
      return qpBytes(body.replace(/=\r?\n/g, ''), false);
    default:
      return Buffer.from(body.replace(/\r?\n$/, ''), 'latin1');
  }
}

function qpBytes(s: string, underscoreIsSpace: boolean): Buffer {
  const out: number[] = [];
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === '=' && /^[0-9A-Fa-f]{2}$/.test(s.slice(i + 1, i + 3))) {
      out.push(parseInt(s.slice(i + 1, i + 3), 16));
      i += 2;
    } else if (c === '_' && underscoreIsSpace) out.push(0x20);
    else out.push(s.charCodeAt(i) & 0xff);
  }
  return Buffer.from(out);
}

const ENCODED_WORD = /=\?([^?]+)\?([BbQq])\?([^?]*)\?=/g;

/**
 * RFC 2047: `=?UTF-8?B?...?=` / `=?UTF-8?Q?...?=` words; whitespace between adjacent encoded words
 * is dropped, and their bytes are joined before decoding (a character may span two words).
 * Plain header text arrives as latin1 bytes and is read back as UTF-8.
 */
export function decodeMimeWords(value: string): string {
  const joined = value.replace(/\?=\s+=\?/g, '?==?');
  let out = '';
  let last = 0;
  let pending: Buffer[] = [];
  let pendingEnd = -1;
  const flush = () => {
    if (pending.length) out += Buffer.concat(pending).toString('utf8');
    pending = [];
  };
  for (const m of joined.matchAll(ENCODED_WORD)) {
    const start = m.index!;
    if (start !== pendingEnd) {
      flush();
      out += Buffer.from(joined.slice(last, start), 'latin1').toString('utf8');
    }
    pending.push(m[2].toUpperCase() === 'B' ? Buffer.from(m[3], 'base64') : qpBytes(m[3], true));
    last = pendingEnd = start + m[0].length;
  }
  flush();
  out += Buffer.from(joined.slice(last), 'latin1').toString('utf8');
  return out;
}
