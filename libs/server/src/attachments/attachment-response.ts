import type { Response } from 'express';
import type { PublicAttachment } from '@shopdesk/contracts/public';

/**
 * Sends a stored file as a download: the sniffed type, `attachment` disposition (RFC 6266 with a
 * UTF-8 name), no sniffing, no caching by shared caches, and a CSP that stops anything from running.
 */
export function sendAttachment(res: Response, meta: PublicAttachment, bytes: Buffer): void {
  const ascii = meta.filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  res.setHeader('Content-Type', meta.contentType);
  res.setHeader('Content-Length', String(bytes.length));
  res.setHeader('Content-Disposition', `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(meta.filename)}`);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Cache-Control', 'private, no-store');
  res.setHeader('Content-Security-Policy', "default-src 'none'; sandbox");
  res.end(bytes);
}
