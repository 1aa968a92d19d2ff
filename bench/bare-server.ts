import Fastify from 'fastify';
import pg from 'pg';

/**
 * The status benchmark's baseline: a bare Fastify handler reading the loan by primary key with
 * pg and returning the row as JSON. No auth, no validation, no Nest: the floor of the stack.
 */
async function main(): Promise<void> {
  const pool = new pg.Pool({
    connectionString: process.env.BENCH_DATABASE_URL,
    max: Number(process.env.BENCH_POOL_SIZE ?? 10),
    application_name: 'lms-bench-bare',
  });
  const app = Fastify({ logger: false });
  app.get('/health', async () => ({ ok: true }));
  app.get<{ Params: { id: string } }>('/loans/:id', async (req, reply) => {
    const r = await pool.query(`SELECT * FROM loans WHERE id = $1`, [req.params.id]);
    if (r.rowCount === 0) return reply.code(404).send({ error: 'not found' });
    return r.rows[0] as Record<string, unknown>;
  });
  const close = (): void => {
    void app
      .close()
      .then(() => pool.end())
      .then(() => process.exit(0));
  };
  process.once('SIGTERM', close);
  process.once('SIGINT', close);
  await app.listen({ port: Number(process.env.PORT ?? 3500), host: '127.0.0.1' });
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
