import { isAbsolute, resolve } from 'node:path';
import { validateEnvironment, type EnvironmentProblem } from './environment.js';

export type ProcessRole = 'all' | 'api' | 'worker';

/** Validated configuration. Built once at boot from process.env; passed everywhere else. */
export interface AppConfig {
  nodeEnv: 'development' | 'production' | 'test';
  databaseUrl: string | undefined;
  /** Read replica for the reports; undefined: everything on the primary. */
  databaseReplicaUrl: string | undefined;
  redisUrl: string | undefined;
  port: number;
  host: string;
  jwtSecret: string;
  jwtExpiresIn: string;
  adminUsername: string;
  adminPassword: string;
  businessTimezone: string;
  corsOrigins: string[];
  logLevel: string;
  dataDir: string;
  databasePoolSize: number;
  bodyLimitBytes: number;
  loginRateLimitPerMinute: number;
  rateLimitPerMinute: number;
  maxActiveJobsPerUser: number;
  metricsToken: string | undefined;
  auditChains: number;
  idempotencyInFlightTimeoutSeconds: number;
  fundName: string;
  fundProvinceCode: string;
  allowFutureClose: boolean;
  queuePrefix: string;
  queueSweepAfterSeconds: number;
  contractNumberPattern: string;
  creditReportMaxAgeDays: number;
  repaymentBackdateDays: number;
  reportExportAsyncRows: number;
  reportRateLimitPerMinute: number;
  publicBaseUrl: string;
  reminderDaysAhead: number;
  reminderCron: string;
  smtpUrl: string | undefined;
  smtpFrom: string;
  /** VietQR collection account; `demo` when none of the VIETQR_* variables is set. */
  vietQr: { bankBin: string; bankName: string; accountNumber: string; accountName: string; demo: boolean };
  closeChunkSize: number;
  closeWorkerConcurrency: number;
  closeChunkAttempts: number;
  closeJobLockMs: number;
  closeScheduleCron: string;
  closeScheduleEnabled: boolean;
  closeWaitTimeoutSeconds: number;
  repaymentLockTimeoutMs: number;
  closeTestChunkDelayMs: number;
  /** The loan file: largest document in bytes, and the S3-compatible store when configured (else PostgreSQL). */
  attachmentMaxBytes: number;
  s3: { endpoint: string; bucket: string; region: string; accessKeyId: string; secretAccessKey: string; forcePathStyle: boolean } | undefined;
}

export class ConfigurationError extends Error {
  constructor(readonly problems: EnvironmentProblem[]) {
    super(
      'Configuration is invalid; fix these environment variables and start again:\n' +
        problems.map((p) => `  - ${p.variable}: ${p.rules.join('; ')}`).join('\n'),
    );
    this.name = 'ConfigurationError';
  }
}

const DEVELOPMENT_JWT_SECRET = 'development-only-secret-change-me-in-production-0123456789';
const DEVELOPMENT_ADMIN_PASSWORD = 'admin12345';

export function loadConfig(source: Record<string, string | undefined> = process.env): AppConfig {
  const { env, problems } = validateEnvironment(source);
  if (problems.length > 0) throw new ConfigurationError(problems);
  return {
    nodeEnv: env.NODE_ENV,
    databaseUrl: env.DATABASE_URL,
    databaseReplicaUrl: env.DATABASE_REPLICA_URL,
    redisUrl: env.REDIS_URL,
    port: env.PORT,
    host: env.HOST,
    jwtSecret: env.JWT_SECRET ?? DEVELOPMENT_JWT_SECRET,
    jwtExpiresIn: env.JWT_EXPIRES_IN,
    adminUsername: env.ADMIN_USERNAME,
    adminPassword: env.ADMIN_PASSWORD ?? DEVELOPMENT_ADMIN_PASSWORD,
    businessTimezone: env.BUSINESS_TIMEZONE,
    corsOrigins: env.CORS_ORIGINS.split(',')
      .map((s) => s.trim())
      .filter(Boolean),
    logLevel: env.LOG_LEVEL,
    dataDir: isAbsolute(env.DATA_DIR) ? env.DATA_DIR : resolve(process.cwd(), env.DATA_DIR),
    databasePoolSize: env.DATABASE_POOL_SIZE,
    bodyLimitBytes: env.BODY_LIMIT_BYTES,
    loginRateLimitPerMinute: env.LOGIN_RATE_LIMIT_PER_MINUTE,
    rateLimitPerMinute: env.RATE_LIMIT_PER_MINUTE,
    maxActiveJobsPerUser: env.MAX_ACTIVE_JOBS_PER_USER,
    metricsToken: env.METRICS_TOKEN,
    auditChains: env.AUDIT_CHAINS,
    idempotencyInFlightTimeoutSeconds: env.IDEMPOTENCY_IN_FLIGHT_TIMEOUT_SECONDS,
    fundName: env.FUND_NAME,
    fundProvinceCode: env.FUND_PROVINCE_CODE,
    allowFutureClose: env.ALLOW_FUTURE_CLOSE,
    queuePrefix: env.QUEUE_PREFIX,
    queueSweepAfterSeconds: env.QUEUE_SWEEP_AFTER_SECONDS,
    contractNumberPattern: env.LOAN_CONTRACT_NUMBER_PATTERN,
    creditReportMaxAgeDays: env.CREDIT_REPORT_MAX_AGE_DAYS,
    repaymentBackdateDays: env.REPAYMENT_BACKDATE_DAYS,
    reportExportAsyncRows: env.REPORT_EXPORT_ASYNC_ROWS,
    reportRateLimitPerMinute: env.REPORT_RATE_LIMIT_PER_MINUTE,
    publicBaseUrl: env.PUBLIC_BASE_URL,
    reminderDaysAhead: env.REMINDER_DAYS_AHEAD,
    reminderCron: env.REMINDER_CRON,
    smtpUrl: env.SMTP_URL,
    smtpFrom: env.SMTP_FROM,
    vietQr: {
      bankBin: env.VIETQR_BANK_BIN,
      bankName: env.VIETQR_BANK_NAME,
      accountNumber: env.VIETQR_ACCOUNT_NUMBER,
      accountName: env.VIETQR_ACCOUNT_NAME,
      demo: !['VIETQR_BANK_BIN', 'VIETQR_BANK_NAME', 'VIETQR_ACCOUNT_NUMBER', 'VIETQR_ACCOUNT_NAME'].some((k) => source[k]),
    },
    closeChunkSize: env.CLOSE_CHUNK_SIZE,
    closeWorkerConcurrency: env.CLOSE_WORKER_CONCURRENCY,
    closeChunkAttempts: env.CLOSE_CHUNK_ATTEMPTS,
    closeJobLockMs: env.CLOSE_JOB_LOCK_MS,
    closeScheduleCron: env.CLOSE_SCHEDULE_CRON,
    closeScheduleEnabled: env.CLOSE_SCHEDULE_ENABLED,
    closeWaitTimeoutSeconds: env.CLOSE_WAIT_TIMEOUT_SECONDS,
    repaymentLockTimeoutMs: env.REPAYMENT_LOCK_TIMEOUT_MS,
    closeTestChunkDelayMs: env.CLOSE_TEST_CHUNK_DELAY_MS,
    attachmentMaxBytes: env.ATTACHMENT_MAX_BYTES,
    s3:
      env.S3_ENDPOINT && env.S3_BUCKET
        ? {
            endpoint: env.S3_ENDPOINT,
            bucket: env.S3_BUCKET,
            region: env.S3_REGION,
            accessKeyId: env.S3_ACCESS_KEY_ID ?? '',
            secretAccessKey: env.S3_SECRET_ACCESS_KEY ?? '',
            forcePathStyle: env.S3_FORCE_PATH_STYLE,
          }
        : undefined,
  };
}

/** The injection token under which AppConfig is provided. */
export const APP_CONFIG = Symbol('APP_CONFIG');
