"""Benchmarks and the synthetic corpus they run on; never part of the test suite's pass/fail on time."""
