"""Reading packets: one PDF per essay, for every deployed version (``make release`` and ``make
dev`` build with ``EDITION_PACKETS=1``; ``make build`` makes none and needs no browser). Each is
Chromium's print of the essay page, with the site's own print stylesheet (the text with its
paragraph numbers, notes and apparatus, the edition's citation of the version, the version's
address at the foot of every page), followed by the print of the essay's reading guide, merged
with pypdf. The built pages are read from the site folder as the browser asks for them, at the
version's own address, so that the addresses printed are the published ones; nothing is fetched
from anywhere else and only the fonts installed are used."""

from __future__ import annotations

import io
import mimetypes
from dataclasses import dataclass
from pathlib import Path

FOLDER = "packets"
ORIGIN = "https://edition.invalid/"  # the address pages are read at when the site's is not known


@dataclass(frozen=True)
class Packet:
    essay: str
    title: str
    author: str
    essay_url: str  # site-relative: essays/toucas/
    guide_url: str | None  # teach/toucas/

    @property
    def path(self) -> str:
        return f"{FOLDER}/{self.essay}.pdf"


def size_label(size: int) -> str:
    """A file's size as a link gives it: "312 KB", "1.4 MB"."""
    return f"{size / 1024:.0f} KB" if size < 1024 * 1024 else f"{size / 1024 / 1024:.1f} MB"


def _serve(site_dir: Path, base: str):
    """A Playwright route handler answering ``base``… from ``site_dir`` as a static host would."""
    def handle(route) -> None:
        path = route.request.url[len(base):].split("#", 1)[0].split("?", 1)[0]
        file = site_dir / path
        if file.is_dir():
            file = file / "index.html"
        if not file.is_file() or site_dir.resolve() not in file.resolve().parents:
            route.fulfill(status=404, body="")
            return
        kind = mimetypes.guess_type(file.name)[0] or "application/octet-stream"
        route.fulfill(status=200, body=file.read_bytes(), content_type=kind)
    return handle


def make(site_dir: Path, address: str | None, packets: list[Packet], chromium: str, args: list[str]) -> dict[str, int]:
    """Print every packet into ``site_dir/packets/`` (``address``: the version's absolute address,
    if known); the size of each, by essay."""
    from playwright.sync_api import sync_playwright
    from pypdf import PdfWriter

    base = address if address and address.endswith("/") else (address + "/" if address else ORIGIN)
    (site_dir / FOLDER).mkdir(exist_ok=True)
    sizes = {}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=args)
        context = browser.new_context()
        context.route(lambda url: not url.startswith(base), lambda route: route.abort())  # nothing from elsewhere
        context.route(base + "**", _serve(site_dir, base))
        page = context.new_page()
        for packet in packets:
            writer = PdfWriter()
            for url in filter(None, (packet.essay_url, packet.guide_url)):
                page.goto(base + url, wait_until="load")
                page.wait_for_function("document.documentElement.classList.contains('js')")  # Material started
                page.evaluate("window.dispatchEvent(new Event('beforeprint'))")  # the page readies its print
                page.wait_for_function("document.querySelector('.print-citation') !== null")
                writer.append(io.BytesIO(page.pdf(format="A4", print_background=False)))
            writer.add_metadata({"/Title": f"{packet.title}: reading packet", "/Author": packet.author,
                                 "/Subject": "Missile Defense Essays, reading packet"})
            out = site_dir / packet.path
            with out.open("wb") as handle:
                writer.write(handle)
            sizes[packet.essay] = out.stat().st_size
        browser.close()
    return sizes


def fill_sizes(site_dir: Path, pages: list[str], sizes: dict[str, int]) -> None:
    """Write each packet's size where the built pages (``pages``: site-relative HTML files) hold
    its placeholder (:func:`token`)."""
    for rel in pages:
        file = site_dir / rel
        text = file.read_text(encoding="utf-8")
        for essay, size in sizes.items():
            text = text.replace(token(essay), size_label(size))
        file.write_text(text, encoding="utf-8")


def token(essay: str) -> str:
    """The placeholder a page gives for a packet's size until the packet is made."""
    return f"PACKET-SIZE-{essay}"
