-- The report's numbers from `pm-diag export`, in SQL (DuckDB). test/export/duckdb.test.ts runs this
-- file against an export and checks every number below against `pm-diag report --format json`.
--
-- First make a view named `answers` over one or more exports, e.g.
--   CREATE VIEW answers AS SELECT * FROM 'team.parquet';
--   CREATE VIEW answers AS SELECT * FROM read_csv('team.csv');
--   CREATE VIEW answers AS SELECT * FROM read_json('team.ndjson', columns = {organization: 'VARCHAR',
--     stage: 'VARCHAR', form: 'VARCHAR', bank_id: 'VARCHAR', bank_version: 'INTEGER', respondent: 'VARCHAR',
--     role: 'VARCHAR', item_id: 'VARCHAR', item_kind: 'VARCHAR', area: 'VARCHAR', axis: 'VARCHAR',
--     value: 'VARCHAR', status: 'VARCHAR', weight: 'INTEGER', target: 'DOUBLE', recommended_owner: 'VARCHAR',
--     receiver: 'VARCHAR'});
--   (NDJSON's value is a number or a string: this reads it as text, as CSV and Parquet hold it.)
-- then run this file (duckdb my.db < docs/analysis.sql) and query the views it makes:
--   summary             one row per organization: readiness, capability, capacity, alignment, interlock,
--                       practices (bank v3), coverage
--   function_indexes    per organization and accountable function (pm, pmm, shared, ...)
--   interlock_health    per organization and direction (pmm -> pm, pm -> pmm, pmm -> sales, ...)
--   item_scores         per organization and item: means, readiness or health, priority
-- Each organization is one assessment (rows without one are grouped under ''). `value` is text in
-- CSV and Parquet: levels are read with TRY_CAST(value AS DOUBLE). Rounded as the report rounds:
-- indexes to 1 decimal, means and priorities to 2.

-- The items' rows; the organization facts (bank v3, item_kind `fact`) are no item and in no score.
CREATE OR REPLACE VIEW export_rows AS
SELECT * REPLACE (coalesce(organization, '') AS organization) FROM answers WHERE item_kind <> 'fact';

-- One row per organization × item: C, K, D, F (means of the levels given; unknown and n/a are left
-- out), readiness pct(min(C, K)) or, for a practice, pct(F), interlock health pct(D), and the
-- priority. From bank version 3 a hand-off's D is its receivers' mean (respondents whose role is
-- `receiver`) when any of them answered, and a hand-off's or practice's priority counts twice.
CREATE OR REPLACE VIEW item_values AS
WITH items AS (
  SELECT DISTINCT organization, bank_version, item_id, item_kind, area, weight, target, recommended_owner, receiver
  FROM export_rows
),
means AS (
  SELECT organization, item_id,
    avg(TRY_CAST(value AS DOUBLE)) FILTER (WHERE axis = 'capability') AS capability,
    avg(TRY_CAST(value AS DOUBLE)) FILTER (WHERE axis = 'capacity') AS capacity,
    avg(TRY_CAST(value AS DOUBLE)) FILTER (WHERE axis = 'frequency') AS frequency,
    CASE WHEN max(bank_version) >= 3 AND count(*) FILTER (WHERE axis = 'delivery' AND role = receiver) > 0
      THEN avg(TRY_CAST(value AS DOUBLE)) FILTER (WHERE axis = 'delivery' AND role = receiver)
      ELSE avg(TRY_CAST(value AS DOUBLE)) FILTER (WHERE axis = 'delivery') END AS delivery
  FROM export_rows
  WHERE status = 'answered' AND axis <> 'owner'
  GROUP BY organization, item_id
)
SELECT items.*, means.capability, means.capacity, means.frequency, means.delivery,
  CASE WHEN item_kind = 'practice' THEN 25 * (means.frequency - 1)
    WHEN means.capability IS NOT NULL AND means.capacity IS NOT NULL
    THEN 25 * (least(means.capability, means.capacity) - 1) END AS readiness,
  25 * (means.delivery - 1) AS health,
  -- max(0, T - x), where an undefined x contributes nothing
  CASE WHEN item_kind = 'interlock'
    THEN (CASE WHEN bank_version >= 3 THEN 2 ELSE 1 END) * weight * greatest(0, target - coalesce(means.delivery, target))
    WHEN item_kind = 'practice'
    THEN 2 * weight * greatest(0, target - coalesce(means.frequency, target))
    ELSE weight * (greatest(0, target - coalesce(means.capability, target))
                 + greatest(0, target - coalesce(means.capacity, target))) END AS priority
FROM items LEFT JOIN means USING (organization, item_id);

-- Who owns each responsibility today: the most frequent owner answer; a tie is `unclear`.
CREATE OR REPLACE VIEW item_owners AS
WITH votes AS (
  SELECT organization, item_id, value AS owner, count(*) AS n
  FROM export_rows
  WHERE axis = 'owner' AND status = 'answered'
  GROUP BY organization, item_id, value
),
leaders AS (
  SELECT *, max(n) OVER (PARTITION BY organization, item_id) AS top FROM votes
)
SELECT organization, item_id,
  CASE WHEN count(*) = 1 THEN any_value(owner) ELSE 'unclear' END AS consensus
FROM leaders
WHERE n = top
GROUP BY organization, item_id;

CREATE OR REPLACE VIEW item_scores AS
SELECT organization, item_id, item_kind, area, weight, target, recommended_owner,
  round(capability, 2) AS capability,
  round(capacity, 2) AS capacity,
  round(delivery, 2) AS delivery,
  round(frequency, 2) AS frequency,
  round(readiness, 1) AS readiness,
  round(health, 1) AS health,
  round(priority, 2) AS priority,
  consensus
FROM item_values LEFT JOIN item_owners USING (organization, item_id);

-- Answered (respondent, item) pairs: any axis answered, unknown or n/a; over the pairs asked (a
-- rapid-form respondent has no rows for the full form's other items).
CREATE OR REPLACE VIEW coverage AS
WITH pairs AS (
  SELECT organization, respondent, item_id, bool_or(status <> 'unanswered') AS answered
  FROM export_rows
  GROUP BY organization, respondent, item_id
)
SELECT organization,
  100.0 * count(*) FILTER (WHERE answered) / count(*) AS coverage
FROM pairs
GROUP BY organization;

-- Indexes: sum(w * value) / sum(w) over the items where the value is defined.
CREATE OR REPLACE VIEW summary AS
WITH responsibilities AS (
  SELECT organization,
    sum(weight * readiness) / sum(weight) FILTER (WHERE readiness IS NOT NULL) AS readiness,
    sum(weight * 25 * (capability - 1)) / sum(weight) FILTER (WHERE capability IS NOT NULL) AS capability,
    sum(weight * 25 * (capacity - 1)) / sum(weight) FILTER (WHERE capacity IS NOT NULL) AS capacity,
    100.0 * sum(weight) FILTER (WHERE consensus = recommended_owner) / sum(weight) FILTER (WHERE consensus IS NOT NULL) AS alignment
  FROM item_values LEFT JOIN item_owners USING (organization, item_id)
  WHERE item_kind = 'responsibility'
  GROUP BY organization
),
interlock AS (
  SELECT organization, sum(weight * health) / sum(weight) FILTER (WHERE health IS NOT NULL) AS interlock
  FROM item_values
  WHERE item_kind = 'interlock'
  GROUP BY organization
),
practices AS (
  SELECT organization, sum(weight * readiness) / sum(weight) FILTER (WHERE readiness IS NOT NULL) AS practices
  FROM item_values
  WHERE item_kind = 'practice'
  GROUP BY organization
)
SELECT organization,
  round(readiness, 1) AS readiness,
  round(capability, 1) AS capability,
  round(capacity, 1) AS capacity,
  round(alignment, 1) AS alignment,
  round(interlock, 1) AS interlock,
  round(practices, 1) AS practices,
  round(coverage, 1) AS coverage
FROM responsibilities
FULL JOIN interlock USING (organization)
FULL JOIN practices USING (organization)
JOIN coverage USING (organization);

CREATE OR REPLACE VIEW function_indexes AS
SELECT organization, recommended_owner AS function,
  round(sum(weight * 25 * (capability - 1)) / sum(weight) FILTER (WHERE capability IS NOT NULL), 1) AS capability,
  round(sum(weight * 25 * (capacity - 1)) / sum(weight) FILTER (WHERE capacity IS NOT NULL), 1) AS capacity,
  round(sum(weight * readiness) / sum(weight) FILTER (WHERE readiness IS NOT NULL), 1) AS readiness
FROM item_values
WHERE item_kind = 'responsibility'
GROUP BY organization, recommended_owner;

-- An interlock item's recommended_owner is its giver (`from`), its receiver the function it goes to (`to`).
CREATE OR REPLACE VIEW interlock_health AS
SELECT organization,
  recommended_owner AS "from",
  receiver AS "to",
  round(sum(weight * health) / sum(weight) FILTER (WHERE health IS NOT NULL), 1) AS health
FROM item_values
WHERE item_kind = 'interlock'
GROUP BY organization, recommended_owner, receiver;
