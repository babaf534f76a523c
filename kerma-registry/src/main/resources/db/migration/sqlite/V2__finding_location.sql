-- Where in the object a finding is: the module of the IOD (validation) and the location, a tag path such as
-- "(0040,A730)[1].(0040,A043)" or a content-item path such as "content item 1.4.2". Both empty when unknown.
ALTER TABLE finding ADD COLUMN module TEXT NOT NULL DEFAULT '';
ALTER TABLE finding ADD COLUMN location TEXT NOT NULL DEFAULT '';
CREATE INDEX finding_severity_ix ON finding (severity, instance_fk);
