"""Scoring: team values, dimension/area/overall scores, spread and divergence."""
