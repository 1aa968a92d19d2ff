// Runs outside Jest's module system, so it uses the compiled platform code (npm test
// builds first). Starts or finds PostgreSQL and Redis: the ones in DATABASE_URL /
// REDIS_URL when set, else an embedded PostgreSQL and a private redis-server under
// .data/test. The template database is migrated by the first test file that needs it.
import pg from 'pg';
import { loadConfig } from '../../dist/src/config/index.js';
import { resolveServices } from '../../dist/src/platform/local-services/index.js';

export default async function globalSetup() {
  const base = loadConfig({ ...process.env, DATA_DIR: process.env.DATA_DIR ?? '.data/test', NODE_ENV: 'test' });
  const services = await resolveServices(base, (m) => process.stderr.write(`[test services] ${m}\n`));
  globalThis.__LMS_TEST_SERVICES__ = services;
  const template = `lms_test_template_${process.pid}`;
  const client = new pg.Client({ connectionString: services.databaseUrl });
  await client.connect();
  await client.query(`DROP DATABASE IF EXISTS ${template}`);
  await client.query(`CREATE DATABASE ${template}`);
  await client.end();
  process.env.LMS_TEST_DATABASE_URL = services.databaseUrl;
  process.env.LMS_TEST_TEMPLATE = template;
  process.env.LMS_TEST_REDIS_URL = services.redisUrl;
}
