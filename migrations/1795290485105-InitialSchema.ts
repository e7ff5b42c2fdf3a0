import { MigrationInterface, QueryRunner } from 'typeorm';

export class InitialSchema1795290485105 implements MigrationInterface {
  name = 'InitialSchema1795290485105';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TYPE "user_role" AS ENUM ('agent', 'lead', 'admin')`);
    await q.query(`CREATE TYPE "actor_type" AS ENUM ('agent', 'customer', 'system')`);
    await q.query(`CREATE TYPE "ticket_type" AS ENUM ('missing_delivery', 'refund', 'cancellation')`);
    await q.query(
      `CREATE TYPE "ticket_status" AS ENUM ('new', 'open', 'pending_customer', 'pending_courier', 'pending_warehouse', 'resolved', 'closed')`,
    );
    // Declared low → urgent so ORDER BY priority ranks them.
    await q.query(`CREATE TYPE "ticket_priority" AS ENUM ('low', 'normal', 'high', 'urgent')`);
    await q.query(`CREATE TYPE "ticket_channel" AS ENUM ('form', 'agent', 'email', 'phone', 'courier')`);
    await q.query(`CREATE TYPE "payment_method" AS ENUM ('card', 'kakaopay', 'mobile_carrier', 'bank_transfer')`);
    await q.query(`CREATE TYPE "message_kind" AS ENUM ('public_reply', 'internal_note', 'customer_message')`);

    await q.query(`
      CREATE TABLE "users" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "email" text NOT NULL,
        "name" text NOT NULL,
        "role" "user_role" NOT NULL,
        "password_hash" text NOT NULL,
        "active" boolean NOT NULL DEFAULT true,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "updated_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "users_pkey" PRIMARY KEY ("id"),
        CONSTRAINT "users_email_lowercase" CHECK ("email" = lower("email"))
      )`);
    await q.query(`CREATE UNIQUE INDEX "users_email_key" ON "users" ("email")`);

    await q.query(`
      CREATE TABLE "sessions" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "token_hash" text NOT NULL,
        "user_id" uuid NOT NULL REFERENCES "users" ("id") ON DELETE CASCADE,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "expires_at" timestamptz NOT NULL,
        "last_seen_at" timestamptz NOT NULL,
        "ip" text,
        "user_agent" text,
        CONSTRAINT "sessions_pkey" PRIMARY KEY ("id")
      )`);
    await q.query(`CREATE UNIQUE INDEX "sessions_token_hash_key" ON "sessions" ("token_hash")`);
    await q.query(`CREATE INDEX "sessions_user_id_idx" ON "sessions" ("user_id")`);
    await q.query(`CREATE INDEX "sessions_expires_at_idx" ON "sessions" ("expires_at")`);

    await q.query(`CREATE SEQUENCE "ticket_reference_seq" START 1`);
    await q.query(`
      CREATE TABLE "tickets" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "reference" text NOT NULL,
        "type" "ticket_type" NOT NULL,
        "status" "ticket_status" NOT NULL DEFAULT 'new',
        "priority" "ticket_priority" NOT NULL DEFAULT 'normal',
        "channel" "ticket_channel" NOT NULL,
        "subject" text NOT NULL,
        "description" text,
        "customer_name" text NOT NULL,
        "customer_email" text,
        "customer_phone" text,
        "order_number" text,
        "order_items" jsonb NOT NULL DEFAULT '[]'::jsonb,
        "order_amount" bigint CHECK ("order_amount" >= 0),
        "currency" character(3) NOT NULL DEFAULT 'KRW',
        "payment_method" "payment_method",
        "paid_at" timestamptz,
        "courier_code" text,
        "waybill_number" text,
        "expected_delivery_date" date,
        "assignee_id" uuid REFERENCES "users" ("id") ON DELETE SET NULL,
        "tags" text[] NOT NULL DEFAULT '{}'::text[],
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "updated_at" timestamptz NOT NULL DEFAULT now(),
        "resolved_at" timestamptz,
        "closed_at" timestamptz,
        CONSTRAINT "tickets_pkey" PRIMARY KEY ("id"),
        CONSTRAINT "tickets_reference_key" UNIQUE ("reference")
      )`);
    // The agent list views: queue by status/priority, "my tickets", newest first.
    await q.query(`CREATE INDEX "tickets_status_priority_created_idx" ON "tickets" ("status", "priority" DESC, "created_at" DESC)`);
    await q.query(`CREATE INDEX "tickets_assignee_status_idx" ON "tickets" ("assignee_id", "status", "created_at" DESC)`);
    await q.query(`CREATE INDEX "tickets_created_at_idx" ON "tickets" ("created_at" DESC)`);
    await q.query(`CREATE INDEX "tickets_updated_at_idx" ON "tickets" ("updated_at" DESC)`);
    await q.query(`CREATE INDEX "tickets_type_status_idx" ON "tickets" ("type", "status")`);
    await q.query(`CREATE INDEX "tickets_tags_idx" ON "tickets" USING gin ("tags")`);
    await q.query(`CREATE INDEX "tickets_order_number_idx" ON "tickets" ("order_number")`);
    await q.query(`CREATE INDEX "tickets_waybill_number_idx" ON "tickets" ("waybill_number")`);

    await q.query(`
      CREATE TABLE "ticket_messages" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "ticket_id" uuid NOT NULL REFERENCES "tickets" ("id") ON DELETE CASCADE,
        "kind" "message_kind" NOT NULL,
        "author_type" "actor_type" NOT NULL,
        "author_id" uuid,
        "author_name" text NOT NULL,
        "body" text NOT NULL,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "ticket_messages_pkey" PRIMARY KEY ("id")
      )`);
    await q.query(`CREATE INDEX "ticket_messages_ticket_created_idx" ON "ticket_messages" ("ticket_id", "created_at")`);

    await q.query(`
      CREATE TABLE "ticket_events" (
        "id" bigint GENERATED ALWAYS AS IDENTITY,
        "ticket_id" uuid NOT NULL REFERENCES "tickets" ("id"),
        "kind" text NOT NULL,
        "actor_type" "actor_type" NOT NULL,
        "actor_id" uuid,
        "actor_name" text NOT NULL,
        "before" jsonb,
        "after" jsonb,
        "at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "ticket_events_pkey" PRIMARY KEY ("id")
      )`);
    await q.query(`CREATE INDEX "ticket_events_ticket_id_idx" ON "ticket_events" ("ticket_id", "id")`);
    // The audit log is append-only: refuse any UPDATE or DELETE of a row.
    await q.query(`
      CREATE FUNCTION "ticket_events_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'ticket_events is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await q.query(`
      CREATE TRIGGER "ticket_events_no_update_delete" BEFORE UPDATE OR DELETE ON "ticket_events"
      FOR EACH ROW EXECUTE FUNCTION "ticket_events_append_only"()`);

    await q.query(`
      CREATE TABLE "ticket_stats_daily" (
        "day" date NOT NULL,
        "type" "ticket_type" NOT NULL,
        "created_count" integer NOT NULL DEFAULT 0,
        "resolved_count" integer NOT NULL DEFAULT 0,
        CONSTRAINT "ticket_stats_daily_pkey" PRIMARY KEY ("day", "type")
      )`);
    // Which events the worker has already projected: makes the projection job idempotent.
    await q.query(`
      CREATE TABLE "ticket_event_projections" (
        "event_id" bigint NOT NULL REFERENCES "ticket_events" ("id"),
        "projected_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "ticket_event_projections_pkey" PRIMARY KEY ("event_id")
      )`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "ticket_event_projections"`);
    await q.query(`DROP TABLE "ticket_stats_daily"`);
    await q.query(`DROP TABLE "ticket_events"`);
    await q.query(`DROP FUNCTION "ticket_events_append_only"()`);
    await q.query(`DROP TABLE "ticket_messages"`);
    await q.query(`DROP TABLE "tickets"`);
    await q.query(`DROP SEQUENCE "ticket_reference_seq"`);
    await q.query(`DROP TABLE "sessions"`);
    await q.query(`DROP TABLE "users"`);
    for (const t of ['message_kind', 'payment_method', 'ticket_channel', 'ticket_priority', 'ticket_status', 'ticket_type', 'actor_type', 'user_role']) {
      await q.query(`DROP TYPE "${t}"`);
    }
  }
}
