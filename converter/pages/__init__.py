"""Markdown pages: pure functions from the model (and what the corpus knows of it) to page text."""
