import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../core/config/app-config';

export type TokenSource = 'form' | 'mail' | 'agent';

/** A ticket a customer token opened. */
export interface CustomerTicketRef {
  id: string;
  reference: string;
}

const sha256 = (s: string): Buffer => createHash('sha256').update(s).digest();

/**
 * Private status links. A token is 32 random bytes (256 bits), base64url; only its SHA-256 is
 * stored. A ticket may have several live tokens (the form's answer, each e-mailed link). A lookup
 * with a wrong token and one with an unknown reference do the same work and return the same null.
 */
@Injectable()
export class CustomerAccessService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Creates a new token for the ticket inside the caller's transaction; returns it (never stored). */
  async mint(m: EntityManager, ticketId: string, source: TokenSource): Promise<string> {
    const token = randomBytes(32).toString('base64url');
    await m.query(`INSERT INTO customer_access_tokens (ticket_id, token_hash, source) VALUES ($1, $2, $3)`, [
      ticketId,
      sha256(token),
      source,
    ]);
    return token;
  }

  /** The link the customer opens; the token rides in the fragment so it never reaches server logs. */
  statusUrl(reference: string, token: string): string {
    return `${this.config.publicBaseUrl}/support/t/${encodeURIComponent(reference)}#${token}`;
  }

  /**
   * Resolves reference + token to the ticket, or null (wrong token, unknown reference, revoked).
   * A merged ticket's reference leads to the surviving ticket (its tokens moved there on merge).
   */
  async open(reference: string, token: string | undefined): Promise<CustomerTicketRef | null> {
    const presented = sha256(typeof token === 'string' ? token : '');
    const rows = (await this.db.query(
      `WITH RECURSIVE chain AS (
         SELECT id, merged_into_id, 0 AS depth FROM tickets WHERE reference = $1
         UNION ALL
         SELECT n.id, n.merged_into_id, c.depth + 1 FROM tickets n JOIN chain c ON n.id = c.merged_into_id WHERE c.depth < 10
       )
       SELECT t.id, t.reference, a.id AS token_id, a.token_hash
         FROM chain c JOIN tickets t ON t.id = c.id
         JOIN customer_access_tokens a ON a.ticket_id = t.id AND a.revoked_at IS NULL
        WHERE c.merged_into_id IS NULL`,
      [reference],
    )) as { id: string; reference: string; token_id: string; token_hash: Buffer }[];
    // Compare against every live token (and a dummy when there are none) so timing tells nothing.
    let match: (typeof rows)[number] | null = null;
    for (const row of rows.length ? rows : [{ token_hash: Buffer.alloc(32) } as (typeof rows)[number]]) {
      if (timingSafeEqual(row.token_hash, presented) && row.id) match = row;
    }
    if (!match || typeof token !== 'string' || token.length < 20) return null;
    await this.db.query(`UPDATE customer_access_tokens SET last_used_at = now() WHERE id = $1 AND (last_used_at IS NULL OR last_used_at < now() - interval '1 minute')`, [match.token_id]);
    return { id: match.id, reference: match.reference };
  }
}
