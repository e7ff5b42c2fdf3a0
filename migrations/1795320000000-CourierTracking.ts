import { MigrationInterface, QueryRunner } from 'typeorm';

export class CourierTracking1795320000000 implements MigrationInterface {
  name = 'CourierTracking1795320000000';

  public async up(q: QueryRunner): Promise<void> {
    const statuses = `'info_received','in_transit','out_for_delivery','attempt_failed','delivered','available_for_pickup','exception','lost','returned_to_sender','expired'`;
    await q.query(`
      CREATE TABLE "shipments" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "courier_code" text NOT NULL,
        "waybill" text NOT NULL,
        "status" text NOT NULL CHECK ("status" IN (${statuses})),
        "raw_status" text NOT NULL,
        "last_event_at" timestamptz NOT NULL,
        "expected_delivery" date,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "updated_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "shipments_pkey" PRIMARY KEY ("id"),
        CONSTRAINT "shipments_courier_waybill_key" UNIQUE ("courier_code", "waybill")
      )`);
    await q.query(`CREATE INDEX "shipments_waybill_idx" ON "shipments" ("waybill")`);
    // Every accepted scan, raw, once per provider event id: the shipment history and the dedupe key.
    await q.query(`
      CREATE TABLE "courier_events" (
        "id" bigint GENERATED ALWAYS AS IDENTITY,
        "provider" text NOT NULL,
        "event_id" text NOT NULL,
        "courier_code" text NOT NULL,
        "waybill" text NOT NULL,
        "status" text NOT NULL CHECK ("status" IN (${statuses})),
        "raw_status" text NOT NULL,
        "occurred_at" timestamptz NOT NULL,
        "location" text,
        "description" text,
        "expected_delivery" date,
        "raw" jsonb NOT NULL,
        "received_at" timestamptz NOT NULL DEFAULT now(),
        "shipment_id" uuid,
        "applied_at" timestamptz,
        "outcome" text,
        CONSTRAINT "courier_events_pkey" PRIMARY KEY ("id"),
        CONSTRAINT "courier_events_provider_event_key" UNIQUE ("provider", "event_id"),
        CONSTRAINT "courier_events_shipment_id_fkey" FOREIGN KEY ("shipment_id") REFERENCES "shipments" ("id")
      )`);
    await q.query(`CREATE INDEX "courier_events_waybill_idx" ON "courier_events" ("courier_code", "waybill", "occurred_at")`);
    await q.query(`CREATE INDEX "courier_events_unapplied_idx" ON "courier_events" ("id") WHERE "applied_at" IS NULL`);
    // Rejected deliveries (bad signature, stale, malformed) are recorded, never silently dropped.
    await q.query(`
      CREATE TABLE "courier_webhook_rejections" (
        "id" bigint GENERATED ALWAYS AS IDENTITY,
        "provider" text NOT NULL,
        "http_status" integer NOT NULL,
        "field" text NOT NULL,
        "reason" text NOT NULL,
        "ip" text,
        "received_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "courier_webhook_rejections_pkey" PRIMARY KEY ("id")
      )`);
    await q.query(`CREATE INDEX "tickets_courier_waybill_idx" ON "tickets" ("waybill_number", "status")`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "tickets_courier_waybill_idx"`);
    await q.query(`DROP TABLE "courier_webhook_rejections"`);
    await q.query(`DROP TABLE "courier_events"`);
    await q.query(`DROP TABLE "shipments"`);
  }
}
