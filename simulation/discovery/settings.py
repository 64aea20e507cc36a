"""What the parts of discovery share: the dossiers a kind needs to be learnt on its own, the
weight with which a procedure's own figures are shrunk towards its group's, and the
activities discovery knows by name."""

MIN_ROUTE = 30            # dossiers (or events) a kind needs for figures of its own
SHRINK = 20.0             # dossiers of weight a group's figure has against a procedure's own
INTAKE = "receive"        # the first step at the centre (online dossiers wait for it)
CITIZEN_WAITS = ("supplement_received", "withdraw")   # the citizen's time, not an officer's
