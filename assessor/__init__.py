"""Collaboration Assessor: a workshop self-assessment for leadership teams, scored, with starter pilots."""

__version__ = "0.1.0"
APP_NAME = "Collaboration Assessor"
