import pg from 'pg';

export default async function globalTeardown() {
  const url = process.env.LMS_TEST_DATABASE_URL;
  const template = process.env.LMS_TEST_TEMPLATE;
  if (url && template) {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query(`DROP DATABASE IF EXISTS ${template} WITH (FORCE)`);
    await client.end();
  }
  await globalThis.__LMS_TEST_SERVICES__?.stop();
}
