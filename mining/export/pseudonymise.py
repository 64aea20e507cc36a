"""Pseudonymise personal data with a keyed hash before a log leaves the machine.

A column is personal when its name is in a list (by default ``datasets/personal_fields.csv``:
citizen names, ID numbers (CCCD, CMND, passport), phone numbers, addresses, e-mails, dates of
birth, account numbers, in Vietnamese and English), compared without case, accents, spaces,
underscores, hyphens or a ``case:`` prefix; a name that is an accepted name of a canonical
field (``Người xử lý``) also selects that field (``resource``). Each value of a personal column
becomes ``psn_`` and 16 hex digits of HMAC-SHA256(key, value), the value first put in a
canonical form (NFC, spaces collapsed, case folded; phone and ID numbers reduced to their
digits, ``+84`` read as ``0``), so that the same person under the same key always gets the same
pseudonym and joins and counts survive, while without the key a pseudonym can neither be
reversed nor checked against a guess. Missing values stay missing.

Other free-text columns are scrubbed: Vietnamese phone numbers (10-digit mobiles starting
03/05/07/08/09, also written ``+84``…, ``0912 345 678``, ``0912.345.678``; 11-digit landlines
starting 02), 12-digit numbers (CCCD) and e-mail addresses inside the text are replaced by
their pseudonym. Nine-digit numbers (old CMND) are not scrubbed in free text: amounts look the
same. Numeric columns are only pseudonymised when named as personal.
"""

from __future__ import annotations

import csv
import hashlib
import hmac
import os
import re
import secrets
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache

import pandas as pd

from dossierflow.mining.errors import DossierflowError
from dossierflow.mining.io.columns import ALL_FIELDS, normalise_name
from dossierflow.mining.vocabulary import DATASETS_DIR

KEY_ENV = "DOSSIERFLOW_PSEUDONYM_KEY"
MIN_KEY_BYTES = 16
PREFIX = "psn_"
DEFAULT_FIELDS = DATASETS_DIR / "personal_fields.csv"
_KEY_FIX = ("use a random key of at least 16 characters, e.g. the output of "
            "`python -c 'import secrets; print(secrets.token_urlsafe(32))'`, and keep it secret.")
_PHONE = (r"(?:\+84 ?|84|0)(?:[35789]\d(?:\d{7}|\d[ .-]\d{3}[ .-]\d{3}|[ .-]\d{3}[ .-]\d{4})"
          r"|2\d{9})")
_FREE_TEXT = re.compile(rf"(?<![\d+])(?:{_PHONE}|\d{{12}})(?!\d)"
                        r"|[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_NUMBER = re.compile(r"(?:\+84|84|0)\d{8,10}|\d{9,12}")


@dataclass(frozen=True)
class PseudonymKey:
    """The secret of a pseudonymisation and where it came from (``argument``, ``environment
    variable NAME`` or ``random``: made for one export, never written anywhere)."""

    secret: bytes = field(repr=False)
    source: str


@dataclass(frozen=True)
class Pseudonymised:
    """What ``pseudonymise`` did: the columns replaced and how many numbers or e-mail
    addresses were replaced inside free text (and in which columns)."""

    columns: tuple[str, ...] = ()
    scrubbed: int = 0
    scrubbed_columns: tuple[str, ...] = ()


def pseudonym_key(key: str | bytes | None = None, *, env: str = KEY_ENV) -> PseudonymKey:
    """The key: ``key`` when given, else the environment variable ``env``, else a random one."""
    if key is not None:
        source = "argument"
    elif os.environ.get(env):
        key, source = os.environ[env], f"environment variable {env}"
    else:
        return PseudonymKey(secrets.token_bytes(32), "random")
    secret = key.encode("utf-8") if isinstance(key, str) else bytes(key)
    if len(secret) < MIN_KEY_BYTES:
        raise DossierflowError(
            f"the pseudonymisation key (from the {source}) has {len(secret)} bytes; a short "
            "key lets anyone recover ID and phone numbers by trying them all.",
            fix=_KEY_FIX)
    return PseudonymKey(secret, source)


@cache
def default_personal_fields() -> tuple[str, ...]:
    """The column names treated as personal by default (``datasets/personal_fields.csv``)."""
    with DEFAULT_FIELDS.open(encoding="utf-8") as handle:
        return tuple(unicodedata.normalize("NFC", row["column"]) for row in csv.DictReader(handle))


def _name_key(name: object) -> str:
    text = str(name)
    text = text[5:] if text.casefold().startswith("case:") else text
    return normalise_name(text).replace(" ", "")


def personal_columns(columns: Iterable[str],
                     personal_fields: Iterable[str] | None = None) -> list[str]:
    """The ``columns`` that ``personal_fields`` (default: ``default_personal_fields()``) name."""
    given = list(default_personal_fields() if personal_fields is None else personal_fields)
    names = {_name_key(n) for n in given}
    spelled = {normalise_name(n).replace(" ", "") for n in given}
    canonical = {f for f, aliases in ALL_FIELDS.items()
                 if spelled & {normalise_name(a).replace(" ", "") for a in aliases}}
    if "case_agency" in canonical:
        canonical.add("agency")
    return [c for c in columns if _name_key(c) in names or c in canonical]


def _canonical(value: str) -> str:
    text = " ".join(unicodedata.normalize("NFC", value).split()).casefold()
    digits = re.sub(r"[ .\-]", "", text)
    if _NUMBER.fullmatch(digits):
        return "0" + digits[3:] if digits.startswith("+84") else (
            "0" + digits[2:] if digits.startswith("84") and len(digits) == 11 else digits)
    return text


def pseudonym(value: object, key: PseudonymKey) -> str:
    """The pseudonym of one value under ``key``."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    digest = hmac.new(key.secret, _canonical(str(value)).encode("utf-8"), hashlib.sha256)
    return PREFIX + digest.hexdigest()[:16]


def _is_text(series: pd.Series) -> bool:
    return series.dtype == object or pd.api.types.is_string_dtype(series.dtype)


def _replace_values(series: pd.Series, convert) -> pd.Series:
    """``convert`` applied once per distinct non-missing value."""
    codes, uniques = pd.factorize(series, use_na_sentinel=True)
    mapped = pd.array([convert(v) for v in uniques] + [pd.NA], dtype="string")
    return pd.Series(mapped[codes], index=series.index, name=series.name)


def pseudonymise(frame: pd.DataFrame, key: PseudonymKey, *,
                 personal_fields: Iterable[str] | None = None,
                 protected: Iterable[str] = ()) -> tuple[pd.DataFrame, Pseudonymised]:
    """``frame`` with its personal columns pseudonymised and its other text columns scrubbed.

    ``protected`` columns (identifiers, activity names) are never scrubbed, but are still
    pseudonymised when ``personal_fields`` names them.
    """
    out = frame.copy()
    personal = personal_columns(out.columns, personal_fields)
    for column in personal:
        out[column] = _replace_values(out[column], lambda v: pseudonym(v, key))
    scrubbed, touched = 0, []
    skip = set(personal) | set(protected)
    for column in out.columns:
        if column in skip or not _is_text(out[column]):
            continue
        text = out[column].astype("string")
        if not text.str.contains(_FREE_TEXT, na=False).any():
            continue
        replaced = {}
        for value, count in text.value_counts().items():
            new, found = _FREE_TEXT.subn(lambda m: pseudonym(m.group(0), key), value)
            if found:
                replaced[value] = new
                scrubbed += found * int(count)
        out[column] = text.replace(replaced)
        touched.append(column)
    return out, Pseudonymised(tuple(personal), scrubbed, tuple(touched))
