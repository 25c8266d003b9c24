// The web app's build (`vite build web` → dist/web) and dev server (`vite web`, proxying the API on :3000).
import react from '@vitejs/plugin-react';
import { dirname, resolve } from 'path';
import { fileURLToPath } from 'url';
import { defineConfig } from 'vite';

const __dirname = dirname(fileURLToPath(import.meta.url));

// The dev server answers page loads (the app's routes: Accept text/html) and its own files; every other
// request — the API's fetches, /docs — goes to the API on :3000, so new API routes need no change here.
const API = {
  target: 'http://localhost:3000',
  bypass: (request: { url?: string; headers: { accept?: string } }) =>
    request.headers.accept?.includes('text/html') && !/^\/docs/.test(request.url ?? '') ? request.url : undefined,
};

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
    proxy: { '^/(?!@|src/|node_modules/|$)': API },
  },
});
