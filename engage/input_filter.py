"""Keep characters that no database or reader can use out of every request, in one place.

PostgreSQL refuses a NUL in text, and no one types the other control characters on purpose
(they arrive from pasted binary, broken keyboards or probing). Removing them from form
values, query strings and upload names before any view runs means a child's page is kept
(their words, less the invisible characters) instead of being lost to a database error. An
address that holds them cannot name anything, so it is refused with a plain message.
"""
from __future__ import annotations

import re
from itertools import chain

from flask import Flask, render_template, request
from werkzeug.datastructures import FileStorage, ImmutableMultiDict, MultiDict

# C0 controls except tab, newline and carriage return; DEL; and lone UTF-16 surrogates,
# which cannot be encoded as UTF-8 and so cannot be stored or shown.
UNUSABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff]")
BAD_ADDRESS = "This web address holds characters that no page uses. Check the link and try again."


def clean(text: str) -> str:
    """Return text without control characters (tab and line breaks kept) or lone surrogates."""
    return UNUSABLE.sub("", text)


def init_app(app: Flask) -> None:
    """Clean every request before any view, CSRF check or form sees it."""
    # Inserted first so it runs ahead of the CSRF check registered by CSRFProtect.
    app.before_request_funcs.setdefault(None, []).insert(0, _filter_request)


def _filter_request():
    if UNUSABLE.search(request.path):
        return render_template("errors/400.html", message=BAD_ADDRESS), 400
    request.args = _cleaned(request.args)
    if request.method in ("POST", "PUT", "PATCH"):
        request.form = _cleaned(request.form)
        request.files = _cleaned_files(request.files)
    request.__dict__.pop("values", None)  # combined from args and form: rebuilt on next use
    return None


def _cleaned(values: MultiDict) -> ImmutableMultiDict:
    # Almost every request is clean: one search over all its text is cheaper than copying it.
    if isinstance(values, ImmutableMultiDict) and not UNUSABLE.search("".join(chain.from_iterable(
            values.items(multi=True)))):
        return values
    return ImmutableMultiDict([(clean(key), clean(value)) for key, value in values.items(multi=True)])


def _cleaned_files(files: MultiDict) -> ImmutableMultiDict:
    if isinstance(files, ImmutableMultiDict) and not files:
        return files
    for upload in files.values():
        if isinstance(upload, FileStorage) and upload.filename:
            upload.filename = clean(upload.filename)
    return ImmutableMultiDict([(clean(key), upload) for key, upload in files.items(multi=True)])
