"""Early warning: which open dossiers will be late (docs/early_warning.md).

``snapshot`` gives the open dossiers at a moment and what is known of them then;
``risk_model`` learns the risk of lateness and the time to the result from the prefixes of
dossiers finished before a cut-off; ``evaluate`` measures it on later cut-offs against the
"due soon" rule; ``warn`` lists the open dossiers at a moment, riskiest first.
"""

from dossierflow.mining.predict.evaluate import evaluate
from dossierflow.mining.predict.risk_model import RiskModel, train
from dossierflow.mining.predict.snapshot import FEATURES, snapshot
from dossierflow.mining.predict.warn import warn

__all__ = ["FEATURES", "RiskModel", "evaluate", "snapshot", "train", "warn"]
