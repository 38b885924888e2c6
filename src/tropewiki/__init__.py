"""tropewiki: a self-hostable wiki engine for tropes and the works that use them."""

__version__ = "0.1.0"
