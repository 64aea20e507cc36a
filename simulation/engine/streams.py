"""Random streams keyed by model element, so that scenario runs share random numbers."""

from __future__ import annotations

import zlib
from collections.abc import Callable, Iterator

import numpy as np


def element_rng(seed: int, *key: str) -> np.random.Generator:
    """A random stream for one model element, stable when other elements change."""
    words = [zlib.crc32("/".join(key).encode("utf-8"))]
    return np.random.Generator(np.random.PCG64(np.random.SeedSequence(seed, spawn_key=words)))


def one_at_a_time(draw: Callable[[int], np.ndarray], block: int = 8192) -> Iterator[float]:
    """The values of ``draw(block)``, block after block, one at a time."""
    while True:
        yield from draw(block).tolist()
