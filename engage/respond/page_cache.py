"""Survey pages drawn once and filled per request: the blank page, its slots, a bounded cache.

A page's wording, options and layout are the same for everyone who reads it in the same survey
version, audience, language and rendition; only the CSRF token and the respondent's own answers
differ. So the page is drawn once with a slot marker wherever something per-respondent goes,
split at the markers, and kept. Each request joins the pieces with this respondent's values.

A blank page holds no respondent's data: it is drawn from markers alone, never from a form that
was posted or filled. Nothing is kept for pages with errors (they show what was typed).
"""
import re
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable, Mapping

from markupsafe import Markup

# Private-use characters: never in survey wording (a page whose text holds one is not cached).
OPEN, CLOSE = "\ue000", "\ue001"
MARKER = re.compile(f"{OPEN}(\\d+){CLOSE}")


class Slots:
    """Hand out one marker per slot key while a blank page is drawn."""

    def __init__(self) -> None:
        self.keys: list[Hashable] = []
        self._index: dict[Hashable, int] = {}

    def marker(self, key: Hashable) -> Markup:
        """Return the marker that stands for `key` in the drawn page."""
        if key not in self._index:
            self._index[key] = len(self.keys)
            self.keys.append(key)
        return Markup(f"{OPEN}{self._index[key]}{CLOSE}")


class BlankPage:
    """A drawn page cut at its slots: text, slot key, text, slot key ... text."""

    def __init__(self, html: str, slots: Slots) -> None:
        pieces = MARKER.split(html)
        self.texts = pieces[0::2]
        self.keys = [slots.keys[int(index)] for index in pieces[1::2]]
        if any(OPEN in text or CLOSE in text for text in self.texts):
            raise ValueError("the page's own text holds a slot character")

    def fill(self, values: Mapping[Hashable, str] | Callable[[Hashable], str]) -> str:
        """Join the text with each slot's value (values are HTML, escaped by the caller)."""
        value_of = values if callable(values) else values.__getitem__
        out = [self.texts[0]]
        for key, text in zip(self.keys, self.texts[1:], strict=True):
            out += (value_of(key), text)
        return "".join(out)


class PageCache:
    """Blank pages (or page form classes) by key, least recently used dropped first once `size` are kept."""

    def __init__(self, size: int) -> None:
        self.size = size
        self._pages: OrderedDict[Hashable, BlankPage] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: Hashable) -> BlankPage | None:
        """Return the blank page kept under `key`, if any."""
        with self._lock:
            page = self._pages.get(key)
            if page is not None:
                self._pages.move_to_end(key)
            return page

    def put(self, key: Hashable, page: BlankPage) -> None:
        """Keep a blank page, dropping the least recently used beyond the size."""
        if self.size <= 0:
            return
        with self._lock:
            self._pages[key] = page
            self._pages.move_to_end(key)
            while len(self._pages) > self.size:
                self._pages.popitem(last=False)

    def __len__(self) -> int:
        return len(self._pages)

    def __iter__(self):
        return iter(list(self._pages.values()))
