import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { type Row, judge, median, round, row } from './measure.js';

/**
 * The production bundle's first load (web-design.md: lazy imports keep the first load small; README
 * "Performance": ≤ 350 kB gzip of JavaScript).
 */
export interface BundleSizes {
  jsGzipKb: number;
  cssGzipKb: number;
  jsRawKb: number;
  files: string[];
}

const kb = (bytes: number): number => round(bytes / 1024, 1) ?? 0;

/**
 * What the browser must fetch before the first page can render: the entry script, every module
 * index.html preloads, and its stylesheets, read from web/dist and gzipped (level 9, as a static
 * pre-compressor would; the lazy route chunks are not counted, they load with their page).
 */
export function bundleSizes(dist = resolve('web/dist')): BundleSizes | null {
  const indexFile = resolve(dist, 'index.html');
  if (!existsSync(indexFile)) return null;
  const html = readFileSync(indexFile, 'utf8');
  const refs = (pattern: RegExp): string[] => [...html.matchAll(pattern)].map((m) => m[1] ?? '').filter((s) => s.length > 0);
  const js = [...new Set([...refs(/<script[^>]*type="module"[^>]*src="([^"]+)"/g), ...refs(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g)])];
  const css = [...new Set(refs(/<link[^>]*rel="stylesheet"[^>]*href="([^"]+)"/g))];
  const read = (ref: string): Buffer => readFileSync(resolve(dist, ref.replace(/^\//, '')));
  const gz = (refsOf: string[]): number => refsOf.reduce((acc, r) => acc + gzipSync(read(r), { level: 9 }).length, 0);
  return { jsGzipKb: kb(gz(js)), cssGzipKb: kb(gz(css)), jsRawKb: kb(js.reduce((acc, r) => acc + read(r).length, 0)), files: [...js, ...css] };
}

export function bundleRow(sizes: BundleSizes | null): Row {
  if (!sizes)
    return row({ benchmark: 'web: first-load JS (gzip)', unit: 'kB', goal: '≤ 350 kB', note: 'web/dist/index.html missing: npm run build builds it' });
  return judge(
    row({
      benchmark: 'web: first-load JS (gzip)',
      figure: sizes.jsGzipKb,
      unit: 'kB',
      goal: '≤ 350 kB',
      baselineLabel: '—',
      note: `+ CSS ${sizes.cssGzipKb} kB gzip; JS ${sizes.jsRawKb} kB before gzip; ${sizes.files.length} files (entry, modulepreloads, stylesheets of index.html)`,
    }),
    { atMost: 350 },
  );
}

/** The browser globals the page functions use (the bench compiles without the DOM library; the casts are erased). */
interface InPage {
  document: { querySelector(selector: string): { textContent: string | null } | null };
  performance: { now(): number; getEntriesByType(type: string): Array<{ loadEventEnd: number }> };
}

interface Browser {
  newContext(): Promise<BrowserContext>;
  close(): Promise<void>;
}
interface BrowserContext {
  addInitScript(script: { content: string }): Promise<void>;
  newPage(): Promise<BrowserPage>;
  close(): Promise<void>;
}
interface BrowserPage {
  goto(url: string, options?: { waitUntil?: 'load' | 'domcontentloaded' }): Promise<unknown>;
  waitForFunction(fn: () => boolean, arg?: unknown, options?: { timeout?: number }): Promise<unknown>;
  evaluate<T>(fn: () => T): Promise<T>;
}

/**
 * Time to an interactive loan page in headless Chromium: a fresh browser context (cold cache,
 * as a colleague opening a shared link), the session's token already in localStorage (the login
 * is not measured), then /loans/:id until the balances show an amount; performance.now() at that
 * moment is the time since the navigation started. Baseline in the same run: the same server
 * answering a static file (the app's stylesheet) as a document, to its load event.
 */
export async function webBench(o: { apiUrl: string; token: string; loanId: string; runs: number; log: (m: string) => void }): Promise<Row[]> {
  const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  const label = 'web: loan page interactive (cold cache)';
  if (!existsSync(executablePath))
    return [row({ benchmark: label, unit: 'ms', goal: '—', note: `skipped: no Chromium at ${executablePath} (apt-get install chromium, or CHROMIUM_PATH)` })];
  const sizes = bundleSizes();
  const staticRef = sizes?.files.find((f) => f.endsWith('.css'));
  if (!staticRef) return [row({ benchmark: label, unit: 'ms', goal: '—', note: 'skipped: web/dist is not built' })];
  const { chromium } = (await import('playwright-core')) as unknown as {
    chromium: { launch(o: { executablePath: string; args: string[] }): Promise<Browser> };
  };
  const browser = await chromium.launch({
    executablePath,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const loanMs: number[] = [];
  const staticMs: number[] = [];
  try {
    const session = JSON.stringify({ token: o.token, expiresAt: null });
    for (let i = 0; i < o.runs; i += 1) {
      // Each measurement in its own fresh context: nothing cached, nothing shared between them.
      const plain = await browser.newContext();
      try {
        const page = await plain.newPage();
        await page.goto(`${o.apiUrl}${staticRef}`, { waitUntil: 'load' });
        staticMs.push(await page.evaluate(() => (globalThis as unknown as InPage).performance.getEntriesByType('navigation')[0]?.loadEventEnd ?? Number.NaN));
      } finally {
        await plain.close();
      }
      const context = await browser.newContext();
      try {
        await context.addInitScript({ content: `window.localStorage.setItem('htx.session', ${JSON.stringify(session)});` });
        const page = await context.newPage();
        await page.goto(`${o.apiUrl}/loans/${o.loanId}`, { waitUntil: 'domcontentloaded' });
        // Functions, not strings: the app's CSP (script-src 'self') refuses string evaluation.
        await page.waitForFunction(
          () => ((globalThis as unknown as InPage).document.querySelector('[data-testid="balance-principal"]')?.textContent ?? '').includes('₫'),
          undefined,
          {
            timeout: 60_000,
          },
        );
        loanMs.push(await page.evaluate(() => (globalThis as unknown as InPage).performance.now()));
      } finally {
        await context.close();
      }
    }
  } finally {
    await browser.close();
  }
  const figure = round(median(loanMs), 0);
  const baseline = round(median(staticMs), 0);
  o.log(`web: loan page ${loanMs.map((x) => Math.round(x)).join(', ')} ms; static file ${staticMs.map((x) => Math.round(x)).join(', ')} ms`);
  return [
    judge(
      row({
        benchmark: label,
        figure,
        unit: 'ms',
        goal: '—',
        baseline,
        baselineLabel: 'ms static file, same server',
        ratioGoal: 'no goal',
        samples: loanMs.map((x) => Math.round(x)),
        note: `median of ${o.runs}: headless Chromium, token in localStorage, /loans/:id until the balances render (entry chunk, lazy loan chunk, /auth/me, /workspace, the loan, its borrower, debt groups, capital source)`,
      }),
      {},
    ),
  ];
}
