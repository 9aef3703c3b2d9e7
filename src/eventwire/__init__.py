"""eventwire: turn news into PLOVER event data."""

__version__ = "0.1.0"
