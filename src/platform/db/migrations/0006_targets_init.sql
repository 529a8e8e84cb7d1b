-- Target responsibility and annual assessment (目标考核、督察推进): annual plans with versions and a
-- change log once published, indicators, assessed units and their assignments, reporting periods,
-- progress reports, stored metric values with provenance, self-evaluations and reviews, unit
-- scores, publicity and objections, publications, reminders and urging notices.
-- Decimal amounts (targets, weights, scores) are exact decimal strings (≤ 4 fractional digits) so
-- the scoring rules stay exact; PostgreSQL 15 and PGlite (PG 18).

-- One row per plan version of a year; at most one published version per year.
CREATE TABLE targets_plans (
  id uuid PRIMARY KEY,
  year integer NOT NULL CHECK (year BETWEEN 2000 AND 2100),
  plan_version integer NOT NULL CHECK (plan_version >= 1),
  title text NOT NULL,
  status text NOT NULL CHECK (status IN ('draft', 'published', 'closed')),
  -- caps, grades, ranking, reporting, pace, publicityDays (validated by plan-schema.ts)
  config jsonb NOT NULL,
  -- number of changes logged since publication (targets_plan_changes)
  revision integer NOT NULL DEFAULT 0,
  -- year-end assessment stage
  stage text NOT NULL DEFAULT 'in_progress' CHECK (stage IN ('in_progress', 'scored', 'publicity', 'final')),
  scored_at timestamptz,
  publicity_starts_on date,
  publicity_ends_on date,
  final_published_at timestamptz,
  copied_from_plan_id uuid REFERENCES targets_plans (id) ON DELETE SET NULL,
  published_at timestamptz,
  published_by uuid REFERENCES users (id),
  closed_at timestamptz,
  closed_by uuid REFERENCES users (id),
  created_by uuid REFERENCES users (id),
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX targets_plans_year_version_key ON targets_plans (year, plan_version);
CREATE UNIQUE INDEX targets_plans_one_published_key ON targets_plans (year) WHERE status = 'published';

-- Every change of a published plan (config, indicator, assignment, period, unit) with its reason.
CREATE TABLE targets_plan_changes (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  plan_id uuid NOT NULL REFERENCES targets_plans (id) ON DELETE CASCADE,
  revision integer NOT NULL,
  at timestamptz NOT NULL DEFAULT now(),
  actor_user_id uuid,
  actor_name text NOT NULL,
  entity_type text NOT NULL CHECK (entity_type IN ('plan', 'indicator', 'assignment', 'period', 'unit')),
  entity_id uuid,
  action text NOT NULL CHECK (action IN ('create', 'update', 'delete')),
  summary text NOT NULL,
  before jsonb,
  after jsonb,
  reason text NOT NULL
);
CREATE INDEX targets_plan_changes_plan_idx ON targets_plan_changes (plan_id, id);

-- Indicator library of a plan. `definition` is the full IndicatorDefinition (indicator-schema.ts);
-- the other columns repeat what lists filter and sort on.
CREATE TABLE targets_indicators (
  id uuid PRIMARY KEY,
  plan_id uuid NOT NULL REFERENCES targets_plans (id) ON DELETE CASCADE,
  code text NOT NULL,
  name text NOT NULL,
  type text NOT NULL CHECK (type IN ('count_range', 'count_target', 'rate_threshold', 'base_slope', 'task', 'checklist', 'rank', 'deduction', 'bonus', 'veto')),
  category text,
  lead_org_unit_id uuid NOT NULL REFERENCES org_units (id),
  source_kind text NOT NULL CHECK (source_kind IN ('reported', 'metric')),
  metric_key text,
  weight text CHECK (weight ~ '^\d{1,12}(\.\d{1,4})?$'),
  definition jsonb NOT NULL,
  sort_order integer NOT NULL DEFAULT 0,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT targets_indicators_metric_key CHECK ((source_kind = 'metric') = (metric_key IS NOT NULL))
);
CREATE UNIQUE INDEX targets_indicators_code_key ON targets_indicators (plan_id, code);
CREATE INDEX targets_indicators_lead_idx ON targets_indicators (lead_org_unit_id);
CREATE INDEX targets_indicators_metric_idx ON targets_indicators (metric_key) WHERE metric_key IS NOT NULL;

-- Assessed units of a plan (departments, townships/streets, parks) with their peer group.
CREATE TABLE targets_plan_units (
  id uuid PRIMARY KEY,
  plan_id uuid NOT NULL REFERENCES targets_plans (id) ON DELETE CASCADE,
  org_unit_id uuid NOT NULL REFERENCES org_units (id),
  peer_group text NOT NULL CHECK (peer_group IN ('departments', 'townships', 'parks')),
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX targets_plan_units_key ON targets_plan_units (plan_id, org_unit_id);
CREATE INDEX targets_plan_units_org_idx ON targets_plan_units (org_unit_id);

-- Decomposition (目标分解): one indicator for one unit, with optional overrides of the plan's values.
CREATE TABLE targets_assignments (
  id uuid PRIMARY KEY,
  plan_id uuid NOT NULL REFERENCES targets_plans (id) ON DELETE CASCADE,
  indicator_id uuid NOT NULL REFERENCES targets_indicators (id) ON DELETE CASCADE,
  plan_unit_id uuid NOT NULL REFERENCES targets_plan_units (id) ON DELETE CASCADE,
  org_unit_id uuid NOT NULL REFERENCES org_units (id),
  weight text CHECK (weight ~ '^\d{1,12}(\.\d{1,4})?$'),
  lower_target text CHECK (lower_target ~ '^\d{1,12}(\.\d{1,4})?$'),
  upper_target text CHECK (upper_target ~ '^\d{1,12}(\.\d{1,4})?$'),
  target text CHECK (target ~ '^-?\d{1,12}(\.\d{1,4})?$'),
  -- 考核牵头部门 for this unit's item when it differs from the indicator's
  lead_org_unit_id uuid REFERENCES org_units (id),
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX targets_assignments_key ON targets_assignments (indicator_id, org_unit_id);
CREATE INDEX targets_assignments_plan_org_idx ON targets_assignments (plan_id, org_unit_id);
CREATE INDEX targets_assignments_unit_idx ON targets_assignments (plan_unit_id);
CREATE INDEX targets_assignments_lead_idx ON targets_assignments (lead_org_unit_id) WHERE lead_org_unit_id IS NOT NULL;

-- Reporting periods (monthly or quarterly) with their deadlines.
CREATE TABLE targets_periods (
  id uuid PRIMARY KEY,
  plan_id uuid NOT NULL REFERENCES targets_plans (id) ON DELETE CASCADE,
  period_key text NOT NULL CHECK (period_key ~ '^\d{4}-(M(0[1-9]|1[0-2])|Q[1-4])$'),
  label text NOT NULL,
  starts_on date NOT NULL,
  ends_on date NOT NULL,
  deadline date NOT NULL,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT targets_periods_dates CHECK (starts_on <= ends_on AND ends_on <= deadline)
);
CREATE UNIQUE INDEX targets_periods_key ON targets_periods (plan_id, period_key);

-- A unit's periodic progress report: the cumulative value to date of one item, with evidence.
CREATE TABLE targets_progress_reports (
  id uuid PRIMARY KEY,
  plan_id uuid NOT NULL REFERENCES targets_plans (id) ON DELETE CASCADE,
  period_id uuid NOT NULL REFERENCES targets_periods (id) ON DELETE CASCADE,
  assignment_id uuid NOT NULL REFERENCES targets_assignments (id) ON DELETE CASCADE,
  indicator_id uuid NOT NULL REFERENCES targets_indicators (id) ON DELETE CASCADE,
  org_unit_id uuid NOT NULL REFERENCES org_units (id),
  actual jsonb NOT NULL,
  note text,
  evidence_file_ids jsonb NOT NULL DEFAULT '[]',
  status text NOT NULL CHECK (status IN ('draft', 'submitted', 'returned', 'accepted')),
  -- the first submission decides timeliness; a resubmission after return does not
  first_submitted_at timestamptz,
  submitted_at timestamptz,
  submitted_by uuid REFERENCES users (id),
  reviewed_at timestamptz,
  reviewed_by uuid REFERENCES users (id),
  review_comment text,
  created_by uuid REFERENCES users (id),
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX targets_progress_reports_key ON targets_progress_reports (assignment_id, period_id);
CREATE INDEX targets_progress_reports_plan_idx ON targets_progress_reports (plan_id, period_id, org_unit_id);

-- Values of metric-bound items as computed at a moment, with the provenance of that moment, so a
-- score can be traced after the source records have changed. One row per distinct computation
-- (metric × scope × period); `assignment_ids` lists the items that used it.
CREATE TABLE targets_metric_values (
  id uuid PRIMARY KEY,
  plan_id uuid NOT NULL REFERENCES targets_plans (id) ON DELETE CASCADE,
  assignment_ids jsonb NOT NULL,
  metric_key text NOT NULL,
  scope_org_unit_id uuid NOT NULL REFERENCES org_units (id),
  period_from date NOT NULL,
  period_to date NOT NULL,
  value text,
  unit text,
  provenance jsonb NOT NULL,
  purpose text NOT NULL CHECK (purpose IN ('scoring', 'snapshot')),
  computed_at timestamptz NOT NULL,
  created_by uuid REFERENCES users (id)
);
CREATE INDEX targets_metric_values_plan_idx ON targets_metric_values (plan_id, computed_at);
CREATE INDEX targets_metric_values_assignments_idx ON targets_metric_values USING gin (assignment_ids jsonb_path_ops);

-- 自评: the unit's year-end value and own score with evidence.
CREATE TABLE targets_self_evaluations (
  id uuid PRIMARY KEY,
  plan_id uuid NOT NULL REFERENCES targets_plans (id) ON DELETE CASCADE,
  assignment_id uuid NOT NULL REFERENCES targets_assignments (id) ON DELETE CASCADE,
  indicator_id uuid NOT NULL REFERENCES targets_indicators (id) ON DELETE CASCADE,
  org_unit_id uuid NOT NULL REFERENCES org_units (id),
  actual jsonb,
  self_score text CHECK (self_score ~ '^\d{1,12}(\.\d{1,4})?$'),
  note text,
  evidence_file_ids jsonb NOT NULL DEFAULT '[]',
  status text NOT NULL CHECK (status IN ('draft', 'submitted', 'returned', 'accepted')),
  first_submitted_at timestamptz,
  submitted_at timestamptz,
  submitted_by uuid REFERENCES users (id),
  created_by uuid REFERENCES users (id),
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX targets_self_evaluations_key ON targets_self_evaluations (assignment_id);
CREATE INDEX targets_self_evaluations_plan_idx ON targets_self_evaluations (plan_id, org_unit_id);

-- 部门初审: accept, adjust (with the reviewed value) or return, always with who and when.
CREATE TABLE targets_reviews (
  id uuid PRIMARY KEY,
  plan_id uuid NOT NULL REFERENCES targets_plans (id) ON DELETE CASCADE,
  self_evaluation_id uuid NOT NULL REFERENCES targets_self_evaluations (id) ON DELETE CASCADE,
  assignment_id uuid NOT NULL REFERENCES targets_assignments (id) ON DELETE CASCADE,
  decision text NOT NULL CHECK (decision IN ('accept', 'adjust', 'return')),
  adjusted_actual jsonb,
  comment text,
  reviewer_org_unit_id uuid REFERENCES org_units (id),
  reviewed_by uuid REFERENCES users (id),
  reviewer_name text NOT NULL,
  reviewed_at timestamptz NOT NULL,
  CONSTRAINT targets_reviews_adjusted CHECK ((decision = 'adjust') = (adjusted_actual IS NOT NULL))
);
CREATE INDEX targets_reviews_evaluation_idx ON targets_reviews (self_evaluation_id, reviewed_at);
CREATE INDEX targets_reviews_assignment_idx ON targets_reviews (assignment_id, reviewed_at DESC);

-- Scores of an assessed unit: per-indicator items (with explanation, value source and metric
-- snapshot), total, grade and rank in its peer group.
CREATE TABLE targets_unit_scores (
  plan_unit_id uuid PRIMARY KEY REFERENCES targets_plan_units (id) ON DELETE CASCADE,
  plan_id uuid NOT NULL REFERENCES targets_plans (id) ON DELETE CASCADE,
  org_unit_id uuid NOT NULL REFERENCES org_units (id),
  peer_group text NOT NULL,
  items jsonb NOT NULL,
  raw text NOT NULL,
  bonus_sum text NOT NULL,
  bonus_applied text NOT NULL,
  deduction_sum text NOT NULL,
  deduction_applied text NOT NULL,
  computed_total text NOT NULL,
  total text NOT NULL,
  vetoed boolean NOT NULL,
  veto_codes jsonb NOT NULL DEFAULT '[]',
  grade text NOT NULL,
  rank integer NOT NULL,
  is_tied boolean NOT NULL,
  submitted_at timestamptz,
  computed_at timestamptz NOT NULL,
  computed_by uuid REFERENCES users (id)
);
CREATE INDEX targets_unit_scores_plan_idx ON targets_unit_scores (plan_id, peer_group, rank);

-- 公示 and final publication: the ranking as it was published.
CREATE TABLE targets_publications (
  id uuid PRIMARY KEY,
  plan_id uuid NOT NULL REFERENCES targets_plans (id) ON DELETE CASCADE,
  kind text NOT NULL CHECK (kind IN ('publicity', 'final')),
  starts_on date NOT NULL,
  ends_on date,
  snapshot jsonb NOT NULL,
  published_at timestamptz NOT NULL,
  published_by uuid REFERENCES users (id)
);
CREATE INDEX targets_publications_plan_idx ON targets_publications (plan_id, published_at);
CREATE UNIQUE INDEX targets_publications_final_key ON targets_publications (plan_id) WHERE kind = 'final';

-- 公示期异议.
CREATE TABLE targets_objections (
  id uuid PRIMARY KEY,
  plan_id uuid NOT NULL REFERENCES targets_plans (id) ON DELETE CASCADE,
  publication_id uuid NOT NULL REFERENCES targets_publications (id) ON DELETE CASCADE,
  org_unit_id uuid NOT NULL REFERENCES org_units (id),
  indicator_id uuid REFERENCES targets_indicators (id) ON DELETE SET NULL,
  reason text NOT NULL,
  evidence_file_ids jsonb NOT NULL DEFAULT '[]',
  status text NOT NULL CHECK (status IN ('open', 'upheld', 'rejected')),
  response text,
  raised_by uuid REFERENCES users (id),
  raised_at timestamptz NOT NULL,
  resolved_by uuid REFERENCES users (id),
  resolved_at timestamptz,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX targets_objections_plan_idx ON targets_objections (plan_id, status);

-- Reminders before deadlines and urging notices (督办), one per dedupe key.
CREATE TABLE targets_notices (
  id uuid PRIMARY KEY,
  plan_id uuid NOT NULL REFERENCES targets_plans (id) ON DELETE CASCADE,
  period_id uuid REFERENCES targets_periods (id) ON DELETE CASCADE,
  org_unit_id uuid NOT NULL REFERENCES org_units (id),
  kind text NOT NULL CHECK (kind IN ('reminder', 'urging')),
  dedupe_key text NOT NULL,
  title text NOT NULL,
  body text,
  item_count integer NOT NULL DEFAULT 0,
  recipients integer NOT NULL DEFAULT 0,
  sent_at timestamptz NOT NULL,
  sent_by uuid REFERENCES users (id)
);
CREATE UNIQUE INDEX targets_notices_dedupe_key ON targets_notices (dedupe_key);
CREATE INDEX targets_notices_plan_idx ON targets_notices (plan_id, sent_at);
