"""Learning from analysts: agreement between coders, feedback examples, and retraining.

Modules are imported by name (feedback.agreement, feedback.examples, feedback.retrain), so that
the store can use the pure records without importing the retraining code.
"""
