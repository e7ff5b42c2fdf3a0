import { MigrationInterface, QueryRunner } from 'typeorm';

const WEEKDAY_9_TO_18 = [[], [[540, 1080]], [[540, 1080]], [[540, 1080]], [[540, 1080]], [[540, 1080]], []];

const t = (minutes: number) => ({ minutes, business: true });
const STANDARD_TARGETS = {
  urgent: { first_reply: t(30), next_reply: t(60), resolution: t(8 * 60) },
  high: { first_reply: t(60), next_reply: t(120), resolution: t(2 * 9 * 60) },
  normal: { first_reply: t(4 * 60), next_reply: t(8 * 60), resolution: t(3 * 9 * 60) },
  low: { first_reply: t(9 * 60), next_reply: t(2 * 9 * 60), resolution: t(5 * 9 * 60) },
};
const HIGH_VALUE_TARGETS = {
  urgent: { first_reply: t(15), next_reply: t(30), resolution: t(6 * 60) },
  high: { first_reply: t(30), next_reply: t(60), resolution: t(9 * 60) },
  normal: { first_reply: t(60), next_reply: t(120), resolution: t(2 * 9 * 60) },
  low: { first_reply: t(60), next_reply: t(120), resolution: t(2 * 9 * 60) },
};
const LADDER = { warningPercent: 75, escalateAfterSeconds: 30 * 60, raisePriorityAfterSeconds: 60 * 60 };

export class SlaTimers1795310000000 implements MigrationInterface {
  name = 'SlaTimers1795310000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TYPE "sla_target" AS ENUM ('first_reply', 'next_reply', 'resolution')`);
    await q.query(`CREATE TYPE "sla_state" AS ENUM ('active', 'paused', 'fulfilled', 'breached')`);
    await q.query(`
      CREATE TABLE "business_calendars" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "key" text NOT NULL,
        "name_ko" text NOT NULL,
        "name_en" text NOT NULL,
        "weekly_hours" jsonb NOT NULL,
        "closed_days" jsonb NOT NULL DEFAULT '[]',
        "public_holidays" boolean NOT NULL DEFAULT true,
        "updated_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "business_calendars_pkey" PRIMARY KEY ("id"),
        CONSTRAINT "business_calendars_key_key" UNIQUE ("key")
      )`);
    await q.query(`
      CREATE TABLE "sla_policies" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "key" text NOT NULL,
        "name_ko" text NOT NULL,
        "name_en" text NOT NULL,
        "position" integer NOT NULL,
        "active" boolean NOT NULL DEFAULT true,
        "filter" jsonb NOT NULL DEFAULT '{}',
        "targets" jsonb NOT NULL,
        "pause_statuses" text[] NOT NULL DEFAULT '{pending_customer,pending_courier}',
        "ladder" jsonb NOT NULL,
        "calendar_id" uuid NOT NULL,
        "updated_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "sla_policies_pkey" PRIMARY KEY ("id"),
        CONSTRAINT "sla_policies_key_key" UNIQUE ("key"),
        CONSTRAINT "sla_policies_calendar_id_fkey" FOREIGN KEY ("calendar_id") REFERENCES "business_calendars" ("id")
      )`);
    // The truth about every SLA timer. Redis only holds the delayed jobs that fire its rungs.
    await q.query(`
      CREATE TABLE "ticket_sla" (
        "ticket_id" uuid NOT NULL,
        "target" "sla_target" NOT NULL,
        "policy_id" uuid NOT NULL,
        "plan_version" integer NOT NULL DEFAULT 1,
        "business" boolean NOT NULL,
        "target_minutes" numeric NOT NULL,
        "state" "sla_state" NOT NULL,
        "started_at" timestamptz NOT NULL,
        "due_at" timestamptz,
        "paused_at" timestamptz,
        "paused_minutes" numeric NOT NULL DEFAULT 0,
        "breached_at" timestamptz,
        "fulfilled_at" timestamptz,
        "rungs_done" text[] NOT NULL DEFAULT '{}',
        "updated_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "ticket_sla_pkey" PRIMARY KEY ("ticket_id", "target"),
        CONSTRAINT "ticket_sla_ticket_id_fkey" FOREIGN KEY ("ticket_id") REFERENCES "tickets" ("id") ON DELETE CASCADE,
        CONSTRAINT "ticket_sla_policy_id_fkey" FOREIGN KEY ("policy_id") REFERENCES "sla_policies" ("id")
      )`);
    // The reconciler scans live timers; breached ones still have rungs to fire.
    await q.query(`CREATE INDEX "ticket_sla_live_idx" ON "ticket_sla" ("due_at") WHERE "state" IN ('active', 'breached')`);
    await q.query(`ALTER TABLE "tickets" ADD "sla_due_at" timestamptz`);
    await q.query(`ALTER TABLE "tickets" ADD "sla_breached" boolean NOT NULL DEFAULT false`);
    await q.query(`CREATE INDEX "tickets_sla_due_idx" ON "tickets" ("sla_due_at") WHERE "sla_due_at" IS NOT NULL`);
    await q.query(`
      CREATE TABLE "notifications" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "recipient_id" uuid,
        "recipient_role" "user_role",
        "ticket_id" uuid,
        "kind" text NOT NULL,
        "title_ko" text NOT NULL,
        "title_en" text NOT NULL,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "read_at" timestamptz,
        CONSTRAINT "notifications_pkey" PRIMARY KEY ("id"),
        CONSTRAINT "notifications_recipient_id_fkey" FOREIGN KEY ("recipient_id") REFERENCES "users" ("id") ON DELETE CASCADE,
        CONSTRAINT "notifications_ticket_id_fkey" FOREIGN KEY ("ticket_id") REFERENCES "tickets" ("id") ON DELETE CASCADE,
        CONSTRAINT "notifications_recipient_check" CHECK ("recipient_id" IS NOT NULL OR "recipient_role" IS NOT NULL)
      )`);
    await q.query(`CREATE INDEX "notifications_recipient_idx" ON "notifications" ("recipient_id", "created_at" DESC)`);
    await q.query(`CREATE INDEX "notifications_role_idx" ON "notifications" ("recipient_role", "created_at" DESC)`);

    // Defaults a shop starts with; admins edit them.
    const [{ id: calendarId }] = await q.query(
      `INSERT INTO "business_calendars" ("key", "name_ko", "name_en", "weekly_hours") VALUES ('default', $1, $2, $3) RETURNING id`,
      ['기본 영업시간 (평일 09–18시, 공휴일 휴무)', 'Default hours (weekdays 09–18, closed on public holidays)', JSON.stringify(WEEKDAY_9_TO_18)],
    );
    await q.query(
      `INSERT INTO "sla_policies" ("key", "name_ko", "name_en", "position", "filter", "targets", "ladder", "calendar_id")
       VALUES ('highValue', '고가 상품', 'High-value orders', 1, $1, $2, $4, $5),
              ('standard', '기본', 'Standard', 2, '{}', $3, $4, $5)`,
      [
        JSON.stringify({ tagsAny: ['high_value'] }),
        JSON.stringify(HIGH_VALUE_TARGETS),
        JSON.stringify(STANDARD_TARGETS),
        JSON.stringify(LADDER),
        calendarId,
      ],
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "notifications"`);
    await q.query(`DROP INDEX "tickets_sla_due_idx"`);
    await q.query(`ALTER TABLE "tickets" DROP COLUMN "sla_breached"`);
    await q.query(`ALTER TABLE "tickets" DROP COLUMN "sla_due_at"`);
    await q.query(`DROP TABLE "ticket_sla"`);
    await q.query(`DROP TABLE "sla_policies"`);
    await q.query(`DROP TABLE "business_calendars"`);
    await q.query(`DROP TYPE "sla_state"`);
    await q.query(`DROP TYPE "sla_target"`);
  }
}
