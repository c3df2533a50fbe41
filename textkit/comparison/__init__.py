"""Comparison: checklists, coverage, text reuse, similarity and graphs."""
