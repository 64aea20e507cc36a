"""The synthetic Bắc Ninh centre: its procedure catalogue, the hand-calibrated model, its
calibration report and the sample logs it writes."""

from dossierflow.simulation.sample.centre_calibration import ALLOWED_OUTSIDE_HOURS
from dossierflow.simulation.sample.centre_model import (
    HANDLER_FILES,
    PAPER_RELEASES,
    ROLES,
    SAME_DAY_CUTOFF,
    centre_model,
    duration_scales,
    on_spot_process,
    pool_name,
    sample_period,
    transfer_process,
)
from dossierflow.simulation.sample.sample_output import to_imported, write_sample

__all__ = [
    "ALLOWED_OUTSIDE_HOURS",
    "HANDLER_FILES",
    "PAPER_RELEASES",
    "ROLES",
    "SAME_DAY_CUTOFF",
    "centre_model",
    "duration_scales",
    "on_spot_process",
    "pool_name",
    "sample_period",
    "to_imported",
    "transfer_process",
    "write_sample",
]
