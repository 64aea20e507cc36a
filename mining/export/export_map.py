"""Write a process map as Graphviz DOT, SVG or PNG (drawn by Graphviz's ``dot`` program)."""

from __future__ import annotations

from pathlib import Path

from dossierflow.mining.analysis.process_map import ProcessMap
from dossierflow.mining.analysis.render_map import Frequency, Overlay, draw_dot, render_map
from dossierflow.mining.errors import DossierflowError
from dossierflow.mining.export.export_tables import replacing, table_format
from dossierflow.mining.vocabulary import Lang

MAP_FORMATS = ("dot", "svg", "png")
INSTALL_GRAPHVIZ = ("install Graphviz (Debian/Ubuntu: `sudo apt-get install graphviz`; macOS: "
                    "`brew install graphviz`; Windows: https://graphviz.org/download/ and add "
                    "its bin folder to PATH), or export the map as .dot and draw it elsewhere.")


def draw(dot_source: str, format: str, *, timeout: float = 60.0) -> bytes:
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
