-- When the extractors last finished with an instance (milliseconds since 1970-01-01T00:00Z); NULL while its
-- extraction is pending: never run, or lost to a crash or an unavailable database after the instance was
-- acknowledged. Opening a registry runs the extractors again on those.
ALTER TABLE instance ADD COLUMN extracted_at BIGINT;
CREATE INDEX instance_extraction_pending_ix ON instance (id) WHERE extracted_at IS NULL;
