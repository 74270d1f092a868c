import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const api = process.env['EPW_API_URL'] ?? 'http://127.0.0.1:3000';

/** The web app is served by the API under /app/ (see apps/api/src/web/web-app.ts); in development
 * Vite serves it there too and forwards every other path (the API's routes) to the running API. */
export default defineConfig({
  root: import.meta.dirname,
  base: '/app/',
  plugins: [react()],
  build: {
    outDir: '../../dist/apps/web',
    emptyOutDir: true,
    sourcemap: true,
    chunkSizeWarningLimit: 1500,
  },
  server: {
    port: 5173,
    proxy: { '^/(?!app(/|$))': { target: api, changeOrigin: false } },
  },
});
