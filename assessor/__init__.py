"""Collaboration Assessor: a council collaboration self-assessment, scored, with starter pilots."""

__version__ = "0.1.0"
APP_NAME = "Collaboration Assessor"
