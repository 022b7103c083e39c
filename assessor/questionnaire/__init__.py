"""Loading and validating questionnaire YAML files."""
