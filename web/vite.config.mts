// The web app's build (`vite build web` → dist/web) and dev server (`vite web`, proxying the API on :3000).
import react from '@vitejs/plugin-react';
import { dirname, resolve } from 'path';
import { fileURLToPath } from 'url';
import { defineConfig } from 'vite';
import { WEB_ROUTE_PREFIXES } from '../src/web-routes';

const __dirname = dirname(fileURLToPath(import.meta.url));

// Everything but the web app's own routes and Vite's own files goes to the API on :3000, so new API
// routes need no change here.
const API_PATH = `^/(?!(?:${WEB_ROUTE_PREFIXES.join('|')})(?:/|$)|@|src/|node_modules/|index\\.html|$)`;

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
        // ECharts is big and only the dashboard's charts need it: its own chunk, fetched when a chart is near.
        codeSplitting: { groups: [{ name: 'echarts', test: /node_modules[\\/](echarts|zrender)/ }] },
      },
    },
  },
  server: {
    port: 5173,
    proxy: { [API_PATH]: { target: 'http://localhost:3000' } },
  },
});
