import { readdirSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Loads every `<timestamp>-<Name>` migration class beside this file. Works from the compiled
 * dist (the CLI, the launcher) and from source under jest, where a TypeORM glob would not.
 */
export function loadMigrations(dir: string = __dirname): Function[] {
  const ext = __filename.endsWith('.ts') ? '.ts' : '.js';
  return readdirSync(dir)
    .filter((f) => /^\d{13}-[A-Za-z0-9]+\.(ts|js)$/.test(f) && f.endsWith(ext) && !f.endsWith('.d.ts'))
    .sort()
    .flatMap((f) => Object.values(require(join(dir, f)) as Record<string, unknown>))
    .filter((v): v is Function => typeof v === 'function');
}
