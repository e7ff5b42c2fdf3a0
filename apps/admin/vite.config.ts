import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// Paths are resolved from this file so `vite build --config apps/admin/vite.config.ts`
// behaves the same from the repository root as from apps/admin.
const adminDir = path.dirname(fileURLToPath(import.meta.url));
const apiTarget = 'http://localhost:3000';

export default defineConfig({
  root: adminDir,
  // Relative asset URLs: the API serves the built admin at `/`, tests serve it on random ports.
  base: './',
  plugins: [react()],
  resolve: {
    alias: {
      '@shopdesk/contracts': path.resolve(adminDir, '../../libs/contracts/src'),
    },
  },
  build: {
    outDir: path.resolve(adminDir, 'dist'),
    emptyOutDir: true,
    // One bundle is fine for an internal back office; react-admin + MUI alone exceed the 500 kB default.
    chunkSizeWarningLimit: 2000,
  },
  server: {
    port: 5173,
    strictPort: true,
    proxy: {
      '/auth': apiTarget,
      '/tickets': apiTarget,
      '/users': apiTarget,
      '/scenario-templates': apiTarget,
      '/sla': apiTarget,
      '/sla-policies': apiTarget,
      '/business-calendars': apiTarget,
      '/notifications': apiTarget,
      '/dashboard': apiTarget,
      '/exports': apiTarget,
      '/live': apiTarget,
      '/health': apiTarget,
    },
  },
});
