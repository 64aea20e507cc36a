"""Questions asked of a log view: process maps and their drawing, discovery, Decision 766
KPIs, bottlenecks, waiting causes, rework, conformance and comparison."""

from dossierflow.mining.analysis.apology_letters import apology_letters
from dossierflow.mining.analysis.bottlenecks import bottlenecks
from dossierflow.mining.analysis.compare import (
    Comparison,
    Difference,
    compare,
    compare_groups,
    heatmap,
)
from dossierflow.mining.analysis.conformance import RULES, conformance, normative_flow
from dossierflow.mining.analysis.discovery import DiscoveredModel, directly_follows, discover, quiet
from dossierflow.mining.analysis.handover import (
    HandoverNetwork,
    compare_handover,
    handover_network,
)
from dossierflow.mining.analysis.kpis import CONFIG, kpis, scorecard
from dossierflow.mining.analysis.late_attribution import late_attribution
from dossierflow.mining.analysis.process_map import ProcessMap, keep_paths, process_map
from dossierflow.mining.analysis.render_handover import render_handover
from dossierflow.mining.analysis.render_map import (
    Frequency,
    Overlay,
    Performance,
    draw_dot,
    render_map,
    render_svg,
    svg_available,
)
from dossierflow.mining.analysis.rework_loops import rework_loops
from dossierflow.mining.analysis.waiting_causes import COMPONENTS, waiting_causes

__all__ = [
    "COMPONENTS",
    "CONFIG",
    "Comparison",
    "Difference",
    "DiscoveredModel",
    "Frequency",
    "HandoverNetwork",
    "Overlay",
    "Performance",
    "ProcessMap",
    "RULES",
    "apology_letters",
    "bottlenecks",
    "compare",
    "compare_groups",
    "compare_handover",
    "conformance",
    "directly_follows",
    "discover",
    "draw_dot",
    "handover_network",
    "heatmap",
    "keep_paths",
    "kpis",
    "late_attribution",
    "normative_flow",
    "process_map",
    "quiet",
    "render_handover",
    "render_map",
    "render_svg",
    "rework_loops",
    "scorecard",
    "svg_available",
    "waiting_causes",
]
