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
            { name: 'app', tags: ['$initial'], priority: 5 },
            // "Helping communes" (issue 5): its features, upload helpers, contract and Vietnamese text, loaded with its
            // pages (and the unit/agency pages) only — never on the login page's critical path.
            {
              name: 'assistance',
              test: /[\\/]web[\\/]src[\\/](features[\\/](assignments|activities|obstacles|signals|inbox)[\\/]|i18n[\\/]parts[\\/]assistance\.vi|components[\\/]file-(upload|list)|lib[\\/]upload)|[\\/]src[\\/]contracts[\\/]assistance/,
              priority: 2,
            },
            // "Assessments" (issue 4): its features, contract and Vietnamese text, loaded with its pages only.
            {
              name: 'assessments',
              test: /[\\/]web[\\/]src[\\/](features[\\/](assessments|recognitions|maintenance|profile)[\\/]|i18n[\\/]parts[\\/]assessments\.vi)|[\\/]src[\\/]contracts[\\/]assessments/,
              priority: 2,
            },
            // Radix Dialog only for the pages that open dialogs; never on the login page.
            {
              name: 'maps',
              test: /[\\/]web[\\/]src[\\/](features[\\/]maps[\\/]|i18n[\\/]parts[\\/]maps\.vi)|[\\/]src[\\/]contracts[\\/]maps/,
              priority: 2,
            },
            // "Plans and targets" (issue 6): its feature, contract and Vietnamese text, loaded with its pages (and the
            // commune profile's plans section) only.
            {
              name: 'plans',
              test: /[\\/]web[\\/]src[\\/](features[\\/]plans[\\/]|i18n[\\/]parts[\\/]plans\.vi)|[\\/]src[\\/]contracts[\\/]plans/,
              priority: 2,
            },
            { name: 'dialog', test: /node_modules[\\/]@radix-ui[\\/]|[\\/]components[\\/]dialog\.tsx$/, priority: 4 },
            // Shared UI pieces and libraries used by two or more lazy pages (login included).
            // (The assistance files above are left to their own group.)
            {
              name: 'ui',
              test: /[\\/]web[\\/]src[\\/](components|lib|i18n)[\\/](?!file-upload|file-list|upload|status-language|indicator-values|parts[\\/])|node_modules/,
              minShareCount: 2,
              priority: 3,
            },
            // The status language and indicator values that criteria and assessments share: their own small chunk, so a
            // criteria page does not load the assessments chunk (and the login page loads neither).
            { name: 'status', test: /[\\/]web[\\/]src[\\/]lib[\\/](status-language|indicator-values)\.ts$/, priority: 3 },
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
