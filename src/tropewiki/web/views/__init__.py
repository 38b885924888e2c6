"""Views, split by what they do: reading, editing, history, moderation, site pages, accounts."""
