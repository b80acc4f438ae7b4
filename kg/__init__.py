"""Knowledge-graph builder for mining news releases."""

__version__ = "0.1.0"
