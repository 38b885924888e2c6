"""Storage of pages: namespaces, titles, Page and append-only Revision, redirects, diffs."""
