// Vite build of the UI into dist/, served by `mlflow-ts server` under /static-files (as MLflow serves its bundle).
import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** Where `npm run dev` sends API calls: a running mlflow-ts (or MLflow) server. */
const devTarget = process.env.MLFLOW_TS_UI_DEV_TARGET ?? 'http://127.0.0.1:5000';

export default defineConfig({
  root: import.meta.dirname,
  // Relative asset URLs: chunks load each other relatively; the server makes index.html's absolute (under the prefix).
  base: './',
  plugins: [react()],
  // Workspace packages are bundled from their TypeScript sources, so the UI never needs their dist/.
  resolve: { conditions: ['source'] },
  build: {
    outDir: resolve(import.meta.dirname, 'dist'),
    emptyOutDir: true,
    sourcemap: true,
    chunkSizeWarningLimit: 1024,
  },
  server: {
    proxy: Object.fromEntries(
      ['/ajax-api', '/get-artifact', '/api'].map((path) => [path, { target: devTarget, changeOrigin: true }]),
    ),
  },
});
