"""Performance and load benchmarks (``make bench``); never part of ``make test``."""
