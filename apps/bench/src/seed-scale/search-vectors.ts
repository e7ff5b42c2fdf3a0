// The Korean search vectors the database's triggers would write (migrations/1795360000000-KoreanSearch.ts),
// computed here in JS as tsvector text so the seeder can COPY them instead of running the plpgsql
// n-gram function row by row (~1 ms of database CPU per seeded ticket, most of the old seeding time).
//
// Same rules as `shopdesk_search_vector(doc, weight)`: runs of Hangul/kana/CJK characters give every
// character and every neighbouring pair; runs of ASCII letters/digits give their trigrams plus the
// run's last two and last one characters; every n-gram sits at position 1 with the given weight.
// The triggers combine the parts with `||`, which shifts the right-hand positions past the left's
// highest one, so in `A || B || C || M` each non-empty part takes the next position.
// seed-scale.int-spec.ts compares the result with the SQL function for every seeded ticket, and the
// seeder checks a sample against the database function at the start of each run (checkAgainstDatabase).
import type { PoolClient } from 'pg';
import { ByteWriter } from './copy-in';

const RUNS = /[\u1100-\u11ff\u3130-\u318f\uac00-\ud7a3\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff]+|[a-z0-9]+/g;

/** The distinct n-grams `shopdesk_search_vector(doc, …)` indexes for `doc`. */
export function ngrams(doc: string): string[] {
  const out = new Set<string>();
  const text = doc.toLowerCase();
  RUNS.lastIndex = 0;
  for (let m = RUNS.exec(text); m; m = RUNS.exec(text)) {
    const run = m[0];
    const len = run.length; // every character of a run is in the BMP: .length counts characters
    const c = run.charCodeAt(0);
    if ((c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39)) {
      for (let i = 0; i + 3 <= len; i++) out.add(run.slice(i, i + 3));
      out.add(run.slice(-2));
      out.add(run.slice(-1));
    } else {
      for (let i = 0; i < len; i++) out.add(run[i]);
      for (let i = 0; i + 1 < len; i++) out.add(run.slice(i, i + 2));
    }
  }
  return [...out];
}

const WEIGHTS = ['A', 'B', 'C', 'D'] as const;

/**
 * Builds a ticket's two vectors as tsvector text: `search` is `partA || partB || partC || partD`,
 * where each part is the vector of its n-grams at position 1 with weight A, B, C and D (so the n-th
 * non-empty part's n-grams are at position n), and `message` is part D alone (`message_search_vector`).
 *
 * This runs for every seeded ticket, so n-grams are interned as numbers: texts that repeat (subjects,
 * canned replies, notes) are split once, the per-ticket work is marking numbers, and lexemes are
 * written in the order tsvector_in sorts them (bytewise, which for these BMP-only n-grams is JS's
 * string order), so the database's own sort finds them already sorted.
 */
export class VectorBuilder {
  private readonly ids = new Map<string, number>();
  private readonly quoted: string[] = []; // "'gram':" per id
  /** "'gram':1" per id: the n-gram in `message_search_vector` */
  private readonly messagePieces: Buffer[] = [];
  /** "'gram':1A,2D" per (id, non-empty parts, parts the n-gram is in), made when first needed */
  private readonly searchPieces = new Map<number, Buffer>();
  private readonly grams: string[] = [];
  private rank = new Int32Array(0); // id → position in sorted order
  private byRank = new Int32Array(0); // position → id
  private mask = new Uint8Array(1024); // id → bit per part, while a ticket is being built
  private readonly texts = new Map<string, Int32Array>();
  /** tags[nonEmptyParts][mask]: e.g. "1A,3D" (position and weight of each part the n-gram is in) */
  private readonly tags: string[][] = [];

  constructor(private readonly cacheLimit = 50_000) {
    for (let present = 0; present < 16; present++) {
      const row: string[] = [];
      for (let m = 0; m < 16; m++) {
        const out: string[] = [];
        let pos = 0;
        for (let p = 0; p < 4; p++) {
          if (present & (1 << p)) pos++;
          if (m & (1 << p)) out.push(`${pos}${WEIGHTS[p]}`);
        }
        row.push(out.join(','));
      }
      this.tags.push(row);
    }
  }

  /** The n-grams of a text that differs per ticket, as ids. */
  idsOf(doc: string): Int32Array {
    const grams = ngrams(doc);
    const out = new Int32Array(grams.length);
    for (let i = 0; i < grams.length; i++) {
      let id = this.ids.get(grams[i]);
      if (id === undefined) {
        id = this.grams.length;
        this.ids.set(grams[i], id);
        this.grams.push(grams[i]);
        this.quoted.push(`'${grams[i]}':`);
        this.messagePieces.push(Buffer.from(`'${grams[i]}':1`));
      }
      out[i] = id;
    }
    return out;
  }

  /** The same for a text that repeats across tickets, split once. */
  cachedIdsOf(doc: string): Int32Array {
    let v = this.texts.get(doc);
    if (!v) {
      v = this.idsOf(doc);
      if (this.texts.size >= this.cacheLimit) this.texts.clear();
      this.texts.set(doc, v);
    }
    return v;
  }

  /**
   * Appends the ticket's `message_search_vector` and `search_vector` to `out` as two COPY text fields,
   * each preceded by a tab (tsvector text needs no escaping: quotes, n-grams, colons, digits, commas).
   */
  write(parts: readonly [readonly Int32Array[], readonly Int32Array[], readonly Int32Array[], readonly Int32Array[]], out: ByteWriter): void {
    if (this.mask.length < this.grams.length) {
      const bigger = new Uint8Array(Math.max(this.grams.length, this.mask.length * 2));
      bigger.set(this.mask);
      this.mask = bigger;
    }
    const mask = this.mask;
    const touched: number[] = [];
    let present = 0;
    for (let p = 0; p < 4; p++) {
      const bit = 1 << p;
      for (const list of parts[p]) {
        if (list.length) present |= bit;
        for (let i = 0; i < list.length; i++) {
          const id = list[i];
          if (mask[id] === 0) touched.push(id);
          mask[id] |= bit;
        }
      }
    }
    const ranked = this.rank.length;
    let sorted: ArrayLike<number>;
    if (touched.every((id) => id < ranked)) {
      const order = new Int32Array(touched.length);
      for (let i = 0; i < touched.length; i++) order[i] = this.rank[touched[i]];
      order.sort();
      for (let i = 0; i < order.length; i++) order[i] = this.byRank[order[i]];
      sorted = order;
    } else {
      // n-grams not ranked yet (see rerank): compare the strings themselves.
      sorted = touched.sort((x, y) => (this.grams[x] < this.grams[y] ? -1 : 1));
    }
    const TAB = 9;
    const SPACE = 32;
    // Each piece is at most 3 characters of 3 bytes, quotes, colon and "1A,2B,3C,4D": 40 bytes is ample.
    out.ensure(2 + sorted.length * 2 * 40);
    out.uncheckedByte(TAB);
    let first = true;
    for (let i = 0; i < sorted.length; i++) {
      const id = sorted[i];
      if (!(mask[id] & 8)) continue;
      if (!first) out.uncheckedByte(SPACE);
      first = false;
      out.uncheckedBytes(this.messagePieces[id]);
    }
    out.uncheckedByte(TAB);
    for (let i = 0; i < sorted.length; i++) {
      const id = sorted[i];
      if (i) out.uncheckedByte(SPACE);
      const key = (id << 8) | (present << 4) | mask[id];
      let piece = this.searchPieces.get(key);
      if (piece === undefined) {
        piece = Buffer.from(this.quoted[id] + this.tags[present][mask[id]]);
        this.searchPieces.set(key, piece);
      }
      out.uncheckedBytes(piece);
      mask[id] = 0;
    }
  }

  /** `write`, as strings: { message, search }. */
  build(parts: readonly [readonly Int32Array[], readonly Int32Array[], readonly Int32Array[], readonly Int32Array[]]): { search: string; message: string } {
    const out = new ByteWriter();
    this.write(parts, out);
    const [, message, search] = out.view().toString('utf8').split('\t');
    return { search, message };
  }

  /**
   * Ranks every known n-gram in sorted order, so that build() can sort numbers. Call it now and then
   * (e.g. once per batch): tickets with n-grams that appeared since are sorted by string instead, and
   * new n-grams soon stop coming (the texts are drawn from word lists).
   */
  rerank(): void {
    const n = this.grams.length;
    if (n === this.rank.length) return;
    const byRank = Int32Array.from({ length: n }, (_, i) => i).sort((x, y) => (this.grams[x] < this.grams[y] ? -1 : 1));
    const rank = new Int32Array(n);
    for (let r = 0; r < n; r++) rank[byRank[r]] = r;
    this.rank = rank;
    this.byRank = byRank;
  }
}

/**
 * Compares the JS vectors with the database's own function for some tickets; throws when they differ
 * (e.g. a later migration changed `shopdesk_search_vector`), so the seeder never writes vectors the
 * triggers would not have written.
 */
export async function checkAgainstDatabase(
  db: PoolClient,
  samples: { a: string; subject: string; description: string; bodies: string[]; search: string; message: string }[],
): Promise<void> {
  if (!samples.length) return;
  const { rows } = await db.query(
    `SELECT x.i,
            x.message::tsvector = msg.v AS message_ok,
            x.search::tsvector = (shopdesk_search_vector(x.a, 'A') || shopdesk_search_vector(x.subject, 'B')
                                  || shopdesk_search_vector(x.description, 'C') || coalesce(msg.v, ''::tsvector)) AS search_ok
       FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[]) WITH ORDINALITY
            AS x(a, subject, description, bodies, search, message, i),
            LATERAL (SELECT shopdesk_search_vector(x.bodies, 'D') AS v) msg`,
    [
      samples.map((s) => s.a), samples.map((s) => s.subject), samples.map((s) => s.description),
      samples.map((s) => s.bodies.join(' ')), samples.map((s) => s.search), samples.map((s) => s.message),
    ],
  );
  const bad = rows.filter((r) => !r.message_ok || !r.search_ok);
  if (bad.length) {
    throw new Error(
      `JS 검색 벡터가 데이터베이스의 shopdesk_search_vector()와 다릅니다(${bad.length}/${rows.length}건). search-vectors.ts를 마이그레이션에 맞춰 고쳐 주세요. / ` +
        `The JS search vectors differ from the database's shopdesk_search_vector() for ${bad.length} of ${rows.length} sampled tickets; update search-vectors.ts to match the migrations.`,
    );
  }
}
