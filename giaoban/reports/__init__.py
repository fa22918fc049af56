"""Queries at a given "now": the rows of each report, filters, statistics, export shapes."""
