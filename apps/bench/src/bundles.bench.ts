// Initial JavaScript of the two web apps, gzipped: every script and modulepreload that index.html
// loads (lazy chunks excluded), read from apps/{support,admin}/dist as `npm run build` leaves them.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { BenchFigure, BenchResult } from './stats';

const GOALS_KB = { support: 80, admin: 450 };

/** The .js files index.html loads at once, as paths inside dist. */
export function initialScripts(indexHtml: string): string[] {
  const refs = [
    ...indexHtml.matchAll(/<script\b[^>]*\bsrc="([^"]+\.js)"/g),
    ...indexHtml.matchAll(/<link\b[^>]*\brel="modulepreload"[^>]*\bhref="([^"]+\.js)"/g),
  ].map((m) => m[1]);
  // "/support/assets/x.js" or "./assets/x.js" → "assets/x.js"
  return [...new Set(refs.map((r) => r.replace(/^(\.\/|\/support\/|\/)/, '')))];
}

function initialJsGzipKb(dist: string): { kb: number; files: string[] } | null {
  const index = join(dist, 'index.html');
  if (!existsSync(index)) return null;
  const files = initialScripts(readFileSync(index, 'utf8'));
  const bytes = files.reduce((sum, f) => sum + gzipSync(readFileSync(join(dist, f)), { level: 9 }).length, 0);
  return { kb: bytes / 1024, files };
}

export async function benchBundles(root = join(__dirname, '../../..')): Promise<BenchResult> {
  const figures: BenchFigure[] = [];
  for (const app of ['support', 'admin'] as const) {
    const m = initialJsGzipKb(join(root, 'apps', app, 'dist'));
    if (!m) console.log(`${app}: apps/${app}/dist/index.html is missing — run \`npm run build\` first`);
    else console.log(`${app}: initial JS ${m.kb.toFixed(1)} KB gzip (${m.files.join(', ')})`);
    figures.push({
      name: `${app} initial JS (gzip)`,
      unit: 'KB',
      runs: m ? [m.kb] : [],
      goal: { stat: 'max', op: '<=', value: GOALS_KB[app] },
      note: m ? `${m.files.length} file(s) loaded by index.html` : 'not built',
    });
  }
  return { bench: 'bundles', dataset: 'apps/support/dist and apps/admin/dist after `npm run build`', figures };
}
