"""Edits: operations on tasks, round-trip YAML, new notices, the edit transaction."""
