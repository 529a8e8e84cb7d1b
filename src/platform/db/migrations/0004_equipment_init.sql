-- Special-equipment registry (特种设备): devices, inspection obligations and records, elevator
-- maintenance, operator certificates, the device event history, administrator overrides of the
-- inspection-period rules, and the administrator overrides of the working-day calendar.
-- Runs on PostgreSQL 15 and on PGlite (PG 18). pg_trgm is created by 0001.
--
-- Design notes
-- * The next due date of a device is computed by the rules (src/domains/equipment-safety/equipment)
--   when something changes (inspection recorded, registration action, device edited, rule override)
--   and stored: once per obligation in equipment_obligations and, as the earliest open one, on the
--   device (next_due_on …). Lists, maps and counts never evaluate rules per row: the due status
--   (正常/临期/超期未检) is a comparison of next_due_on with today and the warning window.
-- * next_due_on is NULL for devices without an obligation (告知, 停用, 报废, 注销: 豁免), so the
--   due filters need no status predicate.
-- * The device timeline is equipment_events (registry changes) merged at read time with the
--   inspection and maintenance records; nothing is stored twice.
-- * Counts per township come from equipment_device_counts (kept by triggers, re-derived on restore)
--   and a range scan of the devices due within the warning window.

-- 工作日历: administrator entries over the State Council arrangement shipped in chinese-days.
CREATE TABLE calendar_overrides (
  date date PRIMARY KEY,
  kind text NOT NULL CHECK (kind IN ('holiday', 'workday')),
  name text NOT NULL,
  created_by uuid REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE equipment_devices (
  id uuid PRIMARY KEY,
  equipment_code text,                                 -- 设备代码 (opaque, lifetime)
  registration_code text,                              -- 注册代码 (legacy)
  use_registration_cert_no text,                       -- 使用登记证编号
  cert_issue_date date,
  category_code text NOT NULL,                         -- 种类 (catalogue level 1, e.g. 3000)
  kind_code text,                                      -- 类别 (e.g. 3100)
  variety_code text,                                   -- 品种 (e.g. 3110)
  product_name text NOT NULL,
  model text,
  factory_no text,
  internal_no text,
  design_life_years integer CHECK (design_life_years BETWEEN 1 AND 100),
  manufacturer_name text,
  manufacturer_licence_no text,
  manufacture_date date,
  installer_name text,
  install_date date,
  commissioning_date date,                             -- 投用日期
  install_supervision_date date,                       -- 安装(改造)监督检验合格日期: elevator base month
  schedule_rebased_on date,                            -- elevator: inspection before restart after a stop ≥ 1 year
  use_unit_id uuid NOT NULL REFERENCES enterprises (id),
  property_unit_id uuid REFERENCES enterprises (id),
  maintenance_unit_id uuid REFERENCES enterprises (id),
  inspection_body_id uuid REFERENCES enterprises (id),
  territory_org_unit_id uuid NOT NULL REFERENCES org_units (id),
  supervising_org_unit_id uuid REFERENCES org_units (id),
  region_code text CHECK (region_code ~ '^[0-9]{6}([0-9]{3}([0-9]{3})?)?$'),
  use_address text NOT NULL,
  lon double precision CHECK (lon BETWEEN -180 AND 180),
  lat double precision CHECK (lat BETWEEN -90 AND 90),
  site_type text,
  is_public_service boolean NOT NULL DEFAULT false,
  safety_grade smallint CHECK (safety_grade BETWEEN 1 AND 5),
  params jsonb NOT NULL DEFAULT '{}',
  flags text[] NOT NULL DEFAULT '{}',
  insurance jsonb,
  status text NOT NULL CHECK (status IN ('notified', 'unregistered', 'in_use', 'stopped', 'scrapped', 'deregistered')),
  status_changed_on date,
  registered_on date,
  stopped_on date,
  scrapped_on date,
  deregistered_on date,
  is_late_registration boolean NOT NULL DEFAULT false,  -- registered > 30 days after commissioning
  -- Derived by the service from the rules (see the design notes above).
  next_due_on date,
  next_due_month text,
  next_due_track text,
  next_obligation text,
  next_due_rule_id text,
  must_stop boolean NOT NULL DEFAULT false,            -- 不合格 / 不得使用: must not be used until re-inspected
  has_rule_gap boolean NOT NULL DEFAULT false,         -- obligated but no inspection rule covers it
  last_inspected_on date,
  last_conclusion text,
  last_maintained_on date,
  search_text text NOT NULL DEFAULT '',                 -- codes, name and address in lower case (trigram search), kept by trigger
  source text NOT NULL DEFAULT 'manual' CHECK (source IN ('manual', 'import', 'seed')),
  created_by uuid REFERENCES users (id),
  updated_by uuid REFERENCES users (id),
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT equipment_devices_location_pair CHECK ((lon IS NULL) = (lat IS NULL))
);
CREATE UNIQUE INDEX equipment_devices_code_key ON equipment_devices (equipment_code);
CREATE INDEX equipment_devices_cert_no_idx ON equipment_devices (use_registration_cert_no) WHERE use_registration_cert_no IS NOT NULL;
-- List of a territory sorted by due date (one ordered index scan per org unit of the scope), and
-- the same with a category filter. The INCLUDE columns let a page's ids (and the per-township due
-- counts) come from index-only scans; the page's rows are then fetched by id.
CREATE INDEX equipment_devices_territory_due_idx ON equipment_devices (territory_org_unit_id, next_due_on, id) INCLUDE (category_code, status, must_stop);
CREATE INDEX equipment_devices_territory_category_due_idx ON equipment_devices (territory_org_unit_id, category_code, next_due_on, id)
  INCLUDE (status, must_stop);
-- City-wide lists (roles that see everything) sorted by due date, with or without a category.
CREATE INDEX equipment_devices_due_idx ON equipment_devices (next_due_on, id) INCLUDE (territory_org_unit_id, category_code, status, must_stop);
CREATE INDEX equipment_devices_category_due_idx ON equipment_devices (category_code, next_due_on, id) INCLUDE (status, must_stop);
-- Enterprise users (use unit or maintenance unit) and departments (supervising unit).
CREATE INDEX equipment_devices_use_unit_idx ON equipment_devices (use_unit_id, next_due_on);
CREATE INDEX equipment_devices_maintenance_unit_idx ON equipment_devices (maintenance_unit_id) WHERE maintenance_unit_id IS NOT NULL;
CREATE INDEX equipment_devices_supervising_idx ON equipment_devices (supervising_org_unit_id, next_due_on) WHERE supervising_org_unit_id IS NOT NULL;
-- Devices that are not in use (status filters are selective there).
CREATE INDEX equipment_devices_status_idx ON equipment_devices (territory_org_unit_id, status) WHERE status <> 'in_use';
CREATE INDEX equipment_devices_search_trgm_idx ON equipment_devices USING gin (search_text gin_trgm_ops);

CREATE FUNCTION equipment_devices_fill_search_text() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.search_text := lower(coalesce(NEW.equipment_code, '') || ' ' || coalesce(NEW.use_registration_cert_no, '') || ' ' || coalesce(NEW.registration_code, '')
    || ' ' || NEW.product_name || ' ' || coalesce(NEW.factory_no, '') || ' ' || coalesce(NEW.internal_no, '') || ' ' || NEW.use_address);
  RETURN NEW;
END
$$;
CREATE TRIGGER equipment_devices_search_text
  BEFORE INSERT OR UPDATE OF equipment_code, use_registration_cert_no, registration_code, product_name, factory_no, internal_no, use_address
  ON equipment_devices FOR EACH ROW EXECUTE FUNCTION equipment_devices_fill_search_text();

-- Device counts per (territory, category, status), kept by statement-level triggers on
-- equipment_devices, so that the per-township summary reads a few hundred rows plus a range scan of
-- the devices due within the warning window instead of every device. Only those triggers write
-- here: a plain INSERT (a restore from backup) is ignored, and restoring the devices re-derives it.
CREATE TABLE equipment_device_counts (
  territory_org_unit_id uuid NOT NULL,
  category_code text NOT NULL,
  status text NOT NULL,
  devices integer NOT NULL,
  with_due integer NOT NULL,                           -- devices with an open obligation (next_due_on set)
  must_stop integer NOT NULL,
  PRIMARY KEY (territory_org_unit_id, category_code, status)
);

CREATE FUNCTION equipment_device_counts_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF pg_trigger_depth() < 2 THEN
    RETURN NULL;
  END IF;
  RETURN NEW;
END
$$;
CREATE TRIGGER equipment_device_counts_only_derived BEFORE INSERT ON equipment_device_counts
  FOR EACH ROW EXECUTE FUNCTION equipment_device_counts_guard();

CREATE FUNCTION equipment_device_counts_apply() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO equipment_device_counts AS c (territory_org_unit_id, category_code, status, devices, with_due, must_stop)
      SELECT territory_org_unit_id, category_code, status, count(*), count(next_due_on), count(*) FILTER (WHERE must_stop)
      FROM new_rows GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
      ON CONFLICT (territory_org_unit_id, category_code, status) DO UPDATE
        SET devices = c.devices + EXCLUDED.devices, with_due = c.with_due + EXCLUDED.with_due, must_stop = c.must_stop + EXCLUDED.must_stop;
  ELSIF TG_OP = 'UPDATE' THEN
    INSERT INTO equipment_device_counts AS c (territory_org_unit_id, category_code, status, devices, with_due, must_stop)
      SELECT t, k, s, sum(n), sum(d), sum(m) FROM (
        SELECT territory_org_unit_id AS t, category_code AS k, status AS s, 1 AS n, (next_due_on IS NOT NULL)::int AS d, must_stop::int AS m FROM new_rows
        UNION ALL
        SELECT territory_org_unit_id, category_code, status, -1, -((next_due_on IS NOT NULL)::int), -(must_stop::int) FROM old_rows
      ) x
      GROUP BY 1, 2, 3 HAVING sum(n) <> 0 OR sum(d) <> 0 OR sum(m) <> 0 ORDER BY 1, 2, 3
      ON CONFLICT (territory_org_unit_id, category_code, status) DO UPDATE
        SET devices = c.devices + EXCLUDED.devices, with_due = c.with_due + EXCLUDED.with_due, must_stop = c.must_stop + EXCLUDED.must_stop;
  ELSE
    INSERT INTO equipment_device_counts AS c (territory_org_unit_id, category_code, status, devices, with_due, must_stop)
      SELECT territory_org_unit_id, category_code, status, -count(*), -count(next_due_on), -(count(*) FILTER (WHERE must_stop))
      FROM old_rows GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
      ON CONFLICT (territory_org_unit_id, category_code, status) DO UPDATE
        SET devices = c.devices + EXCLUDED.devices, with_due = c.with_due + EXCLUDED.with_due, must_stop = c.must_stop + EXCLUDED.must_stop;
  END IF;
  RETURN NULL;
END
$$;
CREATE TRIGGER equipment_devices_counts_insert AFTER INSERT ON equipment_devices
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION equipment_device_counts_apply();
CREATE TRIGGER equipment_devices_counts_update AFTER UPDATE ON equipment_devices
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION equipment_device_counts_apply();
CREATE TRIGGER equipment_devices_counts_delete AFTER DELETE ON equipment_devices
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION equipment_device_counts_apply();

-- One row per obligation (定期检验/自行检测/年度检查/外部检验/内部检验/耐压试验/复检); the open one
-- per track is the current due date, closed ones are the history the inspection rate is computed from.
CREATE TABLE equipment_obligations (
  id uuid PRIMARY KEY,
  device_id uuid NOT NULL REFERENCES equipment_devices (id),
  track text NOT NULL CHECK (track IN ('periodic', 'external', 'internal', 'annual_check', 'pressure_test')),
  obligation text NOT NULL CHECK (obligation IN ('periodic_inspection', 'self_test', 'reinspection', 'first_inspection')),
  due_on date NOT NULL,                                -- first day without a valid inspection
  due_month text,
  rule_id text NOT NULL,
  rule_confidence text NOT NULL,
  must_stop boolean NOT NULL DEFAULT false,
  explanation text NOT NULL,
  based_on_inspection_id uuid,                         -- the inspection the due date runs from (NULL: base date)
  based_on_date date,                                  -- that inspection's date (or the base date)
  state text NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'satisfied', 'void')),
  closed_on date,                                      -- satisfied: inspection date; void: the day it lapsed
  satisfied_by_inspection_id uuid,
  void_reason text,
  reminded_due_soon_at timestamptz,
  reminded_overdue_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX equipment_obligations_open_key ON equipment_obligations (device_id, track) WHERE state = 'open';
CREATE INDEX equipment_obligations_due_idx ON equipment_obligations (due_on);
CREATE INDEX equipment_obligations_open_due_idx ON equipment_obligations (due_on) WHERE state = 'open';

CREATE TABLE equipment_inspections (
  id uuid PRIMARY KEY,
  device_id uuid NOT NULL REFERENCES equipment_devices (id),
  kind text NOT NULL,
  track text NOT NULL,
  org_name text NOT NULL,
  org_id uuid REFERENCES enterprises (id),
  report_no text NOT NULL,
  inspectors text[] NOT NULL DEFAULT '{}',
  booked_on date,
  started_on date,
  inspected_on date NOT NULL,
  conclusion text NOT NULL CHECK (conclusion IN ('pass', 'pass_after_reinspection', 'basic_pass', 'monitored_use', 'fail', 'no_use')),
  result text NOT NULL CHECK (result IN ('pass', 'basic_pass', 'fail')),
  safety_grade smallint CHECK (safety_grade BETWEEN 1 AND 5),
  period_months integer,
  report_next_due_on date,                             -- as printed on the report
  computed_next_due_on date,                           -- as the rules computed it when recorded
  issues jsonb NOT NULL DEFAULT '[]',
  retest_on date,
  overdue_reason text,
  source text NOT NULL DEFAULT 'manual' CHECK (source IN ('manual', 'import', 'seed')),
  import_batch_id uuid REFERENCES import_batches (id),
  created_by uuid REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1
);
CREATE UNIQUE INDEX equipment_inspections_report_key ON equipment_inspections (device_id, report_no);
CREATE INDEX equipment_inspections_device_idx ON equipment_inspections (device_id, track, inspected_on DESC);
CREATE INDEX equipment_inspections_date_idx ON equipment_inspections (inspected_on DESC, id);

CREATE TABLE equipment_maintenance (
  id uuid PRIMARY KEY,
  device_id uuid NOT NULL REFERENCES equipment_devices (id),
  maintained_on date NOT NULL,
  kind text NOT NULL CHECK (kind IN ('half_monthly', 'monthly', 'quarterly', 'semiannual', 'annual', 'repair', 'emergency')),
  maintenance_unit_id uuid REFERENCES enterprises (id),
  workers jsonb NOT NULL DEFAULT '[]',
  notes text,
  is_confirmed_by_using_unit boolean NOT NULL DEFAULT false,
  source text NOT NULL DEFAULT 'manual' CHECK (source IN ('manual', 'import', 'seed')),
  created_by uuid REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX equipment_maintenance_device_idx ON equipment_maintenance (device_id, maintained_on);
CREATE INDEX equipment_maintenance_date_idx ON equipment_maintenance (maintained_on DESC, id);

-- 特种设备作业人员证 of the operators assigned to a device.
CREATE TABLE equipment_operator_certificates (
  id uuid PRIMARY KEY,
  device_id uuid NOT NULL REFERENCES equipment_devices (id),
  person_name text NOT NULL,
  id_number text,
  certificate_no text NOT NULL,
  work_item_code text NOT NULL,
  work_item_name text,
  issued_on date NOT NULL,
  expires_on date NOT NULL,                            -- last valid day
  issuing_authority text,
  employer_enterprise_id uuid REFERENCES enterprises (id),
  is_active boolean NOT NULL DEFAULT true,
  created_by uuid REFERENCES users (id),
  updated_by uuid REFERENCES users (id),
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT equipment_certificates_dates CHECK (expires_on > issued_on)
);
CREATE UNIQUE INDEX equipment_certificates_key ON equipment_operator_certificates (device_id, certificate_no);
CREATE INDEX equipment_certificates_expiry_idx ON equipment_operator_certificates (expires_on) WHERE is_active;

-- Registry history of a device (create, registration actions, edits, certificates, linked events
-- of other modules). Immutable: no API edits it.
CREATE TABLE equipment_events (
  id uuid PRIMARY KEY,
  device_id uuid NOT NULL REFERENCES equipment_devices (id),
  occurred_on date NOT NULL,
  at timestamptz NOT NULL DEFAULT now(),
  kind text NOT NULL,
  action text NOT NULL,
  from_status text,
  to_status text,
  summary text NOT NULL,
  details jsonb,
  actor_user_id uuid,
  actor_name text NOT NULL
);
CREATE INDEX equipment_events_device_idx ON equipment_events (device_id, occurred_on, at);

-- Administrator versions of the shipped inspection-period rules (rule_id = a shipped rule's id),
-- and of the rule-set settings (rule_id = 'settings'). A version applies from valid_from until the
-- next version of the same rule.
CREATE TABLE equipment_rule_overrides (
  id uuid PRIMARY KEY,
  rule_id text NOT NULL,
  valid_from date NOT NULL,
  params jsonb NOT NULL,
  confidence text CHECK (confidence IN ('P', 'S', 'D', '?')),
  source text,
  reason text NOT NULL,
  created_by uuid REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX equipment_rule_overrides_key ON equipment_rule_overrides (rule_id, valid_from);
