// npm run migration:generate -- <PascalName>: diff entities against the database and write
// migrations/<timestamp>-<PascalName>.ts. Review the file before committing it.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const name = process.argv[2];
if (!name || !/^[A-Z][A-Za-z0-9]+$/.test(name)) {
  console.error('사용법 / usage: npm run migration:generate -- <PascalName>');
  process.exit(2);
}
const here = dirname(fileURLToPath(import.meta.url));
const r = spawnSync(
  'npx',
  ['typeorm', 'migration:generate', '--pretty', '-d', join(here, 'dist/data-source.js'), join(here, name)],
  { stdio: 'inherit' },
);
process.exit(r.status ?? 1);
