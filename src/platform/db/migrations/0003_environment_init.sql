-- Environmental quality (环境质量): monitoring stations, hourly and daily air data with daily AQI,
-- surface-water samples with their GB 3838 evaluation, noise measurements, ecological red-line
-- zones, configurable control rules and the siting-check history. PostgreSQL 15 and PGlite (PG 18).

-- Monitoring sites: air stations, water sections (断面) and noise points, each in a territory.
CREATE TABLE env_stations (
  id uuid PRIMARY KEY,
  kind text NOT NULL CHECK (kind IN ('air', 'water', 'noise')),
  code text NOT NULL,
  name text NOT NULL,
  territory_org_unit_id uuid NOT NULL REFERENCES org_units (id),
  lon double precision NOT NULL CHECK (lon BETWEEN -180 AND 180),
  lat double precision NOT NULL CHECK (lat BETWEEN -90 AND 90),
  address text,
  -- air: 国控/省控/市控/乡镇 … (free text)
  air_station_level text,
  -- water sections
  waterbody text CHECK (waterbody IN ('river', 'lake')),
  river_name text,
  target_class smallint CHECK (target_class BETWEEN 1 AND 5),
  -- noise points: 声环境功能区
  noise_zone text CHECK (noise_zone IN ('0', '1', '2', '3', '4a', '4b')),
  note text,
  is_active boolean NOT NULL DEFAULT true,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT env_stations_water_fields CHECK ((kind = 'water') = (waterbody IS NOT NULL)),
  CONSTRAINT env_stations_noise_fields CHECK ((kind = 'noise') = (noise_zone IS NOT NULL))
);
CREATE UNIQUE INDEX env_stations_code_key ON env_stations (lower(code));
CREATE INDEX env_stations_territory_idx ON env_stations (territory_org_unit_id);
CREATE INDEX env_stations_kind_idx ON env_stations (kind, is_active);

-- Hourly air concentrations (µg/m³; CO mg/m³). hour_start is the start of the hour [h, h+1).
-- The primary key serves both the upsert and per-station range scans.
CREATE TABLE env_air_hourly (
  station_id uuid NOT NULL REFERENCES env_stations (id),
  hour_start timestamptz NOT NULL,
  so2 double precision CHECK (so2 >= 0),
  no2 double precision CHECK (no2 >= 0),
  co double precision CHECK (co >= 0),
  o3 double precision CHECK (o3 >= 0),
  pm10 double precision CHECK (pm10 >= 0),
  pm2_5 double precision CHECK (pm2_5 >= 0),
  -- false: the whole hour is invalid (calibration, fault…) and is left out of every average
  is_valid boolean NOT NULL DEFAULT true,
  flag text,
  source text NOT NULL DEFAULT 'api',
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (station_id, hour_start)
);

-- Daily values and the daily AQI of one station and local day, recomputed whenever hourly rows
-- of that day (or, with early O3 windows, of the previous day) change.
CREATE TABLE env_air_daily (
  station_id uuid NOT NULL REFERENCES env_stations (id),
  day date NOT NULL,
  standard text NOT NULL CHECK (standard IN ('HJ 633-2012', 'HJ 633-2026')),
  so2_24h integer,
  no2_24h integer,
  co_24h numeric(6, 1),
  o3_8h_max integer,
  pm10_24h integer,
  pm2_5_24h integer,
  o3_1h_max integer,
  valid_hours smallint[] NOT NULL,
  o3_windows smallint NOT NULL,
  aqi smallint,
  level smallint,
  category text,
  primary_pollutants text[] NOT NULL DEFAULT '{}',
  iaqi jsonb NOT NULL DEFAULT '{}',
  computed_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (station_id, day)
);
CREATE INDEX env_air_daily_day_idx ON env_air_daily (day);

-- Surface-water samples of a section with their single-factor evaluation (GB 3838-2002).
CREATE TABLE env_water_samples (
  id uuid PRIMARY KEY,
  station_id uuid NOT NULL REFERENCES env_stations (id),
  sampled_on date NOT NULL,
  measurements jsonb NOT NULL,
  section_class smallint NOT NULL CHECK (section_class BETWEEN 1 AND 6),
  qualitative text NOT NULL,
  main_indicators text[] NOT NULL DEFAULT '{}',
  target_class smallint CHECK (target_class BETWEEN 1 AND 5),
  meets_target boolean,
  evaluation jsonb NOT NULL,
  note text,
  created_by uuid,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT env_water_samples_station_day_key UNIQUE (station_id, sampled_on)
);
CREATE INDEX env_water_samples_day_idx ON env_water_samples (sampled_on);

-- Environmental noise: day and night Leq of a point on a monitoring day (GB 3096-2008).
CREATE TABLE env_noise_measurements (
  id uuid PRIMARY KEY,
  station_id uuid NOT NULL REFERENCES env_stations (id),
  measured_on date NOT NULL,
  day_leq numeric(5, 1) CHECK (day_leq >= 0),
  night_leq numeric(5, 1) CHECK (night_leq >= 0),
  night_lmax numeric(5, 1) CHECK (night_lmax >= 0),
  zone text NOT NULL CHECK (zone IN ('0', '1', '2', '3', '4a', '4b')),
  day_limit numeric(5, 1),
  night_limit numeric(5, 1),
  day_compliant boolean,
  night_compliant boolean,
  day_exceedance numeric(5, 1),
  night_exceedance numeric(5, 1),
  note text,
  created_by uuid,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT env_noise_station_day_key UNIQUE (station_id, measured_on),
  CONSTRAINT env_noise_some_value CHECK (day_leq IS NOT NULL OR night_leq IS NOT NULL)
);
CREATE INDEX env_noise_day_idx ON env_noise_measurements (measured_on);

-- Ecological red-line zones (生态红线): validated GeoJSON (Polygon / MultiPolygon, RFC 7946
-- orientation) with the geodesic area and the bounding box for a quick prefilter.
CREATE TABLE env_redline_zones (
  id uuid PRIMARY KEY,
  code text NOT NULL,
  name text NOT NULL,
  zone_type text NOT NULL,
  tier text NOT NULL,
  territory_org_unit_id uuid REFERENCES org_units (id),
  territory_code text,
  geometry jsonb NOT NULL,
  area_m2 double precision NOT NULL CHECK (area_m2 >= 0),
  min_lon double precision NOT NULL,
  min_lat double precision NOT NULL,
  max_lon double precision NOT NULL,
  max_lat double precision NOT NULL,
  properties jsonb NOT NULL DEFAULT '{}',
  is_active boolean NOT NULL DEFAULT true,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX env_redline_zones_code_key ON env_redline_zones (code);
CREATE INDEX env_redline_zones_territory_idx ON env_redline_zones (territory_org_unit_id);

-- Control rules: tier × project type (× optional zone type) → outcome with the rule text.
-- The tiers, project types, tier defaults, fallback and boundary cap live in env_settings
-- ('control_config'); until an administrator edits them the shipped defaults apply.
CREATE TABLE env_control_rules (
  id uuid PRIMARY KEY,
  tier text NOT NULL,
  project_type text NOT NULL,
  zone_type text,
  outcome text NOT NULL CHECK (outcome IN ('allowed', 'conditional', 'prohibited')),
  rule_text text NOT NULL,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX env_control_rules_key ON env_control_rules (tier, project_type, coalesce(zone_type, ''));

-- Settings of the environment module (control configuration, data-entry departments).
CREATE TABLE env_settings (
  key text PRIMARY KEY,
  value jsonb NOT NULL,
  version integer NOT NULL DEFAULT 1,
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- Every siting check (single footprint or batch) with its full result, for the history and the report.
CREATE TABLE env_siting_checks (
  id uuid PRIMARY KEY,
  kind text NOT NULL CHECK (kind IN ('single', 'batch')),
  project_name text,
  project_type text NOT NULL,
  footprint jsonb,
  verdict text NOT NULL CHECK (verdict IN ('allowed', 'conditional', 'prohibited')),
  item_count integer NOT NULL DEFAULT 1,
  result jsonb NOT NULL,
  org_unit_id uuid REFERENCES org_units (id),
  created_by uuid,
  created_by_name text,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX env_siting_checks_org_idx ON env_siting_checks (org_unit_id, created_at DESC);
