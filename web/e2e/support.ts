import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Screenshots for people to look at (gitignored): .data/web-screenshots/<name>.png at the repository root. */
const SHOTS = fileURLToPath(new URL('../../.data/web-screenshots/', import.meta.url));
mkdirSync(SHOTS, { recursive: true });

export function baseUrl(): string {
  const base = process.env.WEB_BASE_URL;
  if (!base) throw new Error('WEB_BASE_URL is not set (run through npm run test:web)');
  return base;
}

export async function login(page: Page, user: { username: string; password: string }, path = '/'): Promise<void> {
  await page.goto(`${baseUrl()}${path}`);
  await expect(page).toHaveURL(/\/login/);
  await page.getByLabel('Tên đăng nhập').fill(user.username);
  await page.getByLabel('Mật khẩu').fill(user.password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
}

/**
 * Checks a page with axe-core (WCAG 2 A/AA rules) and fails on serious or critical findings,
 * then writes its screenshot. Called on every page a journey reaches.
 */
export async function checkPage(page: Page, name: string): Promise<void> {
  // Let lazy chunks, queries and transitions settle before judging the page.
  await page.waitForLoadState('networkidle');
  await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
  // Whatever still moves (CSS transitions, finite animations) finishes before axe measures contrast;
  // endless ones (a loader's spin) are left alone.
  await page.evaluate(() =>
    Promise.all(
      document
        .getAnimations()
        .filter((a) => a.effect?.getComputedTiming().endTime !== Infinity)
        .map((a) => a.finished.catch(() => undefined)),
    ),
  );
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const summary = bad
    .map(
      (v) =>
        `${v.impact} ${v.id}: ${v.help}\n  ${v.nodes
          .map((n) => n.target.join(' '))
          .slice(0, 5)
          .join('\n  ')}`,
    )
    .join('\n');
  expect(bad, `axe found serious/critical issues on ${name}:\n${summary}`).toEqual([]);
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: `${SHOTS}${name}.png`, fullPage: true });
}
