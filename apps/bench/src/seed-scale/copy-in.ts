// `COPY … FROM STDIN` in text format through pg-copy-streams, and the row encoding it takes:
// values escaped as COPY's text format wants them, batches built as bytes (`ByteWriter`).
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';

/** Runs `COPY table (columns) FROM STDIN` with rows already encoded by `copyRow`. Resolves to the row count. */
export async function copyIn(db: PoolClient, table: string, columns: readonly string[], payload: string | Buffer): Promise<number> {
  const data = typeof payload === 'string' ? Buffer.from(payload, 'utf8') : payload;
  const stream = db.query(copyFrom(`COPY ${table} (${columns.join(', ')}) FROM STDIN`));
  // One batch is handed over whole (callers bound its size); in 16 MB pieces so no write is huge.
  const CHUNK = 16 * 1024 * 1024;
  const pieces = Array.from({ length: Math.ceil(data.length / CHUNK) }, (_, i) => data.subarray(i * CHUNK, (i + 1) * CHUNK));
  await pipeline(Readable.from(pieces), stream);
  return stream.rowCount;
}

const SPECIAL = /[\\\t\n\r]/;
const SPECIAL_ALL = /[\\\t\n\r]/g;
const ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

/** One value in COPY's text format: `\N` for null, backslash escapes for the separators. */
export function copyValue(v: string | number | boolean | null | undefined): string {
  if (v === null || v === undefined) return '\\N';
  if (typeof v !== 'string') return String(v);
  return SPECIAL.test(v) ? v.replace(SPECIAL_ALL, (c) => ESCAPES[c]) : v;
}

/** A row's fields in COPY's text format, tab-separated, without the newline. */
export function copyFields(values: readonly (string | number | boolean | null | undefined)[]): string {
  let s = copyValue(values[0]);
  for (let i = 1; i < values.length; i++) s += '\t' + copyValue(values[i]);
  return s;
}

/** One row in COPY's text format, newline included. */
export function copyRow(values: readonly (string | number | boolean | null | undefined)[]): string {
  return copyFields(values) + '\n';
}

/**
 * A growing byte buffer for COPY payloads. Batches are built here rather than as JS strings: a
 * batch's tens of megabytes then live outside the JS heap instead of in long-lived strings the
 * garbage collector keeps scanning and moving (that was a quarter of the seeder's CPU).
 */
export class ByteWriter {
  buf: Buffer;
  length = 0;
  constructor(capacity = 1 << 16) {
    this.buf = Buffer.allocUnsafe(capacity);
  }

  /** Makes room for `extra` more bytes (callers that then use `unchecked*` must stay within it). */
  ensure(extra: number): void {
    if (this.length + extra <= this.buf.length) return;
    const bigger = Buffer.allocUnsafe(Math.max(this.buf.length * 2, this.length + extra));
    this.buf.copy(bigger, 0, 0, this.length);
    this.buf = bigger;
  }
  /** Appends a string as UTF-8. */
  text(s: string): void {
    this.ensure(s.length * 3);
    this.length += this.buf.write(s, this.length, 'utf8');
  }
  byte(c: number): void {
    this.ensure(1);
    this.buf[this.length++] = c;
  }
  uncheckedByte(c: number): void {
    this.buf[this.length++] = c;
  }
  uncheckedBytes(b: Uint8Array): void {
    this.buf.set(b, this.length);
    this.length += b.length;
  }
  /** The bytes written so far (a view, valid until the next write). */
  view(): Buffer {
    return this.buf.subarray(0, this.length);
  }
}
