"""Server-rendered HTML: views, Jinja2 templates, static assets."""
