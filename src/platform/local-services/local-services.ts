import type { AppConfig } from '../../config/index.js';
import { startEmbeddedPostgres, type RunningService } from './embedded-postgres.js';
import { startPrivateRedis } from './redis-server.js';

export interface ResolvedServices {
  databaseUrl: string;
  redisUrl: string;
  stop(): Promise<void>;
}

/**
 * With DATABASE_URL / REDIS_URL set, use them and start nothing. Without them, start an
 * embedded PostgreSQL and a private redis-server under DATA_DIR (the single-machine default).
 */
export async function resolveServices(config: AppConfig, log: (msg: string) => void): Promise<ResolvedServices> {
  const started: RunningService[] = [];
  try {
    const databaseUrl = config.databaseUrl ?? (started[started.length] = await startEmbeddedPostgres(config.dataDir, log)).url;
    const redisUrl = config.redisUrl ?? (started[started.length] = await startPrivateRedis(config.dataDir, log)).url;
    return {
      databaseUrl,
      redisUrl,
      stop: async () => {
        for (const s of started.reverse()) await s.stop();
      },
    };
  } catch (e) {
    for (const s of started.reverse()) await s.stop();
    throw e;
  }
}
