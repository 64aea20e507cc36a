"""Write a hand-over network as files: ``edges.csv``, ``nodes.csv``, ``network.dot`` and its
drawing ``network.svg``. Officers are personal data: at the officer level their names become
pseudonyms (``pseudonymise.pseudonym``) unless the caller reveals them."""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

import pandas as pd

from dossierflow.mining.analysis.handover import HandoverNetwork
from dossierflow.mining.analysis.render_handover import node_name, render_handover
from dossierflow.mining.export.export_map import DRAW_TIMEOUT, MapFiles, write_map_files
from dossierflow.mining.export.export_tables import export_table
from dossierflow.mining.export.pseudonymise import PseudonymKey, pseudonym, pseudonym_key
from dossierflow.mining.vocabulary import DATASETS_DIR, Lang

AGENCIES = DATASETS_DIR / "catalogue" / "agencies.csv"


@dataclass(frozen=True)
class HandoverFiles:
    """What ``export_handover`` wrote: the two tables, the map files (``drawing`` None with a
    ``note`` when Graphviz could not draw it) and whether officers were pseudonymised."""

    edges: Path
    nodes: Path
    map: MapFiles
    pseudonymised: bool


def agency_names(lang: Lang = "vi") -> dict[str, str]:
    """Agency ids of the bundled catalogue and their names in ``lang``."""
    if not AGENCIES.is_file():
        return {}
    table = pd.read_csv(AGENCIES, dtype=str).drop_duplicates("agency_id")
    return dict(zip(table["agency_id"], table[f"name_{lang}"]))


def pseudonymised(network: HandoverNetwork, key: PseudonymKey) -> HandoverNetwork:
    """``network`` with every officer replaced by its pseudonym under ``key`` (other levels
    are returned as they are: agencies and desks are not personal)."""
    if network.level != "officer":
        return network
    names = {n: pseudonym(n, key) for n in network.nodes["node"]}
    edges = network.edges.assign(source=network.edges["source"].map(names),
                                 target=network.edges["target"].map(names))
    return replace(network, edges=edges, nodes=network.nodes.assign(
        node=network.nodes["node"].map(names)))


def export_handover(network: HandoverNetwork, out: str | Path, *, lang: Lang = "vi",
                    reveal_names: bool = False, key: str | bytes | None = None,
                    timeout: float = DRAW_TIMEOUT) -> HandoverFiles:
    """Write ``network`` into the folder ``out``: ``edges.csv`` and ``nodes.csv`` (with
    ``source_name``/``target_name`` and ``name``: agency names in ``lang`` from the catalogue,
    the counter's label), ``network.dot`` and ``network.svg``. At the officer level names
    are pseudonymised under ``key`` (default: ``$DOSSIERFLOW_PSEUDONYM_KEY``, else a random
    key) unless ``reveal_names``."""
    folder = Path(out)
    folder.mkdir(parents=True, exist_ok=True)
    hidden = network.level == "officer" and not reveal_names
    shown = pseudonymised(network, pseudonym_key(key)) if hidden else network
    names = agency_names(lang) if network.level != "officer" else {}

    def name(node: str) -> str:
        return node_name(node, lang, names)

    edges = shown.edges.copy()
    edges.insert(2, "source_name", edges["source"].map(name))
    edges.insert(3, "target_name", edges["target"].map(name))
    nodes = shown.nodes.copy()
    nodes.insert(1, "name", nodes["node"].map(name))
    return HandoverFiles(
        edges=export_table(edges, folder / "edges.csv"),
        nodes=export_table(nodes, folder / "nodes.csv"),
        map=write_map_files(render_handover(shown, lang=lang, names=names),
                            folder / "network.dot", timeout=timeout),
        pseudonymised=hidden)
