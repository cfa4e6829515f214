"""gcm-review: follow-up and review of the Global Compact for Migration."""

__version__ = "0.1.0"
