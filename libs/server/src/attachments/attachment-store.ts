import { createHash, randomUUID } from 'node:crypto';
import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { fileTypeFromBuffer } from 'file-type/core';
import { ATTACHMENT_RULES } from '@shopdesk/contracts/public';
import { DomainError } from '../core/errors/domain-error';

/** An upload as it arrives (multer memory storage). */
export interface IncomingFile {
  originalname: string;
  size: number;
  buffer: Buffer;
}

/** A checked upload written to disk, ready to be recorded in the same transaction as its ticket. */
export interface StoredFile {
  sha256: string;
  size: number;
  contentType: string;
  filename: string;
}

/**
 * Keeps the name readable but harmless: no path parts, no control characters, bounded length, and
 * no bidirectional controls — with U+202E "사진\u202Egpj.pdf" would show to an agent as "사진fdp.jpg".
 */
export function safeFilename(name: string, contentType: string): string {
  const base = (name.split(/[\\/]/).pop() ?? '')
    .normalize('NFC')
    .replace(/[\u0000-\u001f\u007f<>:"|?*\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '')
    .trim();
  const ext = EXTENSIONS[contentType] ?? 'bin';
  const stem = base.replace(/\.[^.]*$/, '').slice(0, 100) || 'file';
  return `${stem}.${ext}`;
}

const EXTENSIONS: Record<string, string> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/webp': 'webp',
  'image/gif': 'gif',
  'image/heic': 'heic',
  'application/pdf': 'pdf',
};

/**
 * Evidence files on local disk, outside any public path, named by their SHA-256 (identical files
 * are stored once). The type is sniffed from the bytes; the name a client sends is never trusted.
 */
export class AttachmentStore {
  readonly root: string;

  constructor(dir: string) {
    this.root = isAbsolute(dir) ? dir : resolve(process.cwd(), dir);
  }

  private pathFor(sha256: string): string {
    if (!/^[0-9a-f]{64}$/.test(sha256)) throw new Error('bad content hash');
    return join(this.root, sha256.slice(0, 2), sha256);
  }

  /** Checks count, sizes and sniffed types; 413 for size, 422 for type. Nothing is written on failure. */
  async check(files: IncomingFile[], field = 'files'): Promise<StoredFile[]> {
    if (files.length > ATTACHMENT_RULES.maxFiles) {
      throw new DomainError('VALIDATION_FAILED', `첨부 파일은 ${ATTACHMENT_RULES.maxFiles}개까지 올릴 수 있습니다. / At most ${ATTACHMENT_RULES.maxFiles} files.`, {
        [field]: `at most ${ATTACHMENT_RULES.maxFiles} files`,
      });
    }
    const total = files.reduce((n, f) => n + f.size, 0);
    if (total > ATTACHMENT_RULES.maxTotalBytes || files.some((f) => f.size > ATTACHMENT_RULES.maxFileBytes)) {
      throw new DomainError('PAYLOAD_TOO_LARGE', '첨부 파일이 너무 큽니다 (파일당 10MB, 합계 25MB). / Files too large (10 MB each, 25 MB in total).', {
        [field]: 'too large',
      });
    }
    const out: StoredFile[] = [];
    for (const [i, f] of files.entries()) {
      if (f.size === 0 || f.buffer.length === 0) {
        throw new DomainError('VALIDATION_FAILED', '빈 파일은 올릴 수 없습니다. / Empty files are not accepted.', { [`${field}[${i}]`]: 'is empty' });
      }
      const sniffed = await fileTypeFromBuffer(f.buffer);
      const type = sniffed?.mime === 'image/heif' ? 'image/heic' : sniffed?.mime;
      if (!type || !(ATTACHMENT_RULES.contentTypes as readonly string[]).includes(type)) {
        throw new DomainError(
          'UNSUPPORTED_MEDIA',
          `사진(JPG, PNG, WEBP, GIF, HEIC)이나 PDF만 올릴 수 있습니다: ${f.originalname} / Only images or PDF files are accepted: ${f.originalname}`,
          { [`${field}[${i}]`]: `content is ${sniffed?.mime ?? 'not a recognised image or PDF'}` },
        );
      }
      out.push({
        sha256: createHash('sha256').update(f.buffer).digest('hex'),
        size: f.buffer.length,
        contentType: type,
        filename: safeFilename(f.originalname, type),
      });
    }
    return out;
  }

  /**
   * Writes the checked files (atomically: temp file + rename). Safe to repeat; a file whose ticket
   * transaction later fails stays unreferenced and is harmless (same hash, same bytes).
   */
  async write(files: IncomingFile[], stored: StoredFile[]): Promise<void> {
    for (const [i, s] of stored.entries()) {
      const path = this.pathFor(s.sha256);
      if (await stat(path).then((st) => st.size === s.size, () => false)) continue;
      await mkdir(dirname(path), { recursive: true, mode: 0o750 });
      const tmp = `${path}.${randomUUID()}.tmp`;
      await writeFile(tmp, files[i].buffer, { mode: 0o640 });
      await rename(tmp, path);
    }
  }

  read(sha256: string): Promise<Buffer> {
    return readFile(this.pathFor(sha256));
  }
}
