"""Search: the full-text index of pages, its query language, autocomplete, the trope finder.

* :mod:`.indexer` — called by the write path (``actions``) in the save transaction: an
  article's document and title keys; redirects as aliases; laconics folded into their trope.
* :mod:`.backends` — one interface, SQLite FTS5 or PostgreSQL ``tsvector``, chosen by the
  database in use (the tables: :mod:`.models` and ``migrations/0001_initial.py``).
* :mod:`.syntax` (the query language), :mod:`.service` (search, autocomplete),
  :mod:`.finder` (tropes from a description), :mod:`.highlight` (snippets as safe HTML).

Imports: ``markup`` and ``wiki`` only; ``discovery`` and ``web`` build on it.
"""
