import { MigrationInterface, QueryRunner } from 'typeorm';

export class ScenarioTemplates1795300000000 implements MigrationInterface {
  name = 'ScenarioTemplates1795300000000';

  public async up(q: QueryRunner): Promise<void> {
    // One row per template version; editing a template inserts the next version.
    await q.query(`
      CREATE TABLE "scenario_templates" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "key" text NOT NULL,
        "version" integer NOT NULL CHECK ("version" >= 1),
        "type" "ticket_type" NOT NULL,
        "title_ko" text NOT NULL,
        "title_en" text NOT NULL,
        "active" boolean NOT NULL DEFAULT true,
        "definition" jsonb NOT NULL,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "created_by" uuid,
        CONSTRAINT "scenario_templates_pkey" PRIMARY KEY ("id"),
        CONSTRAINT "scenario_templates_key_version_key" UNIQUE ("key", "version"),
        CONSTRAINT "scenario_templates_created_by_fkey" FOREIGN KEY ("created_by") REFERENCES "users" ("id") ON DELETE SET NULL
      )`);
    // The template applied to a ticket, pinned to a version, with its working state.
    await q.query(`
      CREATE TABLE "ticket_scenarios" (
        "ticket_id" uuid NOT NULL,
        "template_id" uuid NOT NULL,
        "field_values" jsonb NOT NULL DEFAULT '{}',
        "checklist" jsonb NOT NULL DEFAULT '{}',
        "deadlines" jsonb NOT NULL DEFAULT '[]',
        "resolution" jsonb,
        "applied_at" timestamptz NOT NULL,
        "applied_by" uuid,
        CONSTRAINT "ticket_scenarios_pkey" PRIMARY KEY ("ticket_id"),
        CONSTRAINT "ticket_scenarios_ticket_id_fkey" FOREIGN KEY ("ticket_id") REFERENCES "tickets" ("id") ON DELETE CASCADE,
        CONSTRAINT "ticket_scenarios_template_id_fkey" FOREIGN KEY ("template_id") REFERENCES "scenario_templates" ("id")
      )`);
    await q.query(`ALTER TABLE "tickets" ADD "template_key" text`);
    await q.query(`ALTER TABLE "tickets" ADD "next_deadline_at" timestamptz`);
    // "Deadline within 48 h" view: only open work has a live deadline.
    await q.query(`
      CREATE INDEX "tickets_next_deadline_idx" ON "tickets" ("next_deadline_at")
      WHERE "next_deadline_at" IS NOT NULL AND "status" NOT IN ('resolved', 'closed')`);
    await q.query(`CREATE INDEX "tickets_template_key_idx" ON "tickets" ("template_key", "status")`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "tickets_template_key_idx"`);
    await q.query(`DROP INDEX "tickets_next_deadline_idx"`);
    await q.query(`ALTER TABLE "tickets" DROP COLUMN "next_deadline_at"`);
    await q.query(`ALTER TABLE "tickets" DROP COLUMN "template_key"`);
    await q.query(`DROP TABLE "ticket_scenarios"`);
    await q.query(`DROP TABLE "scenario_templates"`);
  }
}
