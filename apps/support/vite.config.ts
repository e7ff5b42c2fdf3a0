import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// Paths are resolved from this file so `vite build --config apps/support/vite.config.ts`
// behaves the same from the repository root as from apps/support.
const supportDir = path.dirname(fileURLToPath(import.meta.url));

export default defineConfig({
  root: supportDir,
  // The API serves the built app under /support/ (and index.html for any /support/* path).
  base: '/support/',
  plugins: [react()],
  resolve: {
    // The app is written against React's API and runs on Preact's compatibility layer: the same
    // components at ~10 KB instead of ~68 KB gzip, which keeps the customer page under its 80 KB budget.
    alias: [
      { find: '@shopdesk/contracts', replacement: path.resolve(supportDir, '../../libs/contracts/src') },
      { find: /^react-dom\/client$/, replacement: 'preact/compat/client' },
      { find: /^react\/jsx-runtime$/, replacement: 'preact/jsx-runtime' },
      { find: /^react\/jsx-dev-runtime$/, replacement: 'preact/jsx-dev-runtime' },
      { find: /^react-dom$/, replacement: 'preact/compat' },
      { find: /^react$/, replacement: 'preact/compat' },
    ],
  },
  build: {
    outDir: path.resolve(supportDir, 'dist'),
    emptyOutDir: true,
    // One chunk, loaded by a module script: the modulepreload polyfill would be dead weight.
    modulePreload: { polyfill: false },
    // Budget for the customer page: ≤ 80 KB gzip of JS in total; warn well before that raw.
    chunkSizeWarningLimit: 300,
  },
  server: {
    port: 5174,
    strictPort: true,
    proxy: {
      '/public': 'http://localhost:3000',
    },
  },
});
