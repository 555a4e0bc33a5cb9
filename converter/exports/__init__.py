"""Exports: the JSON contract, the dataset and the feeds, each a pure function of the model."""
