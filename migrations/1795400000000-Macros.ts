import { MigrationInterface, QueryRunner } from 'typeorm';

/** Macros: personal and shared canned replies (Korean and English bodies with reply variables). */
export class Macros1795400000000 implements MigrationInterface {
  name = 'Macros1795400000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE "macros" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "owner_id" uuid NOT NULL,
        "shared" boolean NOT NULL DEFAULT false,
        "title" text NOT NULL,
        "body_ko" text NOT NULL,
        "body_en" text NOT NULL,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "updated_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "macros_pkey" PRIMARY KEY ("id"),
        CONSTRAINT "macros_owner_id_fkey" FOREIGN KEY ("owner_id") REFERENCES "users" ("id") ON DELETE CASCADE
      )`);
    await q.query(`CREATE INDEX "macros_owner_idx" ON "macros" ("owner_id", "title")`);
    await q.query(`CREATE INDEX "macros_shared_idx" ON "macros" ("title") WHERE "shared"`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "macros"`);
  }
}
