"""Which colours a page shows outside a palette: for high contrast, which promises black and white."""
from pathlib import Path

# Black, white, and the four dark colours high contrast keeps for links, visited links, errors
# and the main button (each 7:1 or better on white): static/scss/_support.scss.
HIGH_CONTRAST = ["rgb(0,0,0)", "rgb(255,255,255)", "rgb(0,51,141)", "rgb(74,28,133)",
                 "rgb(139,20,20)", "rgb(0,90,48)"]
STRAY_COLOURS = (Path(__file__).with_name("stray_colours.js")).read_text(encoding="utf-8")


def stray_colours(page, allowed: list[str] = HIGH_CONTRAST) -> list[str]:
    """Return "element property colour" for every colour on the page outside the palette."""
    return page.evaluate(STRAY_COLOURS, allowed)
