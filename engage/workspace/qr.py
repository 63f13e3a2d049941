"""QR codes for class sheets, drawn on the server as inline SVG (no outside service)."""
import segno
from markupsafe import Markup, escape


def qr_svg(url: str, label: str) -> Markup:
    """Return an accessible inline SVG QR code that opens the URL."""
    svg = segno.make(url, error="m").svg_inline(scale=5, border=4, dark="#000", light="#fff",
                                                svgclass="engage-qr", lineclass=None)
    return Markup(svg.replace("<svg ", f'<svg role="img" aria-label="{escape(label)}" ', 1))
