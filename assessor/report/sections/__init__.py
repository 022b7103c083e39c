"""Story builders: each returns the flowables of one part of the report, or nothing to leave it out."""
