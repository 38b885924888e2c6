"""Importers and exporters: TV Tropes pages and data sets in, dumps, CSV and RDF out.

Everything here reads files and the database and hands writes to :mod:`tropewiki.actions`
(``actions.bulk`` for pages, ``actions.dumps`` for restoring a dump). ``runner`` drives an
import (``tropewiki import``); ``dump``, ``csv_export`` and ``rdf`` stream exports
(``tropewiki export``). Formats and vocabulary: ``docs/import-export.md``.
"""
