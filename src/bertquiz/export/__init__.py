"""Exports: an Anki package of the banks, JSON of the banks and the history, CSV."""
