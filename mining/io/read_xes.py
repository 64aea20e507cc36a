"""Read an XES event log (.xes or .xes.gz) into a flat event table, safely.

Before any XML parser sees the file:
1. gzip is decompressed in chunks into a temporary file, stopping at a size cap and at a
   compression-ratio cap (a decompression bomb is refused, not unpacked);
2. the prolog (everything before the root element) is scanned: a DOCTYPE that declares
   entities or refers to anything external is refused (billion laughs, XXE), and the root
   element must be <log>.
A log whose XML declaration names another encoding (ISO-8859-1, windows-1252, ...) is
converted to a UTF-8 copy, since the Rust reader assumes UTF-8.
Then one streaming pass of expat, with entity declarations and external references forbidden,
checks that the XML is well formed (reporting the line of the first error), counts the events
and checks typed attribute values (the Rust reader would turn a bad <int> into 0 silently).
Finally the events are read with r4pm (Rust, fast) when it is importable and works, else with
pm4py's reader. Columns are the XES keys (case attributes prefixed "case:"); timestamps are
timezone-aware UTC.
"""

from __future__ import annotations

import codecs
import contextlib
import io
import os
import re
import tempfile
import warnings
import zlib
from pathlib import Path
from typing import BinaryIO

import numpy as np
import pandas as pd

from dossierflow.mining.errors import InputFileError, UnsafeInputError
from dossierflow.mining.io.raw_table import (
    RawTable,
    ReadLimits,
    _clean_column_names,
    _nfc_text_columns,
)

_READ_CHUNK = 1024 * 1024
_OUT_CHUNK = 4 * 1024 * 1024
_FIRST_KEYS = ("case:concept:name", "concept:name", "time:timestamp", "org:resource",
               "lifecycle:transition")
_DATE = re.compile(r"^\s*\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?)?"
                   r"(Z|[+-]\d{2}(:?\d{2})?)?\s*$")
_NAME = re.compile(rb"<([A-Za-z_][\w.\-:]*)")
_ENCODING = re.compile(rb"""\s*<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._:-]+)["']""")
_TYPED = frozenset(("int", "float", "boolean", "date", "id"))
_FIX_XES = ("export the log again from the process-mining tool (ProM, Disco, pm4py, ...); if "
            "you edited it by hand, check it with an XML validator.")


def read_xes(path: str | Path, *, limits: ReadLimits | None = None,
             display_path: str | None = None) -> RawTable:
    """Read the XES log at ``path`` (plain or gzip-compressed) as one row per event."""
    file = display_path or str(path)
    limits = limits or ReadLimits()
    with open(path, "rb") as handle:
        magic = handle.read(2)
    temporaries: list[str] = []
    notes: list[str] = []
    try:
        if magic == b"\x1f\x8b":
            xml_path = _temporary(temporaries)
            with open(xml_path, "wb") as out:
                _gunzip_capped(Path(path), out, limits, file)
        else:
            xml_path = str(path)
        declared = _check_prolog(xml_path, file, limits)
        if declared is not None:
            source, xml_path = xml_path, _temporary(temporaries)
            _to_utf8(source, xml_path, declared, file)
            notes.append(f"converted the log from {declared} to UTF-8")
        events, bad_dates = _scan(xml_path, file)
        if events == 0:
            raise InputFileError("is an XES log without any event.", file=file,
                                 fix="export the log again with its traces and events.")
        with _quiet_stderr(bool(bad_dates)):
            frame, reader = _read_events(xml_path, events, file)
    finally:
        for temporary in temporaries:
            with contextlib.suppress(OSError):
                os.unlink(temporary)
    if reader != "r4pm":
        notes.append(f"read with {reader}")
    if bad_dates:
        count, event, key, value = bad_dates
        what = "1 date" if count == 1 else f"{count} dates"
        notes.append(f"{what} could not be read and {'is' if count == 1 else 'are'} left "
                     f"empty (the first: event {event}, '{key}' = '{value}')")
    repaired = _nfc_text_columns(frame)
    if repaired:
        notes.append(f"normalised {repaired} decomposed (NFD) text values to NFC")
    return RawTable(frame=frame, row_numbers=np.arange(1, len(frame) + 1, dtype=np.int64),
                    path=file, format="xes", sheet=None, header_row=None, notes=notes,
                    encoding=None)


def _gunzip_capped(source: Path, sink: BinaryIO, limits: ReadLimits, file: str) -> int:
    """Decompress the gzip file ``source`` into ``sink`` in chunks; return the bytes written.

    Stops with UnsafeInputError as soon as the output passes ``max_decompressed_bytes`` or
    its ratio to the input consumed so far passes ``max_decompression_ratio``.
    """
    written = 0
    consumed = 0
    decompressor = zlib.decompressobj(wbits=31)

    def bomb(reason: str) -> UnsafeInputError:
        return UnsafeInputError(
            f"looks like a decompression bomb: {reason}. It was not unpacked further.",
            file=file,
            fix="if the file is genuine, decompress it yourself and import the result, or "
                "raise ReadLimits.max_decompressed_bytes / max_decompression_ratio.")

    try:
        with open(source, "rb") as handle:
            pending = b""
            while True:
                if not pending:
                    pending = handle.read(_READ_CHUNK)
                    if not pending:
                        break
                    consumed += len(pending)
                piece = decompressor.decompress(pending, _OUT_CHUNK)
                pending = decompressor.unconsumed_tail
                if piece:
                    written += len(piece)
                    if written > limits.max_decompressed_bytes:
                        raise bomb(f"it unpacks to more than {limits.max_decompressed_bytes:,} "
                                   "bytes")
                    ratio = written / max(1, consumed - len(pending))
                    if (written > limits.ratio_check_after_bytes
                            and ratio > limits.max_decompression_ratio):
                        raise bomb(f"{consumed - len(pending):,} compressed bytes unpack to "
                                   f"{written:,} (more than "
                                   f"{limits.max_decompression_ratio:,.0f} times larger)")
                    sink.write(piece)
                if decompressor.eof:
                    rest = decompressor.unused_data + pending
                    if not rest:
                        rest = handle.read(_READ_CHUNK)
                        consumed += len(rest)
                    if rest.startswith(b"\x1f\x8b"):
                        decompressor = zlib.decompressobj(wbits=31)
                        pending = rest
                        continue
                    if rest.strip(b"\x00") or handle.read(1).strip(b"\x00"):
                        raise InputFileError(
                            "has unexpected bytes after the end of its gzip data.", file=file,
                            fix="compress the original file again (gzip) or import it "
                                "uncompressed.")
                    return written
    except zlib.error as error:
        raise InputFileError(
            f"is a damaged gzip file ({error}).", file=file,
            fix="download or compress the original file again.") from None
    except OSError as error:
        raise InputFileError(f"cannot be decompressed: {error.strerror or error}.",
                             file=file, fix="check the disk space and try again.") from None
    if not decompressor.eof:
        raise InputFileError(
            "is a truncated gzip file: the compressed data ends before the end of its "
            f"content (after {written:,} bytes).", file=file,
            fix="the download or copy was incomplete: fetch or compress the file again.")
    return written


def _check_prolog(xml_path: str, file: str, limits: ReadLimits) -> str | None:
    """Refuse DOCTYPEs with entities or external references; require a <log> root.

    Returns the encoding the XML declaration names when it is not UTF-8 (or ASCII).
    """
    with open(xml_path, "rb") as handle:
        head = handle.read(limits.max_xml_prolog_bytes)
    if head[:2] in (b"\xff\xfe", b"\xfe\xff") or (len(head) > 3 and head[0] == 0 or
                                                    len(head) > 3 and head[1] == 0):
        raise InputFileError("is an XML file in UTF-16; XES logs are read in UTF-8 only.",
                             file=file, fix="save the log as UTF-8 and import it again.")
    position = 3 if head.startswith(b"\xef\xbb\xbf") else 0
    while True:
        while position < len(head) and head[position] in b" \t\r\n":
            position += 1
        if position >= len(head):
            raise InputFileError(
                "is not an XES log: no root element was found"
                + (" in its first part." if len(head) >= limits.max_xml_prolog_bytes
                   else " (the file ends before the log starts)."), file=file, fix=_FIX_XES)
        line = head.count(b"\n", 0, position) + 1
        if head.startswith(b"<?", position):
            end = head.find(b"?>", position + 2)
            position = _after(end, 2, line, "processing instruction", file)
        elif head.startswith(b"<!--", position):
            end = head.find(b"-->", position + 4)
            position = _after(end, 3, line, "comment", file)
        elif head.startswith(b"<!", position):
            position = _doctype(head, position, line, file)
        elif head.startswith(b"<", position):
            match = _NAME.match(head, position)
            name = match.group(1).split(b":")[-1] if match else b""
            if name != b"log":
                shown = match.group(1).decode("utf-8", "replace") if match else "?"
                raise InputFileError(
                    f"is XML but not an XES event log: its root element is <{shown}> (line "
                    f"{line}), not <log>.", file=file,
                    fix="import an XES file (the root element is <log>), or a CSV/Excel "
                        "export of the log.")
            _defused_prolog(head[:position], file)
            return _declared_encoding(head[:position], file)
        else:
            raise InputFileError(
                f"is not well-formed XML: unexpected text before the first element (line "
                f"{line}).", file=file, fix=_FIX_XES)


def _declared_encoding(prolog: bytes, file: str) -> str | None:
    match = _ENCODING.match(prolog.removeprefix(b"\xef\xbb\xbf"))
    if not match:
        return None
    name = match.group(1).decode("ascii")
    try:
        codec = codecs.lookup(name).name
    except LookupError:
        raise InputFileError(
            f"declares the unknown character encoding '{name}' in its first line.",
            file=file, fix='save the log as UTF-8 (encoding="UTF-8") and import it again.'
        ) from None
    return None if codec in ("utf-8", "ascii") else name


def _to_utf8(source: str, target: str, encoding: str, file: str) -> None:
    """Copy the XML at ``source`` to ``target`` in UTF-8, declaring UTF-8."""
    try:
        with open(source, encoding=encoding, newline="") as reader, \
                open(target, "w", encoding="utf-8", newline="") as writer:
            first = True
            while chunk := reader.read(_READ_CHUNK):
                if first:
                    chunk = re.sub(r"""(<\?xml[^>]*?encoding\s*=\s*)["'][^"']*["']""",
                                   r'\1"UTF-8"', chunk, count=1)
                    first = False
                writer.write(chunk)
    except (UnicodeError, LookupError) as error:
        raise InputFileError(
            f"declares the encoding {encoding} but its bytes are not valid {encoding} "
            f"({error}).", file=file,
            fix='save the log as UTF-8 (encoding="UTF-8") and import it again.') from None


def _temporary(temporaries: list[str]) -> str:
    descriptor, name = tempfile.mkstemp(prefix="dossierflow-", suffix=".xes")
    os.close(descriptor)
    temporaries.append(name)
    return name


def _after(end: int, length: int, line: int, what: str, file: str) -> int:
    if end < 0:
        raise InputFileError(f"is not well-formed XML: the {what} on line {line} is never "
                             "closed.", file=file, fix=_FIX_XES)
    return end + length


def _doctype(head: bytes, position: int, line: int, file: str) -> int:
    """Skip a DOCTYPE declaration, refusing entity declarations and external references."""
    bracket = head.find(b"[", position)
    close = head.find(b">", position)
    if close < 0:
        raise InputFileError(f"is not well-formed XML: the declaration on line {line} is "
                             "never closed.", file=file, fix=_FIX_XES)
    end = close
    if 0 <= bracket < close:
        subset_end = head.find(b"]", bracket)
        end = head.find(b">", subset_end) if subset_end >= 0 else -1
        if end < 0:
            end = len(head)
    declaration = head[position:end + 1]
    upper = declaration.upper()
    if b"ENTITY" in upper or b"SYSTEM" in upper or b"PUBLIC" in upper or b"%" in declaration:
        kind = ("declares entities (an XML entity-expansion or external-entity attack: "
                "billion laughs / XXE)" if b"ENTITY" in upper else
                "refers to an external document (XXE)")
        raise UnsafeInputError(
            f"has a DOCTYPE on line {line} that {kind}; it was refused without being parsed.",
            file=file,
            fix="XES logs need no DOCTYPE: remove the <!DOCTYPE ...> declaration (or export "
                "the log again from its tool) and import it again.")
    return end + 1


def _defused_prolog(prolog: bytes, file: str) -> None:
    """Second opinion on the prolog from defusedxml (no entity may be declared or used)."""
    if b"<!" not in prolog.replace(b"<!--", b""):
        return
    try:
        import defusedxml
        import defusedxml.ElementTree as defused
    except ImportError:  # pragma: no cover - defusedxml is a dependency
        return
    try:
        defused.fromstring(prolog + b"<log/>", forbid_dtd=False, forbid_entities=True,
                           forbid_external=True)
    except defusedxml.DefusedXmlException as error:
        raise UnsafeInputError(
            f"has a DOCTYPE that was refused ({type(error).__name__}).", file=file,
            fix="remove the <!DOCTYPE ...> declaration and import again.") from None
    except Exception:  # a malformed prolog is reported by the well-formedness pass
        return


def _scan(xml_path: str, file: str) -> tuple[int, tuple | None]:
    """Stream the XML through expat: well-formedness, event count, typed values.

    Returns the number of events and, if some dates are unreadable, (count, first event,
    key, value).
    """
    import pyexpat

    parser = pyexpat.ParserCreate()
    parser.SetParamEntityParsing(pyexpat.XML_PARAM_ENTITY_PARSING_NEVER)
    state = {"traces": 0, "events": 0, "in_event": 0, "bad_dates": 0}
    first_bad_date: list = []

    def forbid(*_args):
        raise UnsafeInputError(
            "declares or refers to XML entities; it was refused.", file=file,
            fix="remove the <!DOCTYPE ...> declaration and import again.")

    def doctype(_name, system_id, public_id, _has_subset):
        if system_id or public_id:
            forbid()

    def start(name, attrs):
        if name == "event":
            if state["traces"] and not state["in_event"]:
                state["events"] += 1
            state["in_event"] += 1
        elif name == "trace":
            state["traces"] += 1
        elif name in _TYPED:
            pairs = dict(zip(attrs[::2], attrs[1::2]))
            value = pairs.get("value")
            key = pairs.get("key", "?")
            if value is None:
                _bad_value(file, state, parser, key, name, "(missing)")
            elif name == "int":
                try:
                    int(value)
                except ValueError:
                    _bad_value(file, state, parser, key, name, value)
            elif name == "float":
                try:
                    float(value)
                except ValueError:
                    _bad_value(file, state, parser, key, name, value)
            elif name == "boolean":
                if value.strip().lower() not in ("true", "false", "1", "0"):
                    _bad_value(file, state, parser, key, name, value)
            elif name == "date" and not _DATE.match(value):
                state["bad_dates"] += 1
                if not first_bad_date:
                    first_bad_date.extend([state["events"], key, value[:40]])

    def end(name):
        if name == "event":
            state["in_event"] -= 1
        elif name == "trace":
            state["traces"] -= 1

    parser.ordered_attributes = True  # a list is cheaper than a dict for every element
    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.StartDoctypeDeclHandler = doctype
    parser.EntityDeclHandler = forbid
    parser.UnparsedEntityDeclHandler = forbid
    parser.ExternalEntityRefHandler = forbid
    try:
        with open(xml_path, "rb") as handle:
            while chunk := handle.read(_READ_CHUNK):
                parser.Parse(chunk, False)
            parser.Parse(b"", True)
    except pyexpat.ExpatError as error:
        message = pyexpat.errors.messages.get(error.code, str(error)) if hasattr(
            pyexpat.errors, "messages") else str(error)
        raise InputFileError(
            f"is not well-formed XML: {message} at line {error.lineno}, column "
            f"{error.offset + 1}.", file=file, fix=_FIX_XES) from None
    except RecursionError:
        raise InputFileError("is XML nested too deeply to be an event log.", file=file,
                             fix=_FIX_XES) from None
    bad = (state["bad_dates"], *first_bad_date) if state["bad_dates"] else None
    return state["events"], bad


def _bad_value(file: str, state: dict, parser, key: str, kind: str, value: str):
    event = state["events"] if state["in_event"] else None
    where = f"event {event}" if event else "a trace or log attribute"
    raise InputFileError(
        f"has an <{kind}> attribute '{key}' whose value '{value[:40]}' is not a valid {kind} "
        f"({where}, line {parser.CurrentLineNumber}).", file=file, row=event, column=key,
        fix="correct the value, or declare the attribute as <string> if it is text, then "
            "import again.")


def _read_events(xml_path: str, events: int, file: str) -> tuple[pd.DataFrame, str]:
    frame = _read_r4pm(xml_path)
    reader = "r4pm"
    if frame is None or len(frame) != events:
        frame = _read_pm4py(xml_path, file)
        reader = "pm4py"
    frame = frame.drop(columns=[c for c in ("@@index", "@@case_index") if c in frame])
    names = _clean_column_names(list(frame.columns), file=file, what="XES keys")
    frame.columns = names
    first = [key for key in _FIRST_KEYS if key in frame.columns]
    rest = sorted((c for c in frame.columns if c not in first),
                  key=lambda c: (not c.startswith("case:"), c))
    frame = frame[first + rest].reset_index(drop=True)
    for name in frame.columns:
        column = frame[name]
        if pd.api.types.is_datetime64_any_dtype(column.dtype) and column.dt.tz is None:
            frame[name] = column.dt.tz_localize("UTC")
    return frame, reader


def _read_r4pm(xml_path: str) -> pd.DataFrame | None:
    """Events read by r4pm, or None when r4pm is missing or fails."""
    try:
        import pyarrow as pa
        from r4pm.df import import_xes
    except Exception:
        return None
    try:
        table, _meta = import_xes(xml_path)
        arrow = table.to_arrow()
        string = pd.StringDtype("pyarrow", na_value=np.nan)
        return arrow.to_pandas(types_mapper={pa.string(): string,
                                             pa.large_string(): string,
                                             pa.string_view(): string}.get)
    except Exception:
        return None


def _read_pm4py(xml_path: str, file: str) -> pd.DataFrame:
    """Events read by pm4py's XML reader; its banner and warnings stay out of the output."""
    quiet = io.StringIO()
    try:
        with contextlib.redirect_stdout(quiet), contextlib.redirect_stderr(quiet), \
                warnings.catch_warnings():
            warnings.simplefilter("ignore")
            import pm4py
            frame = pm4py.read_xes(xml_path, variant="iterparse", show_progress_bar=False)
    except Exception as error:
        raise InputFileError(
            f"is an XES log that cannot be read ({type(error).__name__}: "
            f"{str(error)[:200]}).", file=file, fix=_FIX_XES) from None
    if not isinstance(frame, pd.DataFrame):  # pragma: no cover - older pm4py
        raise InputFileError("is an XES log that pm4py did not return as a table.",
                             file=file, fix=_FIX_XES)
    return frame


@contextlib.contextmanager
def _quiet_stderr(active: bool):
    """Silence the native reader's own complaints about bad values (already in the notes)."""
    if not active:
        yield
        return
    try:
        saved = os.dup(2)
    except OSError:
        yield
        return
    try:
        with open(os.devnull, "wb") as devnull:
            os.dup2(devnull.fileno(), 2)
            yield
    finally:
        os.dup2(saved, 2)
        os.close(saved)
