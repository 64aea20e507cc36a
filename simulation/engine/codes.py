"""Integer codes and units shared by the compiled model, the route drawer, the event loop and
the output tables."""

import numpy as np

from dossierflow.simulation.model import CHANNELS, ONLINE_CHANNELS

NS_MIN = 60_000_000_000
NS_DAY = 86_400_000_000_000

# kinds of dossier: channel x digitised x paid online (``model.case_classes``)
N_CLASSES = 16
CHANNEL_CODE = {c: i for i, c in enumerate(CHANNELS)}
IS_ONLINE = np.array([c in ONLINE_CHANNELS for c in CHANNELS])

# step kinds
POOL, WORK, WAIT, BATCH = 0, 1, 2, 3
# step flags (the event loop tests them as the literals 1, 2, 4, 8, 16, 32)
F_RECEIPT, F_RESULT, F_DELIVER, F_PAUSE, F_SUPPLEMENT, F_CLOSE = 1, 2, 4, 8, 16, 32
# routing: deterministic target >= 0, END = -1, random draw = -2, not reachable = -3
ROUTE_END, ROUTE_DRAW, ROUTE_NONE = -1, -2, -3

OUTCOMES = ("open", "result_ready", "returned", "rejected", "withdrawn", "stopped")
OUTCOME_CODE = {name: i for i, name in enumerate(OUTCOMES)}
