/** Command-line options of `npm run bench`. */
export const BENCHMARKS = ['load', 'status', 'report', 'close', 'repayments', 'memory', 'web'] as const;
export type BenchmarkName = (typeof BENCHMARKS)[number];

export interface BenchOptions {
  loans: number;
  only: BenchmarkName | null;
  out: string;
  repeat: number;
  smoke: boolean;
  database: string;
  /** Seconds of each HTTP load phase (30 by default, 3 in smoke mode). */
  duration: number;
  /** Connection pool of the API and worker processes (DATABASE_POOL_SIZE). */
  poolSize: number;
  /** CLOSE_CHUNK_SIZE of the worker (active loans per chunk job). */
  closeChunk: number;
  /** CLOSE_WORKER_CONCURRENCY of the worker (chunk jobs at once). */
  closeConcurrency: number;
  /** Run on a private PostgreSQL started with the bench's server settings (database.ts) instead of DATABASE_URL's server. */
  tunedServer: boolean;
  /**
   * With the report benchmark: first load this many loans and measure the report there, so the
   * table shows both sizes side by side (0: off). Default 100,000 when --loans ≥ 1,000,000.
   */
  reportAlso: number;
}

export function usage(): string {
  return `usage: npm run bench -- [--loans N] [--only ${BENCHMARKS.join('|')}] [--out file.json] [--repeat K] [--smoke]
                          [--database lms_bench] [--duration SECONDS] [--pool N] [--close-chunk N] [--close-concurrency N] [--tuned-server]
                          [--report-also N]`;
}

function intOption(name: string, value: string | undefined, min: number): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < min) throw new Error(`${name} must be a whole number ≥ ${min} (got ${value ?? 'nothing'})\n${usage()}`);
  return n;
}

export function parseOptions(argv: readonly string[]): BenchOptions {
  const o: BenchOptions = {
    loans: 100_000,
    only: null,
    out: '.data/bench-results.json',
    repeat: 1,
    smoke: false,
    database: 'lms_bench',
    duration: 30,
    poolSize: 10,
    closeChunk: 1000,
    closeConcurrency: 2,
    tunedServer: false,
    reportAlso: -1,
  };
  let durationSet = false;
  for (let i = 0; i < argv.length; i += 1) {
    const a = argv[i];
    const v = argv[i + 1];
    switch (a) {
      case '--loans':
        o.loans = intOption(a, v, 1);
        i += 1;
        break;
      case '--only':
        if (!BENCHMARKS.includes(v as BenchmarkName)) throw new Error(`--only must be one of ${BENCHMARKS.join(', ')}\n${usage()}`);
        o.only = v as BenchmarkName;
        i += 1;
        break;
      case '--out':
        if (!v) throw new Error(`--out needs a file\n${usage()}`);
        o.out = v;
        i += 1;
        break;
      case '--repeat':
        o.repeat = intOption(a, v, 1);
        i += 1;
        break;
      case '--database':
        if (!v || !/^[a-z_][a-z0-9_]{0,50}$/.test(v)) throw new Error(`--database must be a plain lower-case name\n${usage()}`);
        o.database = v;
        i += 1;
        break;
      case '--duration':
        o.duration = intOption(a, v, 1);
        durationSet = true;
        i += 1;
        break;
      case '--pool':
        o.poolSize = intOption(a, v, 1);
        i += 1;
        break;
      case '--close-chunk':
        o.closeChunk = intOption(a, v, 1);
        i += 1;
        break;
      case '--close-concurrency':
        o.closeConcurrency = intOption(a, v, 1);
        i += 1;
        break;
      case '--report-also':
        o.reportAlso = intOption(a, v, 0);
        i += 1;
        break;
      case '--smoke':
        o.smoke = true;
        break;
      case '--tuned-server':
        o.tunedServer = true;
        break;
      case '--help':
      case '-h':
        throw new Error(usage());
      default:
        throw new Error(`unknown option ${a}\n${usage()}`);
    }
  }
  if (o.smoke && !durationSet) o.duration = 3;
  if (o.reportAlso < 0) o.reportAlso = o.loans >= 1_000_000 ? 100_000 : 0;
  if (o.reportAlso >= o.loans) o.reportAlso = 0;
  return o;
}

/** Whether a benchmark runs (load always runs: every other one needs the portfolio; memory is sampled during the others). */
export function selected(o: BenchOptions, name: BenchmarkName): boolean {
  if (name === 'load' || o.only === null || o.only === name) return true;
  return o.only === 'memory' && (name === 'status' || name === 'close' || name === 'repayments');
}
