"""Builders of the report's sections: each takes the synthesis and returns a document Section."""
