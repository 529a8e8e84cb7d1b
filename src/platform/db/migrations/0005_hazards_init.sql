-- Hazard closed loop (隐患闭环监管, domain.md §2): hazards, their full history, the escalation
-- markers of the overdue ladder and the configuration of deadlines and escalation steps.
-- Runs on PostgreSQL 15 and on PGlite (PG 18). org_units/users come from 0001, enterprises from
-- 0002, equipment_devices (特种设备) from 0004.

-- Hazard numbers 年-区域-序号 (2026-320684-0001): one counter per year and region code.
CREATE TABLE hazard_number_counters (
  year integer NOT NULL,
  area text NOT NULL,
  last_no integer NOT NULL,
  PRIMARY KEY (year, area)
);

CREATE TABLE hazards (
  id uuid PRIMARY KEY,
  hazard_no text NOT NULL,
  version integer NOT NULL DEFAULT 1,
  title text NOT NULL,
  description text NOT NULL,
  source text NOT NULL CHECK (source IN ('self_check', 'supervision', 'inspection_finding', 'patrol', 'public_report', 'complaint',
                                         'referral', 'iot_alarm', 'accident_review')),
  source_ref text,
  status text NOT NULL CHECK (status IN ('draft', 'reported', 'invalid', 'transferred', 'confirmed', 'rectifying',
                                         'pending_verification', 'closed')),
  grade text CHECK (grade IN ('general', 'major')),    -- proposed until confirmed; null = not graded
  major_criterion_ref text,                            -- 判定依据 (GB 45067-2024 clause)
  org_unit_id uuid NOT NULL REFERENCES org_units (id), -- 属地 (territory)
  supervising_org_unit_id uuid REFERENCES org_units (id),
  enterprise_id uuid REFERENCES enterprises (id),      -- 整改责任单位; null = the territory is responsible
  equipment_id uuid REFERENCES equipment_devices (id), -- 涉及的特种设备
  address text,
  lon double precision CHECK (lon BETWEEN -180 AND 180),
  lat double precision CHECK (lat BETWEEN -90 AND 90),
  reported_by uuid NOT NULL REFERENCES users (id),
  deadline date,                                       -- 整改期限; only notice/plan/listing/extension/reopen set it
  is_overdue boolean NOT NULL DEFAULT false,           -- written by actions and the escalation job
  is_listed boolean NOT NULL DEFAULT false,            -- 挂牌督办
  listing jsonb,
  notice jsonb,
  plan jsonb,
  pending_extension jsonb,
  before_photo_ids jsonb NOT NULL DEFAULT '[]',        -- file ids (files.id), 整改前
  after_photo_ids jsonb NOT NULL DEFAULT '[]',         -- file ids, 整改后
  review_due_on date,
  verification_due_on date,
  confirmed_on date,
  closed_on date,
  close_reason text CHECK (close_reason IN ('verified', 'eliminated_by_closure')),
  reopen_count integer NOT NULL DEFAULT 0 CHECK (reopen_count >= 0),
  transferred_to_org_unit_id uuid REFERENCES org_units (id),
  reported_by_name text NOT NULL,                      -- display name of the reporter at the time
  created_on date NOT NULL,                            -- local day of creation (metrics)
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT hazards_location_pair CHECK ((lon IS NULL) = (lat IS NULL)),
  CONSTRAINT hazards_closed_has_reason CHECK ((status = 'closed') = (close_reason IS NOT NULL))
);
CREATE UNIQUE INDEX hazards_hazard_no_key ON hazards (hazard_no);
CREATE INDEX hazards_org_unit_idx ON hazards (org_unit_id);
CREATE INDEX hazards_supervising_idx ON hazards (supervising_org_unit_id) WHERE supervising_org_unit_id IS NOT NULL;
CREATE INDEX hazards_transferred_idx ON hazards (transferred_to_org_unit_id) WHERE transferred_to_org_unit_id IS NOT NULL;
CREATE INDEX hazards_enterprise_idx ON hazards (enterprise_id) WHERE enterprise_id IS NOT NULL;
CREATE INDEX hazards_equipment_idx ON hazards (equipment_id) WHERE equipment_id IS NOT NULL;
CREATE INDEX hazards_reported_by_idx ON hazards (reported_by);
CREATE INDEX hazards_status_idx ON hazards (status, deadline);
CREATE INDEX hazards_created_idx ON hazards (created_at DESC, id);
CREATE INDEX hazards_title_trgm_idx ON hazards USING gin (title gin_trgm_ops);

-- The full history (timeline) of a hazard: one row per create, edit, workflow action and escalation step.
CREATE TABLE hazard_events (
  hazard_id uuid NOT NULL REFERENCES hazards (id),
  seq integer NOT NULL CHECK (seq > 0),
  action text NOT NULL,
  from_status text,
  to_status text NOT NULL,
  actor_id uuid REFERENCES users (id),                 -- null = the system (escalation job) or a demo actor
  actor_name text NOT NULL,
  on_date date NOT NULL,                               -- local day of the event
  at timestamptz NOT NULL DEFAULT now(),
  deadline date,                                       -- the deadline in force after the event
  comment text,
  payload jsonb NOT NULL DEFAULT '{}',
  PRIMARY KEY (hazard_id, seq)
);
CREATE INDEX hazard_events_action_idx ON hazard_events (action, on_date);

-- One row per escalation step fired for a deadline (key 'step@deadline'): the unique key makes a
-- re-run of the job, or a second server process, a no-op.
CREATE TABLE hazard_escalations (
  hazard_id uuid NOT NULL REFERENCES hazards (id),
  escalation_key text NOT NULL,
  step text NOT NULL CHECK (step IN ('reminder', 'overdue', 'urging', 'interview')),
  due_on date NOT NULL,
  fired_on date NOT NULL,
  recipient_count integer NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (hazard_id, escalation_key)
);

-- Configuration of the hazard rules ('rules': deadlines by grade, review/verification periods;
-- 'escalation': the ladder). Absent keys mean the defaults in hazard-config.ts / escalation-rules.ts.
CREATE TABLE hazard_settings (
  key text PRIMARY KEY CHECK (key IN ('rules', 'escalation')),
  value jsonb NOT NULL,
  version integer NOT NULL DEFAULT 1,
  updated_at timestamptz NOT NULL DEFAULT now(),
  updated_by uuid REFERENCES users (id)
);

