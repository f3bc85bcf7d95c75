-- Per-business workspace settings, kept as one small JSON document.
ALTER TABLE businesses ADD COLUMN settings jsonb NOT NULL DEFAULT '{}';
