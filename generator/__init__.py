"""Dân vận handbook pipeline: load → validate → model → rules → pages and documents."""

__version__ = "0.1.0"
