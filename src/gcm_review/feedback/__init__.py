"""Learning from analysts: agreement between coders, feedback examples, and what retraining changes.

Pure parts only: the store is read and written by workflows.feedback. Modules are imported by
name (feedback.agreement, feedback.examples, feedback.retrain).
"""
