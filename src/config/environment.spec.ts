import { describe, expect, it } from '@jest/globals';
import { ConfigurationError, loadConfig } from './app-config.js';

describe('configuration', () => {
  it('applies documented defaults', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({
      port: 3000,
      businessTimezone: 'Asia/Ho_Chi_Minh',
      jwtExpiresIn: '8h',
      adminUsername: 'admin',
      fundProvinceCode: '19',
      corsOrigins: [],
    });
    expect(c.databaseUrl).toBeUndefined();
  });

  it('refuses to start with one message listing every bad variable', () => {
    let error: unknown;
    try {
      loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', JWT_SECRET: 'short', BUSINESS_TIMEZONE: 'nowhere' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigurationError);
    const message = (error as Error).message;
    for (const v of ['PORT', 'DATABASE_URL', 'JWT_SECRET', 'BUSINESS_TIMEZONE']) expect(message).toContain(`- ${v}:`);
  });

  it('requires the secrets in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/JWT_SECRET[\s\S]*ADMIN_PASSWORD/);
    expect(loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(40), ADMIN_PASSWORD: 'long-enough' }).nodeEnv).toBe('production');
  });

  it('validates the VietQR account and marks the defaults as a demo', () => {
    expect(loadConfig({}).vietQr).toMatchObject({ bankBin: '970405', demo: true });
    expect(loadConfig({ VIETQR_BANK_BIN: '970415', VIETQR_ACCOUNT_NUMBER: '0011001932418' }).vietQr).toMatchObject({
      bankBin: '970415',
      accountNumber: '0011001932418',
      demo: false,
    });
    expect(() => loadConfig({ VIETQR_BANK_BIN: '9704', VIETQR_ACCOUNT_NUMBER: '12 34' })).toThrow(/VIETQR_BANK_BIN[\s\S]*VIETQR_ACCOUNT_NUMBER/);
  });
});
