import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The ticket list's built-in views, each backed by an index (proved by
 * apps/api/test/views-explain.e2e-spec.ts), and the agents' saved views.
 *
 * Already covered: 곧 SLA 위반 by tickets_sla_due_idx, 전체 by tickets_created_at_idx.
 */
/** OPEN_STATUSES in @shopdesk/contracts/tickets, in the same order (the list's `status IN (…)` must imply it). */
const OPEN = `'new', 'open', 'pending_customer', 'pending_courier', 'pending_warehouse'`;

export class TicketViews1795370000000 implements MigrationInterface {
  name = 'TicketViews1795370000000';

  public async up(q: QueryRunner): Promise<void> {
    // 내 티켓: open work per assignee, newest first. Without it the planner walks created_at through the
    // closed history, which for an agent with little open work means the whole table.
    await q.query(`
      CREATE INDEX "tickets_open_assignee_created_idx" ON "tickets" ("assignee_id", "created_at" DESC, "id" DESC)
      WHERE "status" IN (${OPEN})`);
    // 미배정: `assignee_id IS NULL` cannot lead an ordered scan of the index above, so it gets its own.
    await q.query(`
      CREATE INDEX "tickets_open_unassigned_created_idx" ON "tickets" ("created_at" DESC, "id" DESC)
      WHERE "assignee_id" IS NULL AND "status" IN (${OPEN})`);
    // 마감 임박, newest first: tickets_next_deadline_idx finds (and counts) them, but the page would then
    // fetch every match to sort it; walking open work with a deadline newest-first stops after a page.
    await q.query(`
      CREATE INDEX "tickets_open_deadline_created_idx" ON "tickets" ("created_at" DESC, "id" DESC)
      WHERE "next_deadline_at" IS NOT NULL AND "status" NOT IN ('resolved', 'closed')`);
    // One status, newest first (택배사 대기 and the status tabs): an ordered scan that stops after a page.
    await q.query(`CREATE INDEX "tickets_status_created_idx" ON "tickets" ("status", "created_at" DESC, "id" DESC)`);
    // 위반됨: breached tickets are few; a partial index keeps them in list order.
    await q.query(`CREATE INDEX "tickets_sla_breached_idx" ON "tickets" ("created_at" DESC, "id" DESC) WHERE "sla_breached"`);

    await q.query(`
      CREATE TABLE "saved_views" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "owner_id" uuid NOT NULL,
        "name" text NOT NULL,
        "filter" jsonb NOT NULL DEFAULT '{}',
        "sort" jsonb,
        "shared" boolean NOT NULL DEFAULT false,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "saved_views_pkey" PRIMARY KEY ("id"),
        CONSTRAINT "saved_views_owner_name_key" UNIQUE ("owner_id", "name"),
        CONSTRAINT "saved_views_owner_id_fkey" FOREIGN KEY ("owner_id") REFERENCES "users" ("id") ON DELETE CASCADE
      )`);
    await q.query(`CREATE INDEX "saved_views_shared_idx" ON "saved_views" ("name") WHERE "shared"`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "saved_views"`);
    await q.query(`DROP INDEX "tickets_sla_breached_idx"`);
    await q.query(`DROP INDEX "tickets_status_created_idx"`);
    await q.query(`DROP INDEX "tickets_open_deadline_created_idx"`);
    await q.query(`DROP INDEX "tickets_open_unassigned_created_idx"`);
    await q.query(`DROP INDEX "tickets_open_assignee_created_idx"`);
  }
}
