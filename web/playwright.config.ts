import { defineConfig } from '@playwright/test';

/**
 * Browser journeys against the real app (node dist/src/main.js), PostgreSQL and Redis, driven in
 * Debian's Chromium (/usr/bin/chromium): no browser is ever downloaded. `npm run test:web` builds
 * first; e2e/global-setup.ts creates a fresh database, starts the app on a free port and seeds users.
 */
export default defineConfig({
  testDir: './e2e',
  globalSetup: './e2e/global-setup.ts',
  globalTeardown: './e2e/global-teardown.ts',
  // Two cores shared with the app and its database: one browser at a time.
  workers: 1,
  fullyParallel: false,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  outputDir: '../.data/web-test-results',
  use: {
    browserName: 'chromium',
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
    viewport: { width: 1366, height: 820 },
    // axe judges a still page: a fading notification or a pressed button caught mid-transition
    // has no meaningful contrast (the app honours reduced motion, see app/theme.ts).
    reducedMotion: 'reduce',
    trace: 'off',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  // The officers' journey opens on an empty registry (its "no borrowers yet" page); the other
  // journeys register borrowers of their own, so they run after it.
  projects: [
    { name: 'officer', testMatch: /officer\.spec\.ts$/ },
    { name: 'journeys', testIgnore: /(officer|book-import)\.spec\.ts$/, dependencies: ['officer'] },
    // The book import commits a former fund's book (borrowers, loans, their inspections and arrears):
    // it runs after the other journeys so none of their lists or counts sees them.
    { name: 'book-import', testMatch: /book-import\.spec\.ts$/, dependencies: ['journeys'] },
  ],
});
