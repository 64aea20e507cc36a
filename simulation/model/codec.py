"""A model to JSON and back: plain data of the dataclass tree, read field by field with errors
naming the field (``procedures[2].channels``), then validated."""

from __future__ import annotations

import dataclasses
import difflib
import functools
import json
import math
import types
import typing
from pathlib import Path
from typing import TYPE_CHECKING, Any

from dossierflow.simulation.model.errors import ModelError

if TYPE_CHECKING:
    from dossierflow.simulation.model.schema import Model

FORMAT = "dossierflow-model"
FORMAT_VERSION = 1


def model_to_dict(model: Model) -> dict[str, Any]:
    """The model as plain JSON data (numbers of float fields written as floats)."""
    return {"format": FORMAT, "version": FORMAT_VERSION, **_dump(model)}


def model_from_dict(cls: type[Model], data: Any, *, file: str | None = None) -> Model:
    """Build a ``cls`` from parsed JSON and validate it; errors name the field."""
    if not isinstance(data, dict):
        raise ModelError("a model must be a JSON object.", file=file,
                         fix='start the file with {"format": "dossierflow-model", ...}.')
    data = dict(data)
    fmt = data.pop("format", FORMAT)
    version = data.pop("version", FORMAT_VERSION)
    if fmt != FORMAT:
        raise ModelError(f"'format' is {fmt!r}, not {FORMAT!r}.", field="format", file=file,
                         fix="load a file written by Model.to_json, or read Prosimos "
                             "models with dossierflow.simulation.prosimos.read_prosimos.")
    if version != FORMAT_VERSION:
        raise ModelError(f"model format version {version!r} is not supported.",
                         field="version", file=file,
                         fix=f"write version {FORMAT_VERSION} (this dossierflow's format).")
    model = _parse(cls, data, "", file)
    model.validate(file=file)
    return model


def write_model(model: Model, path: str | Path) -> Path:
    """Write the model as UTF-8 JSON; :func:`read_model` reads back an equal model."""
    path = Path(path)
    path.write_text(json.dumps(model_to_dict(model), ensure_ascii=False, indent=1) + "\n",
                    encoding="utf-8")
    return path


def read_model(cls: type[Model], path: str | Path) -> Model:
    """Read and validate a model file written by :func:`write_model` (or by hand)."""
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8-sig"))
    except FileNotFoundError:
        raise ModelError("the model file does not exist.", file=str(path),
                         fix="give the path of a JSON file written by Model.to_json.") from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ModelError(f"the model file is not valid UTF-8 JSON ({exc}).", file=str(path),
                         fix="repair the JSON syntax at the position shown.") from None
    return model_from_dict(cls, data, file=str(path))


@functools.cache
def _hints(tp: type) -> dict[str, Any]:
    """The resolved field types of a dataclass (resolved once per class)."""
    return typing.get_type_hints(tp)


# -- dataclasses to plain data -----------------------------------------------------------------

def _dump(value: Any, tp: Any = None) -> Any:
    """Plain data of a dataclass tree; float fields become floats so that a model written,
    read and written again gives the same file."""
    if dataclasses.is_dataclass(value):
        hints = _hints(type(value))
        return {f.name: _dump(getattr(value, f.name), hints[f.name])
                for f in dataclasses.fields(value)}
    origin = typing.get_origin(tp)
    args = typing.get_args(tp)
    if origin in (typing.Union, types.UnionType):
        inner = [a for a in args if a is not type(None)]
        return None if value is None else _dump(value, inner[0] if len(inner) == 1 else None)
    if isinstance(value, list):
        item = args[0] if origin is list and args else None
        return [_dump(v, item) for v in value]
    if isinstance(value, dict):
        item = args[1] if origin is dict and args else None
        return {k: _dump(v, item) for k, v in value.items()}
    if tp is float and isinstance(value, int) and not isinstance(value, bool):
        return float(value)
    return value


# -- plain data to dataclasses -----------------------------------------------------------------

def _parse(tp: Any, value: Any, path: str, file: str | None) -> Any:
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        args = typing.get_args(tp)
        if value is None and type(None) in args:
            return None
        inner = [a for a in args if a is not type(None)]
        return _parse(inner[0], value, path, file)
    if origin is typing.Literal:
        # read as the values' type; the validator names the allowed values
        return _parse(type(typing.get_args(tp)[0]), value, path, file)
    where = path or "the model"
    if origin is list:
        if not isinstance(value, list):
            raise ModelError(f"{where} must be a list, not {_json_kind(value)}.", field=path,
                             file=file, fix=f"write {_type_name(tp)} in [ ].")
        (item,) = typing.get_args(tp)
        if item is float and all(type(v) is float and math.isfinite(v) for v in value):
            return list(value)  # the common case (quantiles, ranks) read at once
        return [_parse(item, v, f"{path}[{i}]", file) for i, v in enumerate(value)]
    if origin is dict:
        if not isinstance(value, dict):
            raise ModelError(f"{where} must be an object, not {_json_kind(value)}.", field=path,
                             file=file, fix='write it as {"key": value, ...}.')
        _, item = typing.get_args(tp)
        return {str(k): _parse(item, v, f"{path}.{k}", file) for k, v in value.items()}
    if dataclasses.is_dataclass(tp):
        return _parse_dataclass(tp, value, path, file)
    return _parse_scalar(tp, value, path, file)


def _parse_dataclass(tp: type, value: Any, path: str, file: str | None) -> Any:
    where = path or "the model"
    if not isinstance(value, dict):
        raise ModelError(f"{where} must be an object, not {_json_kind(value)}.", field=path,
                         file=file, fix="write it as {\"field\": value, ...}.")
    hints = _hints(tp)
    fields = {f.name: f for f in dataclasses.fields(tp)}
    unknown = [k for k in value if k not in fields]
    if unknown:
        close = difflib.get_close_matches(str(unknown[0]), list(fields), n=1)
        hint = f"perhaps '{close[0]}'? " if close else ""
        raise ModelError(f"unknown field '{unknown[0]}' in {where}.",
                         field=_join(path, unknown[0]), file=file,
                         fix=f"{hint}the fields of {tp.__name__} are {list(fields)}.")
    kwargs = {}
    for name, f in fields.items():
        sub = _join(path, name)
        if name not in value:
            if f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING:
                raise ModelError(f"{where} lacks the required field '{name}'.", field=sub,
                                 file=file, fix=f"add \"{name}\": {_type_name(hints[name])}.")
            continue
        kwargs[name] = _parse(hints[name], value[name], sub, file)
    return tp(**kwargs)


def _parse_scalar(tp: Any, value: Any, path: str, file: str | None) -> Any:
    where = path or "the model"
    if tp is bool:
        if not isinstance(value, bool):
            raise ModelError(f"{where} must be true or false, not {value!r}.", field=path,
                             file=file, fix="write true or false (no quotes).")
        return value
    if tp is int:
        if isinstance(value, bool) or not isinstance(value, (int, float)) or value != int(value):
            raise ModelError(f"{where} must be a whole number, not {value!r}.", field=path,
                             file=file, fix="write an integer such as 3 (no quotes).")
        return int(value)
    if tp is float:
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise ModelError(f"{where} must be a number, not {value!r}.", field=path, file=file,
                             fix="write a number such as 2.5 (no quotes).")
        if not math.isfinite(value):
            raise ModelError(f"{where} must be a finite number, not {value!r}.", field=path,
                             file=file, fix="write an ordinary number.")
        return float(value)
    if tp is str:
        if not isinstance(value, str):
            raise ModelError(f"{where} must be text, not {value!r}.", field=path, file=file,
                             fix="write it in double quotes.")
        return value
    raise TypeError(f"unsupported field type {tp!r}")  # pragma: no cover


def _type_name(tp: Any) -> str:
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        return " or ".join(_type_name(a) for a in typing.get_args(tp))
    if origin is typing.Literal:
        return _type_name(type(typing.get_args(tp)[0]))
    if origin is list:
        return f"a list of {_type_name(typing.get_args(tp)[0])}"
    if origin is dict:
        return f"an object of {_type_name(typing.get_args(tp)[1])}"
    if dataclasses.is_dataclass(tp):
        return "an object"
    return {str: "text", int: "a whole number", float: "a number", bool: "true/false",
            type(None): "null"}.get(tp, str(tp))


def _json_kind(value: Any) -> str:
    return {dict: "an object", list: "a list", str: "text", bool: "true/false",
            type(None): "null"}.get(type(value), "a number")


def _join(path: str, name: str) -> str:
    return f"{path}.{name}" if path else name
