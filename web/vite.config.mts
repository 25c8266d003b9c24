// The web app's build (`vite build web` → dist/web) and dev server (`vite web`, proxying the API on :3000).
import react from '@vitejs/plugin-react';
import { dirname, resolve } from 'path';
import { fileURLToPath } from 'url';
import { defineConfig } from 'vite';

const __dirname = dirname(fileURLToPath(import.meta.url));

// The API's route prefixes, proxied by the dev server (src/web-app.ts lists the SPA's own prefixes).
const API_PREFIXES = [
  'auth', 'users', 'clients', 'questionnaires', 'questionnaire-templates', 'campaigns', 'assignments',
  'visit-reports', 'appeals', 'alerts', 'evidence', 'health', 'docs', 'docs-json',
];

export default defineConfig({
  root: __dirname,
  base: '/',
  plugins: [react()],
  resolve: {
    // Pure modules shared with the server (the PDF's words), never Node-only code.
    alias: { '@server': resolve(__dirname, '../src') },
  },
  build: {
    outDir: resolve(__dirname, '../dist/web'),
    emptyOutDir: true,
    sourcemap: false,
    chunkSizeWarningLimit: 1200,
    rolldownOptions: {
      output: {
        // ECharts is big and only the dashboard needs it: its own chunk, loaded with that page.
        codeSplitting: { groups: [{ name: 'echarts', test: /node_modules[\\/](echarts|zrender)/ }] },
      },
    },
  },
  server: {
    port: 5173,
    proxy: Object.fromEntries(
      API_PREFIXES.map((prefix) => [`^/${prefix}(/|$|\\?)`, { target: 'http://localhost:3000' }]),
    ),
  },
});
