"""Turn the bytes of a text file into Unicode NFC text, or say clearly why that is impossible.

Accepted: UTF-8 (with or without byte-order mark), UTF-16 and UTF-32 with a byte-order mark,
UTF-16 without one (recognised by its pattern of zero bytes). Refused, naming the likely
encoding and how to convert: the legacy Vietnamese encodings (Windows-1258, TCVN3/ABC,
VNI-Windows) and any other bytes that are not UTF-8, and UTF-8 text that is TCVN3 or VNI
mojibake (a legacy file once opened as Western European text and saved again: "Hoà sô" for
"Hồ sơ").

The likely encoding is found by decoding a sample with each candidate and counting the words
that come out as well-formed Vietnamese syllables.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from pathlib import Path

from dossierflow.mining.errors import InputFileError

_SAMPLE_BYTES = 64 * 1024
_JUDGE_SAMPLE = 256 * 1024

_FIX_UTF8 = ('open it in Excel and choose File > Save As > "CSV UTF-8 (Comma delimited) '
             '(*.csv)" (in LibreOffice: Save As, tick "Edit filter settings", character set '
             '"Unicode (UTF-8)"), then import the new file.')
_FIX_UNIKEY = ("convert the text to Unicode with Unikey's converter \"Công cụ chuyển mã\" "
               "(right-click the Unikey icon; source \"{source}\", destination \"Unicode\"; "
               "copy the text, press \"Chuyển mã\" and paste it back), then save it as "
               "\"CSV UTF-8\" and import it again.")

_ENCODING_LABELS = {
    "cp1258": ("Windows-1258 (cp1258), the Vietnamese Windows code page", "Vietnamese locale "
               "CP 1258"),
    "tcvn3": ("TCVN3 (ABC), the old Vietnamese font encoding of .VnTime fonts", "TCVN3 (ABC)"),
    "vni": ("VNI-Windows, the old Vietnamese font encoding of VNI-Times fonts", "VNI Windows"),
}

# Letters that Unicode Vietnamese text practically always contains and that decoding Western
# European bytes can never produce: their presence proves the text is real Vietnamese Unicode.
_REAL_VIETNAMESE = re.compile("[ăĂđĐơƠưƯ\u1ea0-\u1ef9\u0300\u0301\u0303\u0309\u0323]")
_WORD = re.compile(r"[^\W\d_]+")
_TONES = ("\u0300", "\u0301", "\u0303", "\u0309", "\u0323")
_VOWELS = "aăâeêioôơuưy"
_UNTONED = {unicodedata.normalize("NFC", vowel + tone): vowel
            for vowel in _VOWELS for tone in _TONES}
_ALPHABET = frozenset("abcdefghijklmnopqrstuvwxyzăâđêôơư") | frozenset(_UNTONED)
_NUCLEI = ("iêu|oai|oay|oeo|uây|uôi|uya|uyê|uyu|ươi|ươu|yêu|"
           "ai|ao|au|ay|âu|ây|eo|êu|ia|iê|iu|oa|oă|oe|oi|ôi|ơi|oo|ua|uâ|uê|ui|uô|uơ|uy|"
           "ưa|ưi|ưu|ươ|yê|a|ă|â|e|ê|i|o|ô|ơ|u|ư|y")
_SYLLABLE = re.compile(
    f"^(ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnpqrstvx])?({_NUCLEI})"
    "(ng|nh|ch|[cmnpt])?$")
# a vowel followed by what VNI uses as a mark byte, read as a Western European letter
_VNI_LOOKING = re.compile("[aeiouy][ùøûõïâáàåãäêéèúüë]")

_TCVN3 = dict(zip(
    [*range(0xA1, 0xAF), 0xB5, 0xB6, 0xB7, 0xB8, 0xB9, 0xBB, 0xBC, 0xBD, 0xBE,
     *range(0xC6, 0xCD), *range(0xCE, 0xD9), 0xDC, 0xDD, 0xDE, 0xDF, *range(0xE1, 0xF0),
     *range(0xF1, 0xFF)],
    "ĂÂÊÔƠƯĐăâêôơưđ" "àảãáạằẳẵắ" "ặầẩẫấậè" "ẻẽéẹềểễếệìỉ" "ĩíịò" "ỏõóọồổỗốộờởỡớợù"
    "ủũúụừửữứựỳỷỹýỵ"))
_C, _G, _H, _T, _D = "\u0301", "\u0300", "\u0309", "\u0303", "\u0323"
_VNI_LOWER = {0xF9: _C, 0xF8: _G, 0xFB: _H, 0xF5: _T, 0xEF: _D,
              0xE2: "\u0302", 0xE1: "\u0302" + _C, 0xE0: "\u0302" + _G, 0xE5: "\u0302" + _H,
              0xE3: "\u0302" + _T, 0xE4: "\u0302" + _D,
              0xEA: "\u0306", 0xE9: "\u0306" + _C, 0xE8: "\u0306" + _G, 0xFA: "\u0306" + _H,
              0xFC: "\u0306" + _T, 0xEB: "\u0306" + _D,
              0xF4: "ơ", 0xF6: "ư", 0xF1: "đ", 0xEC: "ì", 0xED: "í", 0xE6: "ỉ", 0xF3: "ĩ",
              0xF2: "ị", 0xEE: "ỵ"}
_VNI = {**_VNI_LOWER, **{code - 0x20: (mark.upper() if len(mark) == 1 and mark.isalpha()
                                       else mark)
                         for code, mark in _VNI_LOWER.items()}}

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le", "UTF-32 (little-endian, with byte-order mark)"),
    (codecs.BOM_UTF32_BE, "utf-32-be", "UTF-32 (big-endian, with byte-order mark)"),
    (codecs.BOM_UTF8, "utf-8-sig", "UTF-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "UTF-16 (little-endian, with byte-order mark)"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "UTF-16 (big-endian, with byte-order mark)"),
)


def decode_text(data: bytes, path: str | Path) -> tuple[str, str, list[str]]:
    """Decode ``data`` (the whole file) into NFC text.

    Returns ``(text, encoding, notes)``: ``encoding`` is a Python codec name ("utf-8",
    "utf-8-sig", "utf-16-le", ...) and ``notes`` lists the repairs done, in plain English.
    Raises InputFileError naming the likely encoding when the bytes are not Unicode text.
    """
    file = str(path)
    notes: list[str] = []
    text, encoding = _decode(data, file, notes)
    if (b"\x00" in data) if encoding.startswith("utf-8") else ("\x00" in text):
        line = text.count("\n", 0, text.index("\x00")) + 1
        raise InputFileError(
            "contains NUL characters: this is a binary file, not text (CSV).", file=file,
            row=line, fix="export the data again as CSV UTF-8, Excel (.xlsx), Parquet or XES.")
    if not text.isascii():
        _refuse_mojibake(text, file)
        if not unicodedata.is_normalized("NFC", text):
            before = len(re.findall("[\u0300-\u036f]+", text))
            text = unicodedata.normalize("NFC", text)
            after = len(re.findall("[\u0300-\u036f]+", text))
            notes.append(f"normalised {before - after} decomposed (NFD) letters to composed "
                         "Unicode (NFC)" if before > after else
                         "normalised the text to composed Unicode (NFC)")
    return text, encoding, notes


def _decode(data: bytes, file: str, notes: list[str]) -> tuple[str, str]:
    for bom, codec, label in _BOMS:
        if data.startswith(bom):
            try:
                text = codecs.decode(memoryview(data)[len(bom):], codec.removesuffix("-sig"))
            except UnicodeDecodeError as error:
                if codec == "utf-8-sig":
                    raise _legacy(data, error, file, skip=len(bom)) from None
                raise _damaged(error, data, len(bom), file, label) from None
            notes.append("decoded as UTF-8 and removed its byte-order mark (BOM)"
                         if codec == "utf-8-sig" else f"decoded as {label}")
            return text, codec
    guessed = _utf16_without_bom(data[:_SAMPLE_BYTES])
    if guessed:
        codec, label = guessed
        try:
            text = data.decode(codec)
        except UnicodeDecodeError as error:
            raise _damaged(error, data, 0, file, label) from None
        notes.append(f"decoded as {label}")
        return text, codec
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as error:
        raise _legacy(data, error, file) from None


def _utf16_without_bom(sample: bytes) -> tuple[str, str] | None:
    """UTF-16 without BOM: most (ASCII) characters have a zero byte beside them."""
    sample = sample[: len(sample) // 2 * 2]
    if len(sample) < 4:
        return None
    half = len(sample) // 2
    even = sample[0::2].count(0) / half
    odd = sample[1::2].count(0) / half
    if odd > 0.3 and even < 0.05:
        return "utf-16-le", "UTF-16 (little-endian, without byte-order mark)"
    if even > 0.3 and odd < 0.05:
        return "utf-16-be", "UTF-16 (big-endian, without byte-order mark)"
    return None


def _damaged(error: UnicodeDecodeError, data: bytes, skip: int, file: str,
             label: str) -> InputFileError:
    return InputFileError(
        f"starts like {label} text but byte {error.start + skip} is not valid {label}: the "
        "file is damaged or mixes encodings.", file=file,
        fix="export the file again; if that does not help, " + _FIX_UTF8)


def _legacy(data: bytes, error: UnicodeDecodeError, file: str,
            skip: int = 0) -> InputFileError:
    """Name the most likely legacy encoding of bytes that are not UTF-8."""
    line = data.count(b"\n", 0, error.start + skip) + 1
    where = f"the first byte that is not UTF-8 is on line {line}"
    best = _judge(data[skip:skip + _JUDGE_SAMPLE])
    if best is None:
        return InputFileError(
            f"is not UTF-8 text ({where}); it looks like Western European text "
            "(Windows-1252/Latin-1) and no Vietnamese letters were recognised.",
            file=file, row=line, fix=_FIX_UTF8)
    label, source = _ENCODING_LABELS[best]
    if best == "cp1258":
        fix = ("on a Windows computer set to Vietnamese, " + _FIX_UTF8 + " Or "
               + _FIX_UNIKEY.format(source=source))
    else:
        fix = _FIX_UNIKEY.format(source=source) + " (Excel cannot convert this encoding.)"
    return InputFileError(
        f"is not UTF-8 text ({where}); it looks like {label}. Reading it anyway would garble "
        "every Vietnamese letter.", file=file, row=line, fix=fix)


def _judge(sample: bytes) -> str | None:
    """The legacy Vietnamese encoding that turns ``sample`` into the most real syllables.

    None when Western European (cp1252) reads it at least as well.
    """
    latin = sample.decode("latin-1")
    readings = {
        "cp1258": unicodedata.normalize("NFC", sample.decode("cp1258", errors="replace")),
        "tcvn3": latin.translate(_TCVN3),
        "vni": unicodedata.normalize("NFC", latin.translate(_VNI)),
    }
    scores = {name: _vietnamese_score(text) for name, text in readings.items()}
    best = max(scores, key=scores.get)
    western = _western_score(sample.decode("cp1252", errors="replace"))
    if scores[best] >= 2 and scores[best] > western:
        return best
    return None


def _vietnamese_score(text: str) -> int:
    """Words with non-ASCII letters that are well-formed Vietnamese syllables, minus twice
    those that are not."""
    good = bad = 0
    for word in _WORD.findall(text):
        if word.isascii():
            continue
        word = word.lower()
        toned = sum(1 for ch in word if ch in _UNTONED)
        if (toned <= 1 and all(ch in _ALPHABET for ch in word)
                and _SYLLABLE.match("".join(_UNTONED.get(ch, ch) for ch in word))):
            good += 1
        else:
            bad += 1
    return good - 2 * bad


def _western_score(text: str) -> int:
    """Words with non-ASCII letters that look like Western European words, minus twice those
    that do not (capitals inside a word, VNI-like vowel pairs)."""
    good = bad = 0
    for word in re.findall(r"\S+", text):
        if word.isascii():
            continue
        letters = word.strip(".,;:!?()\"'[]{}")
        if (letters.isalpha() and not any(c.isupper() for c in letters[1:])
                and "\ufffd" not in letters and not _VNI_LOOKING.search(letters.lower())):
            good += 1
        else:
            bad += 1
    return good - 2 * bad


def _refuse_mojibake(text: str, file: str) -> None:
    """Refuse valid UTF-8 that is a TCVN3 or VNI file once misread as Western European."""
    sample = text[:_JUDGE_SAMPLE]
    if _REAL_VIETNAMESE.search(sample):
        return
    for codec in ("cp1252", "latin-1"):
        try:
            raw = sample.encode(codec)
            break
        except UnicodeEncodeError:
            continue
    else:
        return
    best = _judge(raw)
    if best not in ("tcvn3", "vni"):
        return
    label, source = _ENCODING_LABELS[best]
    example = '"Hoà sô" for "Hồ sơ"' if best == "vni" else '"Hå s¬" for "Hồ sơ"'
    line_text = next((line for line in sample.splitlines() if not line.isascii()), "")
    line = sample.splitlines().index(line_text) + 1 if line_text else None
    raise InputFileError(
        f"is UTF-8 but its Vietnamese text is garbled ({example}, e.g. \"{line_text[:60]}\"): "
        f"it was written in {label}, then opened as Western European text and saved again.",
        file=file, row=line,
        fix="go back to the original file if you can; otherwise "
            + _FIX_UNIKEY.format(source=source))
