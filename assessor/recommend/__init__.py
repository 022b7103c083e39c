"""Starter-pilot recommendations from scores and the questionnaire's pilot library."""
