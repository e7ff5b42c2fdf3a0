import { MigrationInterface, QueryRunner } from 'typeorm';

export class Reshipments1795330000000 implements MigrationInterface {
  name = 'Reshipments1795330000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE "reshipment_requests" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "ticket_id" uuid NOT NULL,
        "items" jsonb NOT NULL,
        "address" jsonb,
        "reason" text NOT NULL,
        "status" text NOT NULL CHECK ("status" IN ('requested','sent','accepted','shipped','delivered','failed','cancelled')),
        "idempotency_key" uuid NOT NULL DEFAULT gen_random_uuid(),
        "attempts" integer NOT NULL DEFAULT 0,
        "last_error" text,
        "warehouse_ref" text,
        "courier_code" text,
        "waybill" text,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "updated_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "reshipment_requests_pkey" PRIMARY KEY ("id"),
        CONSTRAINT "reshipment_requests_idempotency_key_key" UNIQUE ("idempotency_key"),
        CONSTRAINT "reshipment_requests_ticket_id_fkey" FOREIGN KEY ("ticket_id") REFERENCES "tickets" ("id") ON DELETE CASCADE
      )`);
    await q.query(`CREATE INDEX "reshipment_requests_ticket_idx" ON "reshipment_requests" ("ticket_id", "created_at")`);
    // Transactional outbox: written with the business change, moved to BullMQ by the worker's relay.
    await q.query(`
      CREATE TABLE "outbox" (
        "id" bigint GENERATED ALWAYS AS IDENTITY,
        "topic" text NOT NULL,
        "payload" jsonb NOT NULL,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "dispatched_at" timestamptz,
        CONSTRAINT "outbox_pkey" PRIMARY KEY ("id")
      )`);
    await q.query(`CREATE INDEX "outbox_pending_idx" ON "outbox" ("id") WHERE "dispatched_at" IS NULL`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "outbox"`);
    await q.query(`DROP TABLE "reshipment_requests"`);
  }
}
