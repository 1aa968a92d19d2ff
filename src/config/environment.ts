import { plainToInstance, Transform } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  validateSync,
  type ValidationError,
} from 'class-validator';

const toInt = ({ value }: { value: unknown }): unknown => (typeof value === 'string' && /^-?\d+$/.test(value) ? Number(value) : value);
const toBool = ({ value }: { value: unknown }): unknown =>
  value === 'true' || value === '1' ? true : value === 'false' || value === '0' ? false : value;

/**
 * Every environment variable the product reads, with its rule. src/config is the only
 * place that touches process.env (design.md); the rest of the code receives AppConfig.
 */
export class EnvironmentVariables {
  @IsOptional() @IsIn(['development', 'production', 'test'])
  NODE_ENV: 'development' | 'production' | 'test' = 'development';

  /** postgres://… ; absent → an embedded PostgreSQL under DATA_DIR/postgres. */
  @IsOptional() @Matches(/^postgres(ql)?:\/\/.+/, { message: 'DATABASE_URL must be a postgres:// URL' })
  DATABASE_URL?: string;

  /** redis://… ; absent → a private redis-server under DATA_DIR/redis. */
  @IsOptional() @Matches(/^rediss?:\/\/.+/, { message: 'REDIS_URL must be a redis:// URL' })
  REDIS_URL?: string;

  @IsOptional() @Transform(toInt) @IsInt() @Min(0) @Max(65535)
  PORT = 3000;

  @IsOptional() @IsString()
  HOST = '0.0.0.0';

  /** Required in production; development and test get a fixed local secret. */
  @IsOptional() @IsString() @MinLength(32, { message: 'JWT_SECRET must be at least 32 characters' })
  JWT_SECRET?: string;

  @IsOptional() @Matches(/^\d+[smhd]$/, { message: 'JWT_EXPIRES_IN must look like 15m, 8h or 1d' })
  JWT_EXPIRES_IN = '8h';

  @IsOptional() @IsString() @MinLength(3) @MaxLength(64)
  ADMIN_USERNAME = 'admin';

  /** Required in production; the first admin is created with it on an empty database. */
  @IsOptional() @IsString() @MinLength(8, { message: 'ADMIN_PASSWORD must be at least 8 characters' })
  ADMIN_PASSWORD?: string;

  @IsOptional() @IsString() @Matches(/^[A-Za-z_]+\/[A-Za-z_]+$/, { message: 'BUSINESS_TIMEZONE must be an IANA zone such as Asia/Ho_Chi_Minh' })
  BUSINESS_TIMEZONE = 'Asia/Ho_Chi_Minh';

  /** Comma-separated origins; CORS is off when empty. */
  @IsOptional() @IsString()
  CORS_ORIGINS = '';

  @IsOptional() @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent' = 'info';

  @IsOptional() @IsString()
  DATA_DIR = '.data';

  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(200)
  DATABASE_POOL_SIZE = 10;

  @IsOptional() @Transform(toInt) @IsInt() @Min(1024) @Max(10 * 1024 * 1024)
  BODY_LIMIT_BYTES = 1024 * 1024;

  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(1000)
  LOGIN_RATE_LIMIT_PER_MINUTE = 10;

  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(64)
  AUDIT_CHAINS = 16;

  @IsOptional() @Transform(toInt) @IsInt() @Min(5) @Max(3600)
  IDEMPOTENCY_IN_FLIGHT_TIMEOUT_SECONDS = 60;

  @IsOptional() @IsString() @MaxLength(200)
  FUND_NAME = 'Quỹ Hỗ trợ phát triển hợp tác xã tỉnh Thái Nguyên';

  /** The fund's province (Decision 19/2025/QĐ-TTg two-digit code); a provincial fund lends only inside it. */
  @IsOptional() @Matches(/^\d{2}$/, { message: 'FUND_PROVINCE_CODE must be two digits' })
  FUND_PROVINCE_CODE = '19';

  /** Contract numbers: {yyyy} the signing year, {seq:N} the year's sequence zero-padded to N digits. */
  @IsOptional() @IsString() @Matches(/\{seq(:\d+)?\}/, { message: 'LOAN_CONTRACT_NUMBER_PATTERN must contain {seq} or {seq:N}' })
  LOAN_CONTRACT_NUMBER_PATTERN = 'HĐTD-{yyyy}-{seq:6}';

  /** The credit report (no bad debt attestation) may be at most this old at the first tranche. */
  @IsOptional() @Transform(toInt) @IsInt() @Min(0) @Max(365)
  CREDIT_REPORT_MAX_AGE_DAYS = 30;

  /** A repayment may be valued at most this many days before the business date. */
  @IsOptional() @Transform(toInt) @IsInt() @Min(0) @Max(365)
  REPAYMENT_BACKDATE_DAYS = 30;

  /** Prefix of every BullMQ key in Redis; lets several deployments or test runs share one Redis. */
  @IsOptional() @Matches(/^[A-Za-z0-9_-]{1,40}$/, { message: 'QUEUE_PREFIX must be 1–40 of A-Z a-z 0-9 _ -' })
  QUEUE_PREFIX = 'lms';

  /** Test-only: allow closing business dates after the wall-clock date. */
  @IsOptional() @Transform(toBool) @IsBoolean()
  ALLOW_FUTURE_CLOSE = false;
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
