import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The config lives in web/ but is invoked from the repository root
// (`vite build --config web/vite.config.ts`), so paths are anchored to this file.
const webRoot = new URL('.', import.meta.url).pathname;

export default defineConfig({
  root: webRoot,
  plugins: [react()],
  build: {
    outDir: new URL('../dist/web', import.meta.url).pathname,
    emptyOutDir: true,
    chunkSizeWarningLimit: 700,
  },
  server: {
    proxy: {
      '/api': { target: 'http://127.0.0.1:3000', changeOrigin: false },
    },
  },
});
