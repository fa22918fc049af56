"""Files to records: YAML read safely, the notice schema, loading a data folder, the cache."""
