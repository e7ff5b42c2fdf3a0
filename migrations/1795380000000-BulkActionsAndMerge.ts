import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Bulk work and ticket merge. `bulk_actions` keeps each bulk request (who, what, which tickets —
 * the selection is resolved to ids once, at request time), its state and result, so a result
 * survives Redis loss. `bulk_action_items` marks every ticket a job has handled (done or failed,
 * written in the ticket change's transaction) so a retried job never applies a change twice.
 * `tickets.merged_into_id` points a merged (closed) ticket at the surviving one.
 */
export class BulkActionsAndMerge1795380000000 implements MigrationInterface {
  name = 'BulkActionsAndMerge1795380000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE "bulk_actions" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "requester_id" uuid NOT NULL,
        "action" text NOT NULL,
        "params" jsonb NOT NULL,
        "selection" jsonb NOT NULL,
        "ticket_ids" uuid array NOT NULL,
        "state" text NOT NULL DEFAULT 'queued',
        "total" integer NOT NULL,
        "done_count" integer NOT NULL DEFAULT 0,
        "failed_count" integer NOT NULL DEFAULT 0,
        "failures" jsonb NOT NULL DEFAULT '[]',
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "finished_at" timestamptz,
        CONSTRAINT "bulk_actions_pkey" PRIMARY KEY ("id"),
        CONSTRAINT "bulk_actions_action_check" CHECK ("action" IN ('assign','change_status','change_priority','add_tag','remove_tag','apply_template','send_reply')),
        CONSTRAINT "bulk_actions_state_check" CHECK ("state" IN ('queued','running','completed','failed')),
        CONSTRAINT "bulk_actions_requester_id_fkey" FOREIGN KEY ("requester_id") REFERENCES "users" ("id") ON DELETE CASCADE
      )`);
    await q.query(`CREATE INDEX "bulk_actions_requester_idx" ON "bulk_actions" ("requester_id", "created_at")`);
    await q.query(`
      CREATE TABLE "bulk_action_items" (
        "bulk_action_id" uuid NOT NULL,
        "ticket_id" uuid NOT NULL,
        "outcome" text NOT NULL,
        "reason" text,
        "at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "bulk_action_items_pkey" PRIMARY KEY ("bulk_action_id", "ticket_id"),
        CONSTRAINT "bulk_action_items_outcome_check" CHECK ("outcome" IN ('done','failed')),
        CONSTRAINT "bulk_action_items_bulk_action_id_fkey" FOREIGN KEY ("bulk_action_id") REFERENCES "bulk_actions" ("id") ON DELETE CASCADE
      )`);

    await q.query(`ALTER TABLE "tickets" ADD "merged_into_id" uuid`);
    await q.query(
      `ALTER TABLE "tickets" ADD CONSTRAINT "tickets_merged_into_id_fkey" FOREIGN KEY ("merged_into_id") REFERENCES "tickets" ("id") ON DELETE SET NULL`,
    );
    await q.query(`CREATE INDEX "tickets_merged_into_idx" ON "tickets" ("merged_into_id") WHERE "merged_into_id" IS NOT NULL`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "tickets_merged_into_idx"`);
    await q.query(`ALTER TABLE "tickets" DROP CONSTRAINT "tickets_merged_into_id_fkey"`);
    await q.query(`ALTER TABLE "tickets" DROP COLUMN "merged_into_id"`);
    await q.query(`DROP TABLE "bulk_action_items"`);
    await q.query(`DROP TABLE "bulk_actions"`);
  }
}
