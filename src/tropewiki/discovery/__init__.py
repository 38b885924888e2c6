"""Discovery: works like this, tropes that travel together, trope queries, profile charts.

Reads only. :mod:`.similarity` keeps an in-memory SciPy model of the work × trope matrix;
:mod:`.tropequery` answers "works with tropes A and B but not C"; :mod:`.charts` draws
server-side SVG; :mod:`.panels` puts them on work and trope pages. Random pages are
``/-/random`` (:mod:`tropewiki.web.views.site`).
"""
