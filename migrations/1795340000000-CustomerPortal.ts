import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The public support form and the private status page: the customer's language on the ticket,
 * hashed access tokens (several per ticket: the form's answer, each e-mailed link), evidence
 * attachments stored by content hash, and the replay record behind `Idempotency-Key`.
 */
export class CustomerPortal1795340000000 implements MigrationInterface {
  name = 'CustomerPortal1795340000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "tickets" ADD "customer_locale" text NOT NULL DEFAULT 'ko'`);
    await q.query(`ALTER TABLE "tickets" ADD CONSTRAINT "tickets_customer_locale_check" CHECK ("customer_locale" IN ('ko','en'))`);

    await q.query(`
      CREATE TABLE "customer_access_tokens" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "ticket_id" uuid NOT NULL,
        "token_hash" bytea NOT NULL,
        "source" text NOT NULL,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "last_used_at" timestamptz,
        "revoked_at" timestamptz,
        CONSTRAINT "customer_access_tokens_pkey" PRIMARY KEY ("id"),
        CONSTRAINT "customer_access_tokens_source_check" CHECK ("source" IN ('form','mail','agent')),
        CONSTRAINT "customer_access_tokens_ticket_id_fkey" FOREIGN KEY ("ticket_id") REFERENCES "tickets" ("id") ON DELETE CASCADE
      )`);
    await q.query(`CREATE INDEX "customer_access_tokens_ticket_idx" ON "customer_access_tokens" ("ticket_id")`);

    await q.query(`
      CREATE TABLE "attachments" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "ticket_id" uuid NOT NULL,
        "message_id" uuid,
        "sha256" text NOT NULL,
        "size" integer NOT NULL,
        "content_type" text NOT NULL,
        "filename" text NOT NULL,
        "uploaded_by" text NOT NULL,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "attachments_pkey" PRIMARY KEY ("id"),
        CONSTRAINT "attachments_uploaded_by_check" CHECK ("uploaded_by" IN ('customer','agent')),
        CONSTRAINT "attachments_size_check" CHECK ("size" > 0),
        CONSTRAINT "attachments_ticket_id_fkey" FOREIGN KEY ("ticket_id") REFERENCES "tickets" ("id") ON DELETE CASCADE,
        CONSTRAINT "attachments_message_id_fkey" FOREIGN KEY ("message_id") REFERENCES "ticket_messages" ("id") ON DELETE SET NULL
      )`);
    await q.query(`CREATE INDEX "attachments_ticket_idx" ON "attachments" ("ticket_id", "created_at")`);
    await q.query(`CREATE INDEX "attachments_sha256_idx" ON "attachments" ("sha256")`);

    // One row per Idempotency-Key of a public request; the stored answer is replayed as-is.
    await q.query(`
      CREATE TABLE "public_requests" (
        "key" text NOT NULL,
        "scope" text NOT NULL,
        "request_hash" text NOT NULL,
        "status" integer NOT NULL,
        "response" jsonb NOT NULL,
        "ticket_id" uuid,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "public_requests_pkey" PRIMARY KEY ("scope", "key"),
        CONSTRAINT "public_requests_ticket_id_fkey" FOREIGN KEY ("ticket_id") REFERENCES "tickets" ("id") ON DELETE CASCADE
      )`);
    await q.query(`CREATE INDEX "public_requests_created_idx" ON "public_requests" ("created_at")`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "public_requests"`);
    await q.query(`DROP TABLE "attachments"`);
    await q.query(`DROP TABLE "customer_access_tokens"`);
    await q.query(`ALTER TABLE "tickets" DROP CONSTRAINT "tickets_customer_locale_check"`);
    await q.query(`ALTER TABLE "tickets" DROP COLUMN "customer_locale"`);
  }
}
