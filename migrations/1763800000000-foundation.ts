import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Foundation: users and roles, the hash-chained audit trail, idempotency keys. */
export class Foundation1763800000000 implements MigrationInterface {
  name = 'Foundation1763800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE roles (
        code text PRIMARY KEY,
        name_vi text NOT NULL,
        name_en text NOT NULL
      )`);
    await q.query(`
      INSERT INTO roles (code, name_vi, name_en) VALUES
        ('ADMIN', 'Quản trị hệ thống', 'Administrator'),
        ('OFFICER', 'Cán bộ tín dụng', 'Credit officer'),
        ('APPROVER', 'Lãnh đạo quỹ / Hội đồng', 'Approver'),
        ('AUDITOR', 'Kiểm toán, kiểm soát viên', 'Auditor'),
        ('COOPERATIVE', 'Người dùng hợp tác xã', 'Cooperative user')`);
    await q.query(`
      CREATE TABLE users (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        username text NOT NULL,
        display_name text NOT NULL,
        password_hash text NOT NULL,
        borrower_id bigint,
        disabled_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT users_username_key UNIQUE (username),
        CONSTRAINT users_username_format CHECK (username ~ '^[a-z0-9._-]{3,64}$')
      )`);
    await q.query(`
      CREATE TABLE user_roles (
        user_id bigint NOT NULL REFERENCES users(id),
        role_code text NOT NULL REFERENCES roles(code),
        PRIMARY KEY (user_id, role_code)
      )`);
    // Audit: append-only and hash-chained. Several chains (chain_id) so that concurrent
    // transactions on different records do not queue behind one tip; each chain is
    // serialised by an advisory lock and verified independently.
    await q.query(`
      CREATE TABLE audit_events (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        chain_id smallint NOT NULL,
        occurred_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        actor_id bigint,
        actor_username text NOT NULL,
        action text NOT NULL,
        entity_type text NOT NULL,
        entity_id text NOT NULL,
        before jsonb,
        after jsonb,
        request_id text,
        prev_hash text NOT NULL,
        hash text NOT NULL
      )`);
    // One definition of an event's hash, used when writing and when verifying. Text forms
    // are fixed (UTC timestamp, jsonb's canonical text) so the hash never depends on
    // session settings.
    await q.query(`
      CREATE FUNCTION audit_event_hash(
        p_chain_id smallint, p_prev_hash text, p_occurred_at timestamptz, p_actor_id bigint,
        p_actor_username text, p_action text, p_entity_type text, p_entity_id text,
        p_before jsonb, p_after jsonb, p_request_id text
      ) RETURNS text LANGUAGE sql IMMUTABLE AS $$
        SELECT encode(sha256(convert_to(concat_ws(chr(31),
          p_chain_id::text, p_prev_hash,
          to_char(p_occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US'),
          coalesce(p_actor_id::text, ''), p_actor_username, p_action, p_entity_type, p_entity_id,
          coalesce(p_before::text, 'null'), coalesce(p_after::text, 'null'), coalesce(p_request_id, '')
        ), 'UTF8')), 'hex')
      $$`);
    await q.query(`CREATE INDEX audit_events_chain_idx ON audit_events (chain_id, id)`);
    await q.query(`CREATE INDEX audit_events_entity_idx ON audit_events (entity_type, entity_id, id)`);
    await q.query(`CREATE INDEX audit_events_actor_idx ON audit_events (actor_id, id)`);
    // The audit trail refuses UPDATE and DELETE from the application; tampering needs a
    // superuser to drop the trigger, and the hash chain then still reveals it.
    await q.query(`
      CREATE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_events is append-only';
      END $$`);
    await q.query(`
      CREATE TRIGGER audit_events_no_update_delete BEFORE UPDATE OR DELETE ON audit_events
      FOR EACH ROW EXECUTE FUNCTION audit_events_append_only()`);
    await q.query(`
      CREATE TABLE idempotency_keys (
        user_id bigint NOT NULL,
        route text NOT NULL,
        key text NOT NULL,
        request_hash text NOT NULL,
        status text NOT NULL CHECK (status IN ('IN_FLIGHT', 'COMPLETED')),
        response_status integer,
        response_body jsonb,
        created_at timestamptz NOT NULL DEFAULT now(),
        locked_at timestamptz NOT NULL DEFAULT now(),
        completed_at timestamptz,
        PRIMARY KEY (user_id, route, key)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE idempotency_keys`);
    await q.query(`DROP TABLE audit_events`);
    await q.query(`DROP FUNCTION audit_events_append_only()`);
    await q.query(`DROP FUNCTION audit_event_hash(smallint, text, timestamptz, bigint, text, text, text, text, jsonb, jsonb, text)`);
    await q.query(`DROP TABLE user_roles`);
    await q.query(`DROP TABLE users`);
    await q.query(`DROP TABLE roles`);
  }
}
