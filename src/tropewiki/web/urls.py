"""URLs: site pages under ``/-/``, pages at ``/Namespace/Name`` with actions after a slash."""

from __future__ import annotations

from django.urls import path, re_path

from tropewiki.web.views import (
    accounts,
    editing,
    history,
    moderation,
    queries,
    reading,
    search,
    site,
)

NS = r"(?P<namespace>[A-Za-z][A-Za-z0-9]{0,39})"
NAME = r"(?P<name>[A-Za-z0-9][A-Za-z0-9 _'\-]{0,199})"

urlpatterns = [
    path("", site.home_view, name="home"),
    path("-/recent", site.recent_view, name="recent"),
    path("-/random", site.random_view, name="random"),
    path("-/markup", site.markup_help_view, name="markup-help"),
    path("-/search", search.search_view, name="search"),
    path("-/search.json", search.search_json_view, name="search-json"),
    path("-/autocomplete", search.autocomplete_view, name="autocomplete"),
    path("-/finder", search.finder_view, name="finder"),
    path("-/finder.json", search.finder_json_view, name="finder-json"),
    path("-/query", queries.query_view, name="query"),
    path("-/query.json", queries.query_json_view, name="query-json"),
    path("-/new", editing.new_page_view, name="new-page"),
    path("-/preview", editing.preview_view, name="preview"),
    path("-/cutlist", moderation.cut_list_view, name="cut-list"),
    path("-/wickcheck", reading.wick_check_view, name="wick-check"),
    path("-/login", accounts.login_view, name="login"),
    path("-/logout", accounts.logout_view, name="logout"),
    path("-/signup", accounts.signup_view, name="signup"),
    path("-/password", accounts.password_view, name="password"),
    path("-/account", accounts.account_view, name="account"),
    re_path(rf"^{NS}/{NAME}\.json$", reading.json_view, name="page-json"),
    re_path(rf"^{NS}/{NAME}/edit$", editing.edit_view, name="edit"),
    re_path(rf"^{NS}/{NAME}/history$", history.history_view, name="history"),
    re_path(rf"^{NS}/{NAME}/diff$", history.diff_view, name="diff"),
    re_path(rf"^{NS}/{NAME}/revert$", history.revert_view, name="revert"),
    re_path(
        rf"^{NS}/{NAME}/revision/(?P<number>[0-9]{{1,9}})$", reading.revision_view, name="revision"
    ),
    re_path(rf"^{NS}/{NAME}/source$", reading.source_view, name="source"),
    re_path(rf"^{NS}/{NAME}/related$", reading.related_view, name="related"),
    re_path(rf"^{NS}/{NAME}/wickcheck$", reading.wick_check_view, name="page-wick-check"),
    re_path(rf"^{NS}/{NAME}/rename$", moderation.rename_view, name="rename"),
    re_path(rf"^{NS}/{NAME}/lock$", moderation.lock_view, name="lock"),
    re_path(rf"^{NS}/{NAME}/cut$", moderation.cut_view, name="cut"),
    re_path(rf"^{NS}/{NAME}/type$", moderation.page_type_view, name="page-type"),
    re_path(rf"^{NS}/{NAME}/?$", reading.page_view, name="page"),
    re_path(r"^(?P<address>[A-Za-z0-9][A-Za-z0-9 _'.\-]{0,240})$", reading.bare_name_view),
]

handler400 = "tropewiki.web.views.errors.bad_request"
handler403 = "tropewiki.web.views.errors.forbidden"
handler404 = "tropewiki.web.views.errors.not_found"
handler500 = "tropewiki.web.views.errors.server_error"
