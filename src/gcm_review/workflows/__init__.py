"""The application layer: stages and the store put together for the CLI and the web app.

review (the whole review in one call), ingest (many files into the store), tagging (a stored
corpus), feedback (analysts' decisions into training examples, retraining), search (semantic
search over stored paragraphs) and accounts (new accounts checked against the country list).
Modules are imported by name, so importing one does not load the others.
"""
