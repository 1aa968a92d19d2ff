import pg from 'pg';

/** Stops the app started by the setup (SIGTERM: it drains and exits) and drops its database. */
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
}
