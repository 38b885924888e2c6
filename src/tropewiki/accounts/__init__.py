"""Users, roles (reader, editor, moderator, admin) and per-user preferences."""
