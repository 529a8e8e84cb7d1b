-- Platform foundation: organisation network, accounts and sessions, audit log, files, jobs,
-- scheduler leases, notifications and settings. Runs on PostgreSQL 15 and on PGlite (PG 18).

CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- 三级监管网络: one tree of org units (city government at the root).
CREATE TABLE org_units (
  id uuid PRIMARY KEY,
  parent_id uuid REFERENCES org_units (id),
  kind text NOT NULL CHECK (kind IN ('city', 'office', 'department', 'township', 'street', 'park', 'village', 'station')),
  code text NOT NULL,
  name text NOT NULL,
  short_name text,
  region_code text CHECK (region_code ~ '^[0-9]{6}$'),
  path text NOT NULL,
  depth integer NOT NULL,
  sort_order integer NOT NULL DEFAULT 0,
  contact_person text,
  contact_phone text,
  address text,
  is_active boolean NOT NULL DEFAULT true,
  deactivated_at timestamptz,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT org_units_root_is_city CHECK ((parent_id IS NULL) = (kind = 'city'))
);
CREATE UNIQUE INDEX org_units_code_key ON org_units (lower(code));
CREATE UNIQUE INDEX org_units_single_root ON org_units ((parent_id IS NULL)) WHERE parent_id IS NULL;
CREATE UNIQUE INDEX org_units_sibling_name_key ON org_units (parent_id, name) WHERE is_active;
CREATE INDEX org_units_path_idx ON org_units (path text_pattern_ops);
CREATE INDEX org_units_parent_idx ON org_units (parent_id);

CREATE TABLE users (
  id uuid PRIMARY KEY,
  username text NOT NULL,
  display_name text NOT NULL,
  role text NOT NULL CHECK (role IN ('admin', 'office', 'bureau', 'department', 'township', 'inspector', 'enterprise')),
  flags text[] NOT NULL DEFAULT '{}',
  org_unit_id uuid NOT NULL REFERENCES org_units (id),
  enterprise_id uuid,
  phone text,
  email text,
  password_hash text NOT NULL,
  must_change_password boolean NOT NULL DEFAULT false,
  is_active boolean NOT NULL DEFAULT true,
  last_login_at timestamptz,
  password_changed_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX users_username_key ON users (lower(username));
CREATE INDEX users_org_unit_idx ON users (org_unit_id);

-- Sessions live in the database so that several server processes share them.
CREATE TABLE sessions (
  id text PRIMARY KEY,                 -- sha256 of the cookie token; the token itself is never stored
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  csrf_token text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_seen_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,     -- absolute expiry; idle expiry is last_seen_at + idle timeout
  ip text,
  user_agent text
);
CREATE INDEX sessions_user_idx ON sessions (user_id);
CREATE INDEX sessions_expires_idx ON sessions (expires_at);

CREATE TABLE login_throttle (
  key text PRIMARY KEY,                -- 'user:<lower username>' or 'ip:<address>'
  failures integer NOT NULL,
  window_started_at timestamptz NOT NULL,
  locked_until timestamptz
);

-- Append-only audit log: no API edits it, and these triggers refuse UPDATE, DELETE and TRUNCATE.
CREATE TABLE audit_log (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  at timestamptz NOT NULL DEFAULT now(),
  actor_user_id uuid,
  actor_username text NOT NULL,
  actor_role text,
  action text NOT NULL,
  entity_type text NOT NULL,
  entity_id text,
  org_unit_id uuid,
  summary text,
  before jsonb,
  after jsonb,
  request_id text,
  ip text
);
CREATE INDEX audit_log_entity_idx ON audit_log (entity_type, entity_id, id);
CREATE INDEX audit_log_at_idx ON audit_log (at);
CREATE INDEX audit_log_actor_idx ON audit_log (actor_user_id, id);
CREATE INDEX audit_log_action_idx ON audit_log (action, id);

CREATE FUNCTION audit_log_reject_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only (% refused)', TG_OP USING ERRCODE = '42501';
END
$$;
CREATE TRIGGER audit_log_no_update_delete BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_reject_change();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_reject_change();

-- Uploaded files (photos, evidence, import files) live in the database with the rest.
CREATE TABLE files (
  id uuid PRIMARY KEY,
  purpose text NOT NULL,
  file_name text NOT NULL,
  content_type text NOT NULL,
  size_bytes integer NOT NULL CHECK (size_bytes >= 0),
  sha256 text NOT NULL,
  content bytea NOT NULL,
  org_unit_id uuid REFERENCES org_units (id),
  enterprise_id uuid,
  created_by uuid REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX files_created_by_idx ON files (created_by);

-- Long-running work (imports, recomputations) with progress, run by whichever process claims it.
CREATE TABLE jobs (
  id uuid PRIMARY KEY,
  kind text NOT NULL,
  status text NOT NULL CHECK (status IN ('queued', 'running', 'succeeded', 'failed', 'cancelled')),
  params jsonb NOT NULL DEFAULT '{}',
  progress_done integer NOT NULL DEFAULT 0,
  progress_total integer,
  message text,
  result jsonb,
  error jsonb,
  org_unit_id uuid REFERENCES org_units (id),
  created_by uuid REFERENCES users (id),
  claimed_by text,
  heartbeat_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  started_at timestamptz,
  finished_at timestamptz
);
CREATE INDEX jobs_status_idx ON jobs (status, created_at);
CREATE INDEX jobs_created_by_idx ON jobs (created_by, created_at);

-- Scheduled jobs take a lease so that each runs once even with several server processes.
CREATE TABLE scheduler_leases (
  name text PRIMARY KEY,
  holder text,
  expires_at timestamptz,
  last_run_key text,
  last_run_at timestamptz
);

-- In-app notifications; dedupe_key makes repeated deliveries of the same event idempotent.
CREATE TABLE notifications (
  id uuid PRIMARY KEY,
  user_id uuid NOT NULL REFERENCES users (id),
  kind text NOT NULL,
  title text NOT NULL,
  body text,
  link text,
  entity_type text,
  entity_id text,
  dedupe_key text,
  created_at timestamptz NOT NULL DEFAULT now(),
  read_at timestamptz
);
CREATE UNIQUE INDEX notifications_dedupe_key ON notifications (user_id, dedupe_key) WHERE dedupe_key IS NOT NULL;
CREATE INDEX notifications_user_idx ON notifications (user_id, created_at DESC);

-- Runtime configuration that administrators can change (deadlines, windows, grade thresholds…).
CREATE TABLE settings (
  key text PRIMARY KEY,
  value jsonb NOT NULL,
  version integer NOT NULL DEFAULT 1,
  updated_at timestamptz NOT NULL DEFAULT now(),
  updated_by uuid REFERENCES users (id)
);
