import { Redis } from 'ioredis';
import pg from 'pg';

/** Stops the app started by the setup (SIGTERM: it drains and exits), drops its database and its queue keys. */
export default async function globalTeardown(): Promise<void> {
  const pid = Number(process.env.WEB_TEST_PID);
  if (pid) {
    try {
      process.kill(pid, 'SIGTERM');
    } catch {
      // already gone
    }
    for (let i = 0; i < 40; i++) {
      try {
        process.kill(pid, 0);
        await new Promise((r) => setTimeout(r, 250));
      } catch {
        break;
      }
    }
  }
  const database = process.env.WEB_TEST_DATABASE;
  if (database && process.env.DATABASE_URL) {
    const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    await admin.end();
  }
  const prefix = process.env.WEB_TEST_QUEUE_PREFIX;
  if (prefix && process.env.REDIS_URL) {
    const redis = new Redis(process.env.REDIS_URL);
    const keys = await redis.keys(`${prefix}:*`);
    if (keys.length > 0) await redis.del(...keys);
    redis.disconnect();
  }
}
