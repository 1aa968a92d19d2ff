import { plainToInstance, Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min, MinLength, validateSync, type ValidationError } from 'class-validator';

const toInt = ({ value }: { value: unknown }): unknown => (typeof value === 'string' && /^-?\d+$/.test(value) ? Number(value) : value);
const toBool = ({ value }: { value: unknown }): unknown => (value === 'true' || value === '1' ? true : value === 'false' || value === '0' ? false : value);

/**
 * Every environment variable the product reads, with its rule. src/config is the only
 * place that touches process.env (design.md); the rest of the code receives AppConfig.
 */
export class EnvironmentVariables {
  @IsOptional()
  @IsIn(['development', 'production', 'test'])
  NODE_ENV: 'development' | 'production' | 'test' = 'development';

  /** postgres://… ; absent → an embedded PostgreSQL under DATA_DIR/postgres. */
  @IsOptional()
  @Matches(/^postgres(ql)?:\/\/.+/, { message: 'DATABASE_URL must be a postgres:// URL' })
  DATABASE_URL?: string;

  /** postgres://… of a read replica of DATABASE_URL; when set, the reports read from it (docs/reliability.md). */
  @IsOptional()
  @Matches(/^postgres(ql)?:\/\/.+/, { message: 'DATABASE_REPLICA_URL must be a postgres:// URL' })
  DATABASE_REPLICA_URL?: string;

  /** redis://… ; absent → a private redis-server under DATA_DIR/redis. */
  @IsOptional()
  @Matches(/^rediss?:\/\/.+/, { message: 'REDIS_URL must be a redis:// URL' })
  REDIS_URL?: string;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT = 3000;

  @IsOptional()
  @IsString()
  HOST = '0.0.0.0';

  /** Required in production; development and test get a fixed local secret. */
  @IsOptional()
  @IsString()
  @MinLength(32, { message: 'JWT_SECRET must be at least 32 characters' })
  JWT_SECRET?: string;

  @IsOptional()
  @Matches(/^\d+[smhd]$/, { message: 'JWT_EXPIRES_IN must look like 15m, 8h or 1d' })
  JWT_EXPIRES_IN = '8h';

  @IsOptional()
  @IsString()
  @MinLength(3)
  @MaxLength(64)
  ADMIN_USERNAME = 'admin';

  /** Required in production; the first admin is created with it on an empty database. */
  @IsOptional()
  @IsString()
  @MinLength(8, { message: 'ADMIN_PASSWORD must be at least 8 characters' })
  ADMIN_PASSWORD?: string;

  @IsOptional()
  @IsString()
  @Matches(/^[A-Za-z_]+\/[A-Za-z_]+$/, { message: 'BUSINESS_TIMEZONE must be an IANA zone such as Asia/Ho_Chi_Minh' })
  BUSINESS_TIMEZONE = 'Asia/Ho_Chi_Minh';

  /** Comma-separated origins; CORS is off when empty. */
  @IsOptional()
  @IsString()
  CORS_ORIGINS = '';

  @IsOptional()
  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent' = 'info';

  @IsOptional()
  @IsString()
  DATA_DIR = '.data';

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(200)
  DATABASE_POOL_SIZE = 10;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1024)
  @Max(10 * 1024 * 1024)
  BODY_LIMIT_BYTES = 1024 * 1024;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(1000)
  LOGIN_RATE_LIMIT_PER_MINUTE = 10;

  /** Requests per caller (token, else address) a minute on every route, counted in Redis across API processes. */
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(100_000_000)
  RATE_LIMIT_PER_MINUTE = 1200;

  /** Report exports and statement imports one user may have queued or running at once. */
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(100)
  MAX_ACTIVE_JOBS_PER_USER = 3;

  /** Bearer token of GET /metrics; the route answers 404 when unset. */
  @IsOptional()
  @IsString()
  @MinLength(16, { message: 'METRICS_TOKEN must be at least 16 characters' })
  @MaxLength(256)
  METRICS_TOKEN?: string;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(64)
  AUDIT_CHAINS = 16;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(5)
  @Max(3600)
  IDEMPOTENCY_IN_FLIGHT_TIMEOUT_SECONDS = 60;

  @IsOptional()
  @IsString()
  @MaxLength(200)
  FUND_NAME = 'Quỹ Hỗ trợ phát triển hợp tác xã tỉnh Thái Nguyên';

  /** The fund's province (Decision 19/2025/QĐ-TTg two-digit code); a provincial fund lends only inside it. */
  @IsOptional()
  @Matches(/^\d{2}$/, { message: 'FUND_PROVINCE_CODE must be two digits' })
  FUND_PROVINCE_CODE = '19';

  /** Contract numbers: {yyyy} the signing year, {seq:N} the year's sequence zero-padded to N digits. */
  @IsOptional()
  @IsString()
  @Matches(/\{seq(:\d+)?\}/, { message: 'LOAN_CONTRACT_NUMBER_PATTERN must contain {seq} or {seq:N}' })
  LOAN_CONTRACT_NUMBER_PATTERN = 'HĐTD-{yyyy}-{seq:6}';

  /** The credit report (no bad debt attestation) may be at most this old at the first tranche. */
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(365)
  CREDIT_REPORT_MAX_AGE_DAYS = 30;

  /** A repayment may be valued at most this many days before the business date. */
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(365)
  REPAYMENT_BACKDATE_DAYS = 30;

  /** Prefix of every BullMQ key in Redis; lets several deployments or test runs share one Redis. */
  @IsOptional()
  @Matches(/^[A-Za-z0-9_-]{1,40}$/, { message: 'QUEUE_PREFIX must be 1–40 of A-Z a-z 0-9 _ -' })
  QUEUE_PREFIX = 'lms';

  /**
   * A close run, statement import or report export still QUEUED or RUNNING this long without a live
   * job in Redis (lost, or remembered from an earlier deployment) is enqueued again; workers sweep
   * at start and every half of this.
   */
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(86400)
  QUEUE_SWEEP_AFTER_SECONDS = 120;

  /** Reminders: installments due within this many days get a DUE_SOON notification. */
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(60)
  REMINDER_DAYS_AHEAD = 5;

  /** Cron pattern (in BUSINESS_TIMEZONE) of the daily reminder job. */
  @IsOptional()
  @IsString()
  @Matches(/^\S+( \S+){4,5}$/, { message: 'REMINDER_CRON must be a 5- or 6-field cron pattern' })
  REMINDER_CRON = '0 7 * * *';

  /** smtp(s)://user:pass@host:port; reminders are emailed only when set, skipped quietly otherwise. */
  @IsOptional()
  @Matches(/^smtps?:\/\/.+/, { message: 'SMTP_URL must be an smtp:// or smtps:// URL' })
  SMTP_URL?: string;

  /** The From header of reminder emails. */
  @IsOptional()
  @IsString()
  @MaxLength(200)
  SMTP_FROM = 'Quỹ HTX <no-reply@quyhtx.local>';

  /** Test-only: allow closing business dates after the wall-clock date. */
  @IsOptional()
  @Transform(toBool)
  @IsBoolean()
  ALLOW_FUTURE_CLOSE = false;

  /** Report file exports with more rows than this run as a BullMQ job, downloaded when ready. */
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(10_000_000)
  REPORT_EXPORT_ASYNC_ROWS = 5000;

  /** Report calls per user per minute (each full scan of a large portfolio uses the whole machine). */
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(10000)
  REPORT_RATE_LIMIT_PER_MINUTE = 30;

  /** Public address of the API, printed in statement QR codes (…/api/v1/verify/CODE). */
  @IsOptional()
  @Matches(/^https?:\/\/[^\s]+$/, { message: 'PUBLIC_BASE_URL must be an http(s) URL' })
  PUBLIC_BASE_URL = 'http://localhost:3000';

  /**
   * VietQR (pay by bank app): the fund's collection account. The defaults are DEMO values (a made-up
   * Agribank account): a deployment sets all three; until then the screens say the account is a demo.
   */
  @IsOptional()
  @Matches(/^\d{6}$/, { message: 'VIETQR_BANK_BIN must be the 6-digit NAPAS BIN of the bank (e.g. 970405 Agribank)' })
  VIETQR_BANK_BIN = '970405';

  /** The bank's name as written beside the QR code (for typing the transfer by hand). */
  @IsOptional()
  @IsString()
  @MinLength(2)
  @MaxLength(100)
  VIETQR_BANK_NAME = 'Agribank';

  @IsOptional()
  @Matches(/^[A-Za-z0-9]{1,19}$/, { message: 'VIETQR_ACCOUNT_NUMBER must be 1–19 letters or digits' })
  VIETQR_ACCOUNT_NUMBER = '8888000019999';

  /** The account holder as the bank shows it (upper case without diacritics, as banks print it). */
  @IsOptional()
  @IsString()
  @MinLength(2)
  @MaxLength(100)
  VIETQR_ACCOUNT_NAME = 'QUY HO TRO PHAT TRIEN HTX TINH THAI NGUYEN';

  /** Close of business: ACTIVE loans per chunk job (one database transaction each). */
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(100000)
  CLOSE_CHUNK_SIZE = 1000;

  /** Close of business: chunk jobs one process runs at once; 0 = this process runs no close workers. */
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(64)
  CLOSE_WORKER_CONCURRENCY = 2;

  /** Close of business: attempts per chunk job before the day's run is marked FAILED (retry via the API). */
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(20)
  CLOSE_CHUNK_ATTEMPTS = 3;

  /** Close of business: BullMQ job lock; a worker that dies holding a job loses it after this (stalled → retried). */
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1000)
  @Max(3600000)
  CLOSE_JOB_LOCK_MS = 60000;

  /** Close of business: cron (6 fields allowed) in BUSINESS_TIMEZONE that starts the close of every day that has ended. */
  @IsOptional()
  @IsString()
  @Matches(/^\S+( \S+){4,5}$/, { message: 'CLOSE_SCHEDULE_CRON must be a 5- or 6-field cron pattern' })
  CLOSE_SCHEDULE_CRON = '5 0 * * *';

  /** Close of business: whether the worker registers the nightly job scheduler. */
  @IsOptional()
  @Transform(toBool)
  @IsBoolean()
  CLOSE_SCHEDULE_ENABLED = true;

  /** POST /close-of-business without ?wait=false waits at most this long, then answers 202 with the run's location. */
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(86400)
  CLOSE_WAIT_TIMEOUT_SECONDS = 300;

  /** A repayment waits at most this long for a loan row another transaction (a close chunk) holds; then 409. */
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(50)
  @Max(60000)
  REPAYMENT_LOCK_TIMEOUT_MS = 3000;

  /** Test-only: each close chunk sleeps this long inside its transaction (crash and race tests). */
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(600000)
  CLOSE_TEST_CHUNK_DELAY_MS = 0;

  /** The loan file (docs/loan-file.md): the largest document accepted, in bytes (default 20 MiB). */
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1024)
  @Max(2_147_483_647)
  ATTACHMENT_MAX_BYTES = 20 * 1024 * 1024;

  /** An S3-compatible store for documents (http(s) URL); absent → documents are kept in PostgreSQL. */
  @IsOptional()
  @Matches(/^https?:\/\/[^\s]+$/, { message: 'S3_ENDPOINT must be an http(s) URL' })
  S3_ENDPOINT?: string;

  @IsOptional()
  @Matches(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, { message: 'S3_BUCKET must be a valid bucket name' })
  S3_BUCKET?: string;

  @IsOptional()
  @IsString()
  @MaxLength(64)
  S3_REGION = 'us-east-1';

  @IsOptional()
  @IsString()
  @MaxLength(256)
  S3_ACCESS_KEY_ID?: string;

  @IsOptional()
  @IsString()
  @MaxLength(256)
  S3_SECRET_ACCESS_KEY?: string;

  /** Path-style addressing (http://host/bucket/key), which MinIO, Ceph and s3rver expect. */
  @IsOptional()
  @Transform(toBool)
  @IsBoolean()
  S3_FORCE_PATH_STYLE = true;
}

export interface EnvironmentProblem {
  variable: string;
  rules: string[];
}

function flatten(errors: ValidationError[]): EnvironmentProblem[] {
  return errors.map((e) => ({ variable: e.property, rules: Object.values(e.constraints ?? {}) }));
}

export function validateEnvironment(source: Record<string, string | undefined>): {
  env: EnvironmentVariables;
  problems: EnvironmentProblem[];
} {
  // Empty strings mean "not set", as in most deployment tools.
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ''));
  const env = plainToInstance(EnvironmentVariables, cleaned, { exposeDefaultValues: true });
  const problems = flatten(validateSync(env, { whitelist: false, forbidUnknownValues: false }));
  if (env.NODE_ENV === 'production') {
    if (!env.JWT_SECRET) problems.push({ variable: 'JWT_SECRET', rules: ['JWT_SECRET is required in production'] });
    if (!env.ADMIN_PASSWORD) problems.push({ variable: 'ADMIN_PASSWORD', rules: ['ADMIN_PASSWORD is required in production'] });
  }
  return { env, problems };
}
