"""Answer survey pages with the keyboard alone: Tab, Space, arrow keys, typing and Enter."""

ACTIVE = """() => {
  const el = document.activeElement;
  return {tag: el.tagName.toLowerCase(), type: el.type || '', name: el.name || '',
          value: el.value || '', text: (el.innerText || '').trim()};
}"""
MAX_TABS = 80


def press_tab_until(page, wanted) -> dict:
    """Press Tab until the focused element matches, and return it."""
    for _ in range(MAX_TABS):
        page.keyboard.press("Tab")
        active = page.evaluate(ACTIVE)
        if wanted(active):
            return active
    raise AssertionError("could not reach the element with the keyboard")


def answer_page_by_keyboard(page, text: str) -> None:
    """Answer every question on the page, then press the Continue/Finish button."""
    seen: set[str] = set()
    for _ in range(MAX_TABS):
        page.keyboard.press("Tab")
        active = page.evaluate(ACTIVE)
        if active["tag"] == "button" and active["value"] == "next":
            with page.expect_navigation():
                page.keyboard.press("Enter")
            return
        if active["name"].startswith("q_") and active["name"] not in seen:
            seen.add(active["name"])
            if active["type"] in ("radio", "checkbox"):
                page.keyboard.press("Space")
            elif active["tag"] == "textarea":
                page.keyboard.type(text)
    raise AssertionError("never reached the Continue button")
