import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Korean full-text search (docs/search.md). PostgreSQL's parsers do not split Korean, so the
 * database indexes character n-grams itself: Hangul/CJK runs as single characters and pairs,
 * ASCII letters/digits as trigrams plus each word's last one and two characters. Triggers keep
 * `tickets.search_vector` (GIN-indexed) current on every write path, including SQL seeds and COPY:
 * the ticket's own fields, plus `message_search_vector`, which ticket_messages triggers rebuild.
 *
 * The character classes here and in libs/server/src/ticket-search/search-snippet.ts must agree.
 */
export class KoreanSearch1795360000000 implements MigrationInterface {
  name = 'KoreanSearch1795360000000';

  public async up(q: QueryRunner): Promise<void> {
    // plpgsql rather than SQL functions: these run once per field on every ticket write, and plpgsql
    // keeps its plans for the session (several times faster here than SQL functions).
    // Runs: Hangul (jamo, compatibility jamo, syllables), kana, CJK ideographs; or ASCII letters/digits.
    const runs = `regexp_matches(lower(doc),
        '[\\u1100-\\u11ff\\u3130-\\u318f\\uac00-\\ud7a3\\u3040-\\u30ff\\u3400-\\u4dbf\\u4e00-\\u9fff]+|[a-z0-9]+', 'g')`;

    // Every n-gram of the text at position 1 with the given weight, so ts_rank can prefer identifiers
    // and subjects. Built as tsvector text: n-grams hold only [a-z0-9] and CJK characters, so quoting
    // them needs no escaping (and tsvector input merges duplicates).
    await q.query(`
      CREATE FUNCTION "shopdesk_search_vector"(doc text, weight "char") RETURNS tsvector
      LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
      DECLARE
        run text;
        suffix text := ''':1' || weight::text || ' ';
        out text := '';
      BEGIN
        FOR run IN SELECT (${runs})[1] LOOP
          IF run ~ '^[a-z0-9]' THEN
            -- trigrams, plus the last two and last one characters (what a 1-2 character prefix query can hit)
            FOR i IN 1 .. char_length(run) - 2 LOOP out := out || '''' || substr(run, i, 3) || suffix; END LOOP;
            out := out || '''' || right(run, 2) || suffix || '''' || right(run, 1) || suffix;
          ELSE
            -- every character and every pair of neighbours
            FOR i IN 1 .. char_length(run) LOOP out := out || '''' || substr(run, i, 1) || suffix; END LOOP;
            FOR i IN 1 .. char_length(run) - 1 LOOP out := out || '''' || substr(run, i, 2) || suffix; END LOOP;
          END IF;
        END LOOP;
        RETURN out::tsvector;
      END $$`);

    // The query's n-grams, all required: one Hangul character as itself, longer runs as their pairs;
    // ASCII words of three or more as trigrams, shorter ones as a prefix (matching a trigram or a word end).
    // NULL when the text has nothing searchable (the app then falls back to a substring match).
    await q.query(`
      CREATE FUNCTION "shopdesk_search_query"(doc text) RETURNS tsquery
      LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
      DECLARE
        run text;
        terms text[] := '{}';
      BEGIN
        FOR run IN SELECT (${runs})[1] LOOP
          IF run ~ '^[a-z0-9]' THEN
            IF char_length(run) <= 2 THEN terms := terms || ('''' || run || ''':*');
            ELSE FOR i IN 1 .. char_length(run) - 2 LOOP terms := terms || ('''' || substr(run, i, 3) || ''''); END LOOP;
            END IF;
          ELSIF char_length(run) = 1 THEN terms := terms || ('''' || run || '''');
          ELSE FOR i IN 1 .. char_length(run) - 1 LOOP terms := terms || ('''' || substr(run, i, 2) || ''''); END LOOP;
          END IF;
        END LOOP;
        RETURN nullif(array_to_string(array(SELECT DISTINCT t FROM unnest(terms) AS t), ' & '), '')::tsquery;
      END $$`);

    await q.query(`ALTER TABLE "tickets" ADD "message_search_vector" tsvector, ADD "search_vector" tsvector`);

    await q.query(`
      CREATE FUNCTION "tickets_search_refresh"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        NEW.search_vector :=
             shopdesk_search_vector(concat_ws(' ', NEW.reference, NEW.order_number, NEW.waybill_number,
                                              NEW.customer_name, NEW.customer_email, NEW.customer_phone), 'A')
          || shopdesk_search_vector(NEW.subject, 'B')
          || shopdesk_search_vector(NEW.description, 'C')
          || coalesce(NEW.message_search_vector, ''::tsvector);
        RETURN NEW;
      END $$`);
    await q.query(`
      CREATE TRIGGER "tickets_search_refresh"
      BEFORE INSERT OR UPDATE OF reference, order_number, waybill_number, customer_name, customer_email,
                                 customer_phone, subject, description, message_search_vector
      ON "tickets" FOR EACH ROW EXECUTE FUNCTION "tickets_search_refresh"()`);

    // One statement-level trigger per event; each names its transition table "changed".
    await q.query(`
      CREATE FUNCTION "ticket_messages_search_refresh"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE tickets t
           SET message_search_vector = (SELECT shopdesk_search_vector(string_agg(m.body, ' '), 'D')
                                          FROM ticket_messages m WHERE m.ticket_id = t.id)
         WHERE t.id IN (SELECT DISTINCT ticket_id FROM changed);
        RETURN NULL;
      END $$`);
    for (const [event, table] of [['INSERT', 'NEW'], ['UPDATE', 'NEW'], ['DELETE', 'OLD']] as const) {
      await q.query(`
        CREATE TRIGGER "ticket_messages_search_${event.toLowerCase()}" AFTER ${event} ON "ticket_messages"
        REFERENCING ${table} TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION "ticket_messages_search_refresh"()`);
    }

    // Backfill: setting message_search_vector fires the ticket trigger, which fills search_vector.
    await q.query(`
      UPDATE tickets t
         SET message_search_vector = (SELECT shopdesk_search_vector(string_agg(m.body, ' '), 'D')
                                        FROM ticket_messages m WHERE m.ticket_id = t.id)`);
    await q.query(`CREATE INDEX "tickets_search_idx" ON "tickets" USING gin ("search_vector")`);
  }

  public async down(q: QueryRunner): Promise<void> {
    for (const event of ['insert', 'update', 'delete']) {
      await q.query(`DROP TRIGGER "ticket_messages_search_${event}" ON "ticket_messages"`);
    }
    await q.query(`DROP FUNCTION "ticket_messages_search_refresh"()`);
    await q.query(`DROP TRIGGER "tickets_search_refresh" ON "tickets"`);
    await q.query(`DROP FUNCTION "tickets_search_refresh"()`);
    await q.query(`DROP INDEX "tickets_search_idx"`);
    await q.query(`ALTER TABLE "tickets" DROP COLUMN "search_vector", DROP COLUMN "message_search_vector"`);
    await q.query(`DROP FUNCTION "shopdesk_search_query"(text)`);
    await q.query(`DROP FUNCTION "shopdesk_search_vector"(text, "char")`);
  }
}
