import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Outbound e-mail: one row per mail, written in the transaction of the change that triggers it
 * (with an outbox row for the worker). Bodies are stored as sent except for the private status
 * link, which is a `{{statusUrl}}` placeholder filled with a fresh token at send time.
 */
export class OutboundMessages1795350000000 implements MigrationInterface {
  name = 'OutboundMessages1795350000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE "outbound_messages" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "ticket_id" uuid,
        "kind" text NOT NULL,
        "to_address" text NOT NULL,
        "locale" text NOT NULL,
        "subject" text NOT NULL,
        "body_text" text NOT NULL,
        "status" text NOT NULL DEFAULT 'queued',
        "status_reason" text,
        "attempts" integer NOT NULL DEFAULT 0,
        "last_error" text,
        "smtp_message_id" text,
        "dedupe_key" text NOT NULL,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "sent_at" timestamptz,
        CONSTRAINT "outbound_messages_pkey" PRIMARY KEY ("id"),
        CONSTRAINT "outbound_messages_dedupe_key_key" UNIQUE ("dedupe_key"),
        CONSTRAINT "outbound_messages_kind_check" CHECK ("kind" IN ('confirmation','agent_reply','resolution','sla_escalation','access_link')),
        CONSTRAINT "outbound_messages_locale_check" CHECK ("locale" IN ('ko','en')),
        CONSTRAINT "outbound_messages_status_check" CHECK ("status" IN ('queued','sent','failed','not_sent')),
        CONSTRAINT "outbound_messages_ticket_id_fkey" FOREIGN KEY ("ticket_id") REFERENCES "tickets" ("id") ON DELETE CASCADE
      )`);
    await q.query(`CREATE INDEX "outbound_messages_ticket_idx" ON "outbound_messages" ("ticket_id", "created_at")`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "outbound_messages"`);
  }
}
