"""The questionnaire schema: which keys each part of the file takes, their types, and the rules between them."""
