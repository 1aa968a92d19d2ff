import { MantineProvider } from '@mantine/core';
import { afterEach, describe, expect, it } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider } from 'react-i18next';
import { i18n } from '../i18n/i18n';
import { LendingChecksPanel, draftChecks, type LendingChecks } from './lending-checks';

const check = (code: string, passed: boolean, limit = '0', actual = '0') => ({ code, rule: code, limit, actual, passed });

/** A dry run of a form not saved yet, on a product requiring collateral: every rule met but the cover (nothing pledged yet). */
const dryRun: LendingChecks = {
  checkedOn: '2025-12-31',
  passed: false,
  checks: [
    check('APPLICATION.AMOUNT_ABOVE_PRODUCT_MAX', true, '3000000000', '600000000'),
    check('APPLICATION.COLLATERAL_COVER_BELOW_MINIMUM', false, '600000000', '0'),
    check('APPLICATION.ABOVE_INVESTMENT_SHARE', true, '800000000', '600000000'),
  ],
};

function text(node: React.ReactElement): string {
  return renderToStaticMarkup(
    <I18nextProvider i18n={i18n}>
      <MantineProvider>{node}</MantineProvider>
    </I18nextProvider>,
  )
    .replace(/<style[^>]*>[\s\S]*?<\/style>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

describe('the lending checks of a draft not saved yet', () => {
  afterEach(async () => {
    await i18n.changeLanguage('vi');
  });

  it('leave out the cover measured on no pledges, keep the product minimum, and pass on the other rules', () => {
    const d = draftChecks(dryRun);
    expect(d.coverRequired).toBe('600000000');
    expect(d.checks.passed).toBe(true);
    expect(d.checks.checks.map((c) => c.code)).toEqual(['APPLICATION.AMOUNT_ABOVE_PRODUCT_MAX', 'APPLICATION.ABOVE_INVESTMENT_SHARE']);
    // Another rule failing still fails the draft.
    const over = draftChecks({ ...dryRun, checks: [...dryRun.checks, check('APPLICATION.ABOVE_SOURCE_AVAILABLE', false)] });
    expect(over.checks.passed).toBe(false);
    // No collateral rule (a product without it, or an exempt application): nothing changes.
    const plain: LendingChecks = { ...dryRun, passed: true, checks: dryRun.checks.slice(0, 1) };
    expect(draftChecks(plain)).toEqual({ checks: plain, coverRequired: null });
  });

  it('say in Vietnamese, and in English, that the cover is checked once assets are pledged to the saved draft — not 0 pledged', async () => {
    const d = draftChecks(dryRun);
    const vi = text(<LendingChecksPanel checks={d.checks} coverRequired={d.coverRequired} />);
    expect(vi).toContain('Sản phẩm yêu cầu mức bảo đảm tối thiểu 600.000.000');
    expect(vi).toContain('chỉ cầm cố được vào hồ sơ đã lưu');
    expect(vi).not.toContain('Giá trị tài sản bảo đảm đạt mức tối thiểu của sản phẩm');
    await i18n.changeLanguage('en');
    const en = text(<LendingChecksPanel checks={d.checks} coverRequired={d.coverRequired} />);
    expect(en).toContain('The product requires a cover of at least');
    expect(en).toContain('Collateral can be pledged only to a saved application');
  });
});
