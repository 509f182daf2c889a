"""Comparing two years: normalise, align, diff, the report model and the met/missed outcomes."""
