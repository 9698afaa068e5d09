"""Blocking: the few of many candidate people whose surname a token could be."""

from __future__ import annotations

from dataclasses import dataclass

from .gazetteer import Gazetteer
from .match import fold_name, skeleton

__all__ = ["BLOCK_SIZE", "Block"]

#: Above this many candidate people, fuzzy matching first narrows them down (blocking).
BLOCK_SIZE = 24


@dataclass(frozen=True)
class Block:
    """The surname spellings of many people, folded, for one fuzzy lookup each."""

    by_initial: dict[str, tuple[list[str], list[int]]]
    by_skeleton: dict[str, tuple[int, ...]]

    @classmethod
    def build(cls, persons: tuple[int, ...], gaz: Gazetteer) -> Block:
        by_initial: dict[str, tuple[list[str], list[int]]] = {}
        by_skeleton: dict[str, list[int]] = {}
        for p in persons:
            for f in gaz.person_surnames[p]:
                if " " not in f.text:
                    key = fold_name(f.text)
                    folded, owners = by_initial.setdefault(key[:1], ([], []))
                    folded.append(key)
                    owners.append(p)
                    by_skeleton.setdefault(skeleton(f.text), []).append(p)
        return cls(by_initial, {k: tuple(v) for k, v in by_skeleton.items()})
