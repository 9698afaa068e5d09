"""Fuzzy matching of the names stage: the person an unknown token misspells, if any."""

from __future__ import annotations

from rapidfuzz import process
from rapidfuzz.distance import Indel

from ..core import Finding
from .block import BLOCK_SIZE, Block
from .evidence import accept
from .gazetteer import Gazetteer, could_be_misspelt
from .match import fold_name, score, skeleton
from .scan import Scan

__all__ = ["AMBIGUOUS_RULE", "FUZZY_RULE", "Resolver"]

FUZZY_RULE = "names/fuzzy"
AMBIGUOUS_RULE = "names/ambiguous"


class Resolver:
    """Fuzzy matching against a gazetteer, with a score cutoff and a margin over the
    second-best person (mixed into :class:`~mtclean.names.canonicalizer.NameCanonicalizer`)."""

    _gaz: Gazetteer
    _blocks: dict[tuple[int, ...], Block]

    def _ambiguous(self, s: int, e: int, people: list[int], scan: Scan) -> None:
        if not scan.audit:
            return
        names = sorted({self._gaz.persons[p].canonical for p in people})
        scan.findings.append(
            Finding(s, e, AMBIGUOUS_RULE, f"could be any of: {', '.join(names)}", 0.3)
        )

    def _candidate(self, token: str) -> bool:
        return could_be_misspelt(token, self._gaz.known_tokens)

    def _resolve(
        self,
        text: str,
        s: int,
        e: int,
        token: str,
        persons: tuple[int, ...],
        evidence: str,
        scan: Scan,
    ) -> int | None:
        if not self._candidate(token):
            return None
        ranked = []
        for p in self._block_candidates(token, persons):
            options = [
                score(token, f.text) for f in self._gaz.person_surnames[p] if " " not in f.text
            ]
            if options:
                best = max(options, key=lambda sc: sc.value)
                ranked.append((best.value, p, best))
        if not ranked:
            return None
        ranked.sort(key=lambda r: -r[0])
        value, person, best = ranked[0]
        ok = accept(best, evidence, token, self._gaz.persons[person].surname)
        runner_up = ranked[1] if len(ranked) > 1 else None
        if ok and runner_up is not None:
            second_ok = accept(
                runner_up[2], evidence, token, self._gaz.persons[runner_up[1]].surname
            )
            if second_ok or value - runner_up[0] < 0.1:
                self._ambiguous(s, e, [person, runner_up[1]], scan)
                return None
        if ok:
            return person
        if scan.audit and (best.ratio >= 0.6 or best.same_skeleton):
            canonical = self._gaz.persons[person].canonical
            scan.findings.append(
                Finding(
                    s,
                    e,
                    FUZZY_RULE,
                    f"possibly {canonical} (similarity {best.ratio:.2f}, {evidence} evidence)",
                    round(min(best.ratio, 0.9), 2),
                )
            )
        return None

    def _block_candidates(self, token: str, persons: tuple[int, ...]) -> tuple[int, ...]:
        """The few of many ``persons`` whose surname could be ``token`` (blocking)."""
        if len(persons) <= BLOCK_SIZE:
            return persons
        block = self._blocks.get(persons)
        if block is None:
            block = Block.build(persons, self._gaz)
            self._blocks[persons] = block
        key = fold_name(token)
        found = list(block.by_skeleton.get(skeleton(token), ()))
        folded, owners = block.by_initial.get(key[:1], ((), ()))
        for _, _, index in process.extract(
            key, folded, scorer=Indel.normalized_similarity, score_cutoff=0.6, limit=6
        ):
            found.append(owners[index])
        return tuple(dict.fromkeys(found))
