"""A local PySpark session and Ibis backend, to run the relational core on Spark.

PySpark is optional (``pip install 'dossierflow[spark]'``, plus a Java 17 runtime): nothing
else in ``mining`` imports this module, and it imports pyspark only when called.

    from dossierflow.mining.log.spark_backend import spark_backend
    view = LogView.of_log(log, spark_backend())

The local session computes in UTC (the tables hold UTC timestamps; ``kpis`` shifts to local
time itself), starts no web UI, logs errors only, keeps its table files in a temporary folder
(never in the working directory) and uses a few shuffle partitions, as suits one machine.
"""

from __future__ import annotations

import atexit
import os
import shutil
import sys
import tempfile
from pathlib import Path

import ibis

from dossierflow.mining.errors import DossierflowError

APP_NAME = "dossierflow"
# Log4j 2 settings for the JVM's start (``spark_session`` then lowers Spark to errors only):
# warnings on stderr, as Spark's default (a different level prints a notice about it), but not
# the one about Hadoop's missing native library.
_LOG4J2 = """\
rootLogger.level = warn
rootLogger.appenderRef.stderr.ref = console
appender.console.type = Console
appender.console.name = console
appender.console.target = SYSTEM_ERR
appender.console.layout.type = PatternLayout
appender.console.layout.pattern = %d{yy/MM/dd HH:mm:ss} %p %c{1}: %m%n%ex
logger.native.name = org.apache.hadoop.util.NativeCodeLoader
logger.native.level = error
"""


def spark_unavailable() -> str | None:
    """Why Spark cannot run here (pyspark or Java missing), or None when it can."""
    try:
        import pyspark  # noqa: F401
    except ImportError:
        return "pyspark is not installed (pip install 'dossierflow[spark]')"
    java_home = os.environ.get("JAVA_HOME")
    java = str(Path(java_home) / "bin" / "java") if java_home else shutil.which("java")
    if not java or not os.access(java, os.X_OK):
        return "no Java runtime found (Spark needs Java 17 on PATH or in JAVA_HOME)"
    return None


def _scratch() -> Path:
    """A folder for the session's logging settings and table files, removed at exit."""
    folder = Path(tempfile.mkdtemp(prefix="dossierflow-spark-"))
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    (folder / "log4j2.properties").write_text(_LOG4J2, encoding="utf-8")
    return folder


def spark_session(*, cores: int | None = None, memory: str = "1g",
                  shuffle_partitions: int = 4):
    """A local Spark session (the active one when a session already runs in this process).

    ``cores``: worker threads (every core when None); ``memory``: the driver's heap, which in
    local mode also does the work; ``shuffle_partitions``: partitions after a shuffle (Spark's
    default of 200 only costs time on one machine). Starting takes some 10–20 s.
    """
    missing = spark_unavailable()
    if missing:
        raise DossierflowError(f"Spark cannot start: {missing}.",
                               fix="install the spark extra and Java 17, or use DuckDB "
                                   "(the default).")
    from pyspark.sql import SparkSession

    active = SparkSession.getActiveSession()
    if active is not None:
        return active
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
    scratch = _scratch()
    java_options = (f"-Duser.timezone=UTC -Dlog4j2.configurationFile="
                    f"{(scratch / 'log4j2.properties').as_uri()}")
    session = (SparkSession.builder.appName(APP_NAME)
               .master(f"local[{cores or '*'}]")
               .config("spark.driver.memory", memory)
               .config("spark.driver.host", "127.0.0.1")
               .config("spark.driver.bindAddress", "127.0.0.1")
               .config("spark.driver.extraJavaOptions", java_options)
               .config("spark.executor.extraJavaOptions", java_options)
               .config("spark.sql.session.timeZone", "UTC")
               .config("spark.sql.shuffle.partitions", str(shuffle_partitions))
               .config("spark.default.parallelism", str(shuffle_partitions))
               .config("spark.sql.warehouse.dir", (scratch / "warehouse").as_uri())
               .config("spark.ui.enabled", "false")
               .config("spark.ui.showConsoleProgress", "false")
               # pandas frames go in through Arrow; a silent fallback would pickle values
               # (pd.NA among them) into junk, so a failure must show
               .config("spark.sql.execution.arrow.pyspark.enabled", "true")
               .config("spark.sql.execution.arrow.pyspark.fallback.enabled", "false")
               .getOrCreate())
    session.sparkContext.setLogLevel("ERROR")
    return session


def spark_backend(session=None, **options) -> ibis.BaseBackend:
    """An Ibis backend over ``session`` (else ``spark_session(**options)``)."""
    return ibis.pyspark.connect(session if session is not None else spark_session(**options))
