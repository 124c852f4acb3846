import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { bundleBudget } from './bundleBudget.ts';

const root = fileURLToPath(new URL('.', import.meta.url));

// The console's single-page app. The build must stay CSP-clean (no inline script) and small:
// the initial bundle's gzip size is printed by the build and checked by the console's tests.
export default defineConfig({
  root,
  base: '/',
  plugins: [react(), bundleBudget()],
  build: {
    outDir: fileURLToPath(new URL('../dist', import.meta.url)),
    emptyOutDir: true,
    reportCompressedSize: true,
    // Vite's module-preload polyfill is an inline script in some setups; modern Chromium,
    // Firefox and Safari support modulepreload natively.
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
    sourcemap: false,
  },
});
