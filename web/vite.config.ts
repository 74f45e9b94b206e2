/** Vite build of the web SPA: root web/, output dist/web (served by the Fastify server, precompressed). */
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const webRoot = fileURLToPath(new URL('.', import.meta.url));
const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const api = { '/api': { target: 'http://localhost:3000', changeOrigin: false } };

export default defineConfig({
  root: webRoot,
  plugins: [react()],
  build: {
    outDir: '../dist/web',
    emptyOutDir: true,
    assetsDir: 'assets',
    // scripts/compress-and-budget.ts follows the manifest to find the login route's chunks.
    manifest: true,
    sourcemap: false,
    // Precompression is done once by scripts/compress-and-budget.ts, so skip Vite's own gzip pass.
    reportCompressedSize: false,
    rolldownOptions: {
      output: {
        // Few, meaningful chunks instead of dozens of tiny shared ones (see web/README.md):
        codeSplitting: {
          groups: [
            // Everything the entry imports statically: one file on the critical path.
            { name: 'app', tags: ['$initial'], priority: 4 },
            // Radix Dialog only for the pages that open dialogs; never on the login page.
            { name: 'dialog', test: /node_modules[\\/]@radix-ui[\\/]|[\\/]components[\\/]dialog\.tsx$/, priority: 3 },
            // Shared UI pieces and libraries used by two or more lazy pages (login included).
            { name: 'ui', test: /[\\/]web[\\/]src[\\/](components|lib|i18n)[\\/]|node_modules/, minShareCount: 2, priority: 2 },
            // Feature code shared by several authenticated pages (pickers, list queries).
            { name: 'features', test: /[\\/]web[\\/]src[\\/]features[\\/]/, minShareCount: 2, priority: 1 },
          ],
        },
      },
    },
  },
  server: {
    port: 5173,
    proxy: api,
    // The web imports the shared contracts from ../src/contracts.
    fs: { allow: [repoRoot] },
  },
  preview: { proxy: api },
});
