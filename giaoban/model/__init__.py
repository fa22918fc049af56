"""The ledger's vocabulary: immutable records, problems, units, settings, ids, text."""
