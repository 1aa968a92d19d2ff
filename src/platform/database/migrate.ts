import { writeFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import type { DataSourceOptions } from 'typeorm';

const MIGRATION_LOCK = 0x4d4947; // one migrator at a time across processes

/** Runs pending migrations under an advisory lock, so API replicas can start together. */
export async function runMigrations(options: DataSourceOptions, log: (msg: string) => void): Promise<string[]> {
  const ds = new DataSource(options);
  await ds.initialize();
  try {
    await ds.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    const done = await ds.runMigrations({ transaction: 'each' });
    // One line for the lot: a fresh database runs every migration, and the start-up should stay readable.
    if (done.length > 0) log(`migrated: ${done.map((m) => m.name).join(', ')}`);
    return done.map((m) => m.name);
  } finally {
    await ds.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    await ds.destroy();
  }
}

export async function revertLastMigration(options: DataSourceOptions, log: (msg: string) => void): Promise<void> {
  const ds = new DataSource(options);
  await ds.initialize();
  try {
    await ds.undoLastMigration({ transaction: 'each' });
    log('reverted the last migration');
  } finally {
    await ds.destroy();
  }
}

/**
 * Writes a migration with the SQL that brings the database to the entities, and lists it
 * in migrations/index.ts. Review it before committing: raw-SQL tables (ledger, schedules)
 * are the migrations' own and entities only read them.
 */
export async function generateMigration(options: DataSourceOptions, name: string, projectRoot: string, log: (msg: string) => void): Promise<string | null> {
  const ds = new DataSource(options);
  await ds.initialize();
  try {
    const sql = await ds.driver.createSchemaBuilder().log();
    if (sql.upQueries.length === 0) {
      log('no changes between the entities and the database');
      return null;
    }
    const ts = Date.now();
    const className = `${name.replace(/[^A-Za-z0-9]/g, '')}${ts}`;
    const file = `${ts}-${name.replace(/[^a-z0-9-]/gi, '-').toLowerCase()}`;
    const q = (s: string): string => '`' + s.replace(/`/g, '\\`') + '`';
    const body = `import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ${className} implements MigrationInterface {
  name = '${className}';

  async up(q: QueryRunner): Promise<void> {
${sql.upQueries.map((u) => `    await q.query(${q(u.query)});`).join('\n')}
  }

  async down(q: QueryRunner): Promise<void> {
${sql.downQueries
  .reverse()
  .map((d) => `    await q.query(${q(d.query)});`)
  .join('\n')}
  }
}
`;
    writeFileSync(join(projectRoot, 'migrations', `${file}.ts`), body);
    const indexPath = join(projectRoot, 'migrations', 'index.ts');
    const index = readFileSync(indexPath, 'utf8')
      .replace(/^(import .*\n)(?!import)/m, `$1import { ${className} } from './${file}.js';\n`)
      .replace(/,?\s*\];\s*$/, `,\n  ${className},\n];\n`);
    writeFileSync(indexPath, index);
    log(`wrote migrations/${file}.ts`);
    return file;
  } finally {
    await ds.destroy();
  }
}
