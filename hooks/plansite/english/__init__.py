"""The English edition: the site's unofficial translation of the interpretation and of every node, the
glossary that fixes recurring terms, and the English pages; read from data/en/ and checked against the
Chinese plan. Like the rest of `plansite`, it knows nothing of MkDocs."""

from __future__ import annotations

from .translation import English, Rendering, load_english

__all__ = ["English", "Rendering", "load_english"]
