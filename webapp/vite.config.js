import { defineConfig } from 'vite';

// The Spring Boot app serves the built files from dist/ at '/'. In development the API is
// proxied to a locally running backend (DOPPEL_API, default port 8181).
const api = process.env.DOPPEL_API || 'http://localhost:8181';

export default defineConfig({
  base: '/',
  esbuild: { jsx: 'automatic' },
  build: { outDir: 'dist', chunkSizeWarningLimit: 1000 },
  server: {
    proxy: { '/api': { target: api, changeOrigin: true } },
    // The upload preview imports the table rules the engine and the server share.
    fs: { allow: ['.', '../ai-engine/doppel_engine/table_rules.json'] },
  },
  preview: { proxy: { '/api': { target: api, changeOrigin: true } } },
  test: {
    environment: 'jsdom',
    setupFiles: ['./src/test/setup.js'],
    include: ['src/**/*.test.{js,jsx}'],
    css: false,
  },
});
