"""newsprism: see how different news outlets tell the same story."""

__version__ = "0.1.0"
