-- Enterprise registry (market entities) and the generic import journal (batches, per-row
-- before-images, error rows) that every module's Excel/CSV import uses.
-- Runs on PostgreSQL 15 and on PGlite (PG 18). pg_trgm is created by 0001.

-- One import = one batch. The uploaded file is kept in `source` until the batch has been processed.
CREATE TABLE import_batches (
  id uuid PRIMARY KEY,
  kind text NOT NULL,                                  -- 'enterprises', later 'equipment-inspections', …
  mode text NOT NULL CHECK (mode IN ('all_or_nothing', 'valid_only')),
  dry_run boolean NOT NULL DEFAULT false,
  status text NOT NULL CHECK (status IN ('queued', 'running', 'succeeded', 'rejected', 'validated', 'failed', 'undone')),
  file_name text NOT NULL,
  file_size integer NOT NULL CHECK (file_size >= 0),
  file_sha256 text NOT NULL,
  file_format text NOT NULL CHECK (file_format IN ('xlsx', 'csv')),
  source bytea,
  headers jsonb NOT NULL DEFAULT '[]',                 -- header texts of the file, in column order
  column_map jsonb,                                    -- {mapped: {header: key}, ignored: [header]}
  job_id uuid REFERENCES jobs (id),
  total_rows integer NOT NULL DEFAULT 0,
  inserted_count integer NOT NULL DEFAULT 0,
  updated_count integer NOT NULL DEFAULT 0,
  unchanged_count integer NOT NULL DEFAULT 0,
  failed_count integer NOT NULL DEFAULT 0,
  error jsonb,                                         -- file-level error {code, message, details}
  org_unit_id uuid REFERENCES org_units (id),
  created_by uuid REFERENCES users (id),
  created_by_name text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  started_at timestamptz,
  finished_at timestamptz,
  undone_at timestamptz,
  undone_by uuid REFERENCES users (id),
  version integer NOT NULL DEFAULT 1
);
-- Uploaded xlsx is already compressed: store it out of line without trying to compress it again.
ALTER TABLE import_batches ALTER COLUMN source SET STORAGE EXTERNAL;
CREATE INDEX import_batches_created_idx ON import_batches (created_at DESC);
CREATE INDEX import_batches_kind_idx ON import_batches (kind, created_at DESC);
CREATE INDEX import_batches_org_idx ON import_batches (org_unit_id);

-- What a committed batch did to each record: undo deletes inserted rows and restores the
-- before-image of updated ones, unless the record changed since (version differs from after_version).
CREATE TABLE import_batch_rows (
  batch_id uuid NOT NULL,                              -- import_batches.id (no FK: written in bulk, batches are never deleted)
  row_no integer NOT NULL,                             -- row number in the sheet (header = 1)
  entity_id uuid NOT NULL,
  action text NOT NULL CHECK (action IN ('insert', 'update')),
  before jsonb,                                        -- full record before an update
  changes jsonb,                                       -- fields changed by an update {field: [old, new]}
  after_version integer NOT NULL,
  PRIMARY KEY (batch_id, row_no)
);
CREATE INDEX import_batch_rows_entity_idx ON import_batch_rows (entity_id);

-- Rows that failed validation, with the original cell texts (for the downloadable error report).
CREATE TABLE import_batch_errors (
  batch_id uuid NOT NULL,                              -- import_batches.id (no FK, as above)
  row_no integer NOT NULL,
  cells jsonb NOT NULL,                                -- original cell texts in header order
  messages jsonb NOT NULL,                             -- ["统一社会信用代码：…", …]
  PRIMARY KEY (batch_id, row_no)
);

CREATE TABLE enterprises (
  id uuid PRIMARY KEY,
  credit_code text NOT NULL CHECK (credit_code ~ '^[0-9A-HJ-NPQRTUWXY]{18}$'),
  name text NOT NULL,
  former_names text[] NOT NULL DEFAULT '{}',
  former_names_text text NOT NULL DEFAULT '',          -- former names joined by newlines (trigram search), written with former_names
  legal_representative text,
  registered_address text,
  territory_org_unit_id uuid NOT NULL REFERENCES org_units (id),
  industry_code text CHECK (industry_code ~ '^([A-T]|[0-9]{2,4})$'),
  registered_capital numeric(16, 2) CHECK (registered_capital >= 0),
  registered_capital_currency text NOT NULL DEFAULT 'CNY' CHECK (registered_capital_currency ~ '^[A-Z]{3}$'),
  established_on date,
  scale_class text CHECK (scale_class IN ('large', 'medium', 'small', 'micro')),
  above_designated_size boolean NOT NULL DEFAULT false,
  high_tech_cert_no text,
  high_tech_issued_on date,
  high_tech_valid_until date,
  contacts jsonb NOT NULL DEFAULT '[]',
  status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'cancelled', 'revoked', 'moved_out')),
  status_changed_on date,                              -- local day of the last status change (metrics "as of" a day)
  tags text[] NOT NULL DEFAULT '{}',
  -- Provenance. No foreign keys here on purpose: batches and users are never deleted, and a
  -- referential check per row would double the cost of a 100,000-row import on PGlite.
  source text NOT NULL DEFAULT 'manual' CHECK (source IN ('manual', 'import', 'seed')),
  created_import_batch_id uuid,
  last_import_batch_id uuid,
  created_by uuid,
  updated_by uuid,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT enterprises_high_tech_complete CHECK (
    (high_tech_cert_no IS NULL AND high_tech_issued_on IS NULL AND high_tech_valid_until IS NULL)
    OR (high_tech_cert_no IS NOT NULL AND high_tech_issued_on IS NOT NULL AND high_tech_valid_until >= high_tech_issued_on)
  )
);
CREATE UNIQUE INDEX enterprises_credit_code_key ON enterprises (credit_code);
CREATE INDEX enterprises_territory_idx ON enterprises (territory_org_unit_id);
CREATE INDEX enterprises_industry_idx ON enterprises (industry_code text_pattern_ops);
CREATE INDEX enterprises_name_idx ON enterprises (name, id);
-- Fuzzy Chinese search: "某某机械" finds "海门某某机械有限公司" (ILIKE '%…%' served by the trigram indexes).
CREATE INDEX enterprises_name_trgm_idx ON enterprises USING gin (name gin_trgm_ops);
CREATE INDEX enterprises_former_names_trgm_idx ON enterprises USING gin (former_names_text gin_trgm_ops);

-- Enterprise users belong to one enterprise.
ALTER TABLE users ADD CONSTRAINT users_enterprise_fk FOREIGN KEY (enterprise_id) REFERENCES enterprises (id);
CREATE INDEX users_enterprise_idx ON users (enterprise_id) WHERE enterprise_id IS NOT NULL;
