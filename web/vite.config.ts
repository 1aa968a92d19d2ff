import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

// The app is served by the Nest process at `/` (web/dist); in development `npm run dev -w web`
// proxies the API to a running `npm start` (PORT 3000 unless API_URL says otherwise).
export default defineConfig({
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // Hashed file names under /assets: Nest serves them with a one-year immutable cache.
    assetsDir: 'assets',
    sourcemap: false,
  },
  server: {
    proxy: { '/api': process.env.API_URL ?? 'http://127.0.0.1:3000' },
  },
  test: {
    include: ['src/**/*.test.{ts,tsx}'],
    environment: 'node',
  },
});
