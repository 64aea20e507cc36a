"""Write a process map as Graphviz DOT, SVG or PNG (drawn by Graphviz's ``dot`` program)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from dossierflow.mining.analysis.process_map import ProcessMap
from dossierflow.mining.analysis.render_map import Frequency, Overlay, draw_dot, render_map
from dossierflow.mining.errors import DossierflowError
from dossierflow.mining.export.export_tables import replacing, table_format
from dossierflow.mining.vocabulary import Lang

MAP_FORMATS = ("dot", "svg", "png")
DRAW_TIMEOUT = 60.0  # seconds Graphviz may take to draw a map
INSTALL_GRAPHVIZ = ("install Graphviz (Debian/Ubuntu: `sudo apt-get install graphviz`; macOS: "
                    "`brew install graphviz`; Windows: https://graphviz.org/download/ and add "
                    "its bin folder to PATH), or export the map as .dot and draw it elsewhere.")


def draw(dot_source: str, format: str, *, timeout: float = DRAW_TIMEOUT) -> bytes:
    """DOT source drawn by Graphviz's ``dot`` as ``format`` (``svg`` or ``png``)."""
    drawn = draw_dot(dot_source, format, timeout=timeout)
    if drawn is None:
        raise DossierflowError(f"drawing a map as {format.upper()} needs Graphviz's `dot` "
                               "program, which is not installed.", fix=INSTALL_GRAPHVIZ)
    return drawn


def export_map(pmap: ProcessMap | str, path: str | Path, *, format: str | None = None,
               overlay: Overlay = Frequency(), lang: Lang = "vi") -> Path:
    """Write a process map (a ``ProcessMap``, drawn with ``overlay`` and ``lang`` as
    ``render_map`` does, or DOT source) as ``dot``, ``svg`` or ``png`` (format from the
    extension unless given). SVG and PNG need Graphviz's ``dot``."""
    kind = table_format(path, format, MAP_FORMATS, {f".{f}": f for f in MAP_FORMATS})
    source = pmap if isinstance(pmap, str) else render_map(pmap, overlay=overlay, lang=lang)
    data = source.encode("utf-8") if kind == "dot" else draw(source, kind)
    with replacing(path) as tmp:
        tmp.write_bytes(data)
    return Path(path)


@dataclass(frozen=True)
class MapFiles:
    """What ``write_map_files`` wrote: the DOT file, the drawing (None when not drawn) and,
    when not drawn, a note saying why."""

    dot: Path
    drawing: Path | None
    note: str | None = None


def write_map_files(dot_source: str, dot_path: str | Path, *,
                    format: Literal["svg", "png"] = "svg",
                    timeout: float = DRAW_TIMEOUT) -> MapFiles:
    """Write DOT source to ``dot_path`` and its drawing beside it (same name, ``format``).
    A drawing Graphviz cannot make (not installed, a failure, longer than ``timeout``
    seconds) is no error: the DOT file stays, an earlier drawing is removed, and the note
    says why and how to draw it."""
    dot_path = Path(dot_path)
    with replacing(dot_path) as tmp:
        tmp.write_text(dot_source, encoding="utf-8")
    drawing = dot_path.with_suffix(f".{format}")
    try:
        data = draw(dot_source, format, timeout=timeout)
    except DossierflowError as exc:
        drawing.unlink(missing_ok=True)
        return MapFiles(dot_path, None, f"{drawing.name} not drawn: {exc.what} "
                        f"{dot_path.name} holds the map. How to fix: {exc.fix}")
    with replacing(drawing) as tmp:
        tmp.write_bytes(data)
    return MapFiles(dot_path, drawing)
