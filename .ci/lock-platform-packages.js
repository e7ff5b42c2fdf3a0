#!/usr/bin/env node
// The npm registry reachable from our machines serves only linux-x64 builds of platform-specific
// optional packages (swc, nx, msgpackr-extract, unrs). `npm install` then writes a lockfile
// without the other platforms' entries, and `npm ci` refuses it ("Missing: … from lock file").
// This adds those entries (version, os/cpu/libc, optional) so `npm ci` accepts the lockfile and
// skips them on this platform. Run it after every `npm install` that changes dependencies:
//   node .ci/lock-platform-packages.js
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const lockPath = path.join(__dirname, '..', 'package-lock.json');
const check = spawnSync('npm', ['ci', '--dry-run', '--ignore-scripts'], { cwd: path.dirname(lockPath), encoding: 'utf8' });
const missing = [...`${check.stdout}${check.stderr}`.matchAll(/Missing: (\S+)@\S* from lock file/g)].map((m) => m[1]);
if (missing.length === 0) {
  console.log('package-lock.json: nothing missing');
  process.exit(0);
}
const lock = JSON.parse(fs.readFileSync(lockPath, 'utf8'));
const wanted = {};
for (const meta of Object.values(lock.packages)) {
  for (const [dep, ver] of Object.entries(meta.optionalDependencies || {})) if (missing.includes(dep)) wanted[dep] = ver;
}
const OSES = ['darwin', 'win32', 'linux', 'freebsd', 'android', 'openharmony'];
const CPUS = ['arm64', 'x64', 'ia32', 'arm', 'ppc64', 's390x', 'loong64', 'riscv64'];
for (const name of missing) {
  const base = name.split('/').pop();
  const os = OSES.find((o) => base.includes(`-${o}-`) || base.endsWith(`-${o}`)) ?? 'linux';
  const cpu = CPUS.find((c) => new RegExp(`-${c}(-|$)`).test(base));
  if (!wanted[name] || !cpu) {
    console.error(`cannot place ${name} (wanted ${wanted[name]}, cpu ${cpu}); not a platform package?`);
    process.exit(1);
  }
  const entry = { version: wanted[name].replace(/^[\^~=]/, ''), optional: true, os: [os], cpu: [cpu] };
  if (os === 'linux') entry.libc = [/musl/.test(base) ? 'musl' : 'glibc'];
  lock.packages[`node_modules/${name}`] = entry;
}
const keys = Object.keys(lock.packages).sort((a, b) => (a === '' ? -1 : b === '' ? 1 : a < b ? -1 : a > b ? 1 : 0));
lock.packages = Object.fromEntries(keys.map((k) => [k, lock.packages[k]]));
fs.writeFileSync(lockPath, `${JSON.stringify(lock, null, 2)}\n`);
console.log(`package-lock.json: added ${missing.length} platform entries`);
