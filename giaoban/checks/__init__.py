"""Validation: the problems of a ledger's content, collected as values."""
