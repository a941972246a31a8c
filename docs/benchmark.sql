-- A starting point for benchmarking many organizations against their peers (DuckDB), on top of
-- docs/analysis.sql. test/export/duckdb.test.ts runs it.
--
-- Needs:
--   the views of docs/analysis.sql over an `answers` view holding every organization's export;
--   a table you keep of the organizations, e.g.
--     CREATE TABLE organizations AS SELECT * FROM read_csv('organizations.csv');
--   with the columns organization, industry, size_band and consent (true when the organization
--   agreed to be part of the benchmark).
--
-- A percentile of a handful of organizations says little about the peers (SAMM's first benchmark
-- had 30 assessments and said so): a peer group is shown only when it has at least 10
-- organizations with a value, and always with that number, n.

CREATE OR REPLACE VIEW peer_scores AS
WITH scores AS (
  UNPIVOT summary
  ON readiness, capability, capacity, alignment, interlock, practices, coverage
  INTO NAME metric VALUE score
)
SELECT o.industry, o.size_band, scores.organization, scores.metric, scores.score
FROM scores JOIN organizations o USING (organization)
WHERE o.consent;

-- Per peer group (industry × size band) and metric: n and the quartiles.
CREATE OR REPLACE VIEW benchmark AS
SELECT industry, size_band, metric,
  count(*) AS n,
  round(quantile_cont(score, 0.25), 1) AS p25,
  round(quantile_cont(score, 0.50), 1) AS p50,
  round(quantile_cont(score, 0.75), 1) AS p75
FROM peer_scores
GROUP BY industry, size_band, metric
HAVING count(*) >= 10;

-- Where each organization stands in its peer group: 0 (lowest) to 100 (highest).
CREATE OR REPLACE VIEW benchmark_position AS
SELECT p.organization, p.industry, p.size_band, p.metric, p.score, b.n, b.p25, b.p50, b.p75,
  round(100 * percent_rank() OVER (PARTITION BY p.industry, p.size_band, p.metric ORDER BY p.score)) AS percentile
FROM peer_scores p JOIN benchmark b USING (industry, size_band, metric);
