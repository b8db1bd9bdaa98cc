"""Corpus commands (batch, check, fix) are registered from their own modules."""
