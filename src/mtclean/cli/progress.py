"""Progress bar and run totals for corpus runs.

The bar is drawn on a terminal only (redrawn at most ten times a second on one
line); :class:`Totals` gathers the counts behind the one-line summary and
``--stats``.

>>> t = Totals()
>>> t.add(1000, changed=True, removed_lines=2)
>>> t.add_counts({"terms-nl/navo": 1}, {"lint/stray-capital": 1})
>>> t.summary(seconds=0.5)
'mtclean: 1 document, 1 changed, 2 lines removed, 1 finding, 0 failed; 0.00 MB in 0.5 s (0.00 MB/s)'
"""

from __future__ import annotations

import collections
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, TextIO

__all__ = ["Progress", "Totals", "plural"]


def plural(n: int, word: str) -> str:
    """``n`` and ``word``, plural unless ``n`` is 1.

    >>> plural(1, "rule"), plural(1200, "rule")
    ('1 rule', '1,200 rules')
    """
    return f"{n:,} {word}" + ("" if n == 1 else "s")


@dataclass
class Totals:
    """Counts over a run: documents, changes per rule, findings per rule, failures."""

    documents: int = 0
    changed: int = 0
    removed_lines: int = 0
    failures: int = 0
    bytes: int = 0
    rules: collections.Counter[str] = field(default_factory=collections.Counter)
    findings: collections.Counter[str] = field(default_factory=collections.Counter)

    def add(
        self,
        size: int,
        *,
        changed: bool,
        removed_lines: int = 0,
        failed: bool = False,
    ) -> None:
        """Count one document of ``size`` bytes."""
        self.documents += 1
        self.bytes += size
        self.changed += changed
        self.removed_lines += removed_lines
        self.failures += failed

    def add_counts(self, rules: Mapping[str, int], findings: Mapping[str, int]) -> None:
        """Add one document's per-rule change and finding counts."""
        self.rules.update(rules)
        self.findings.update(findings)

    def summary(self, *, seconds: float, audited: bool = True) -> str:
        """The one-line summary printed at the end of a run.

        Findings are counted only in audited runs (``audited``); otherwise the
        line says how to count them.
        """
        mb = self.bytes / 1e6
        rate = mb / seconds if seconds > 0 else 0.0
        findings = (
            plural(sum(self.findings.values()), "finding")
            if audited
            else "findings not counted (--stats counts them)"
        )
        return (
            f"mtclean: {plural(self.documents, 'document')}, {self.changed:,} changed, "
            f"{plural(self.removed_lines, 'line')} removed, {findings}, "
            f"{self.failures:,} failed; {mb:.2f} MB in {seconds:.1f} s ({rate:.2f} MB/s)"
        )

    def stats_table(self) -> str:
        """Per-rule counts, most frequent first, as aligned text lines."""
        rows = [("changes", rule, n) for rule, n in self.rules.most_common()]
        rows += [("findings", rule, n) for rule, n in self.findings.most_common()]
        if not rows:
            return "mtclean: no rule changed anything and nothing was found\n"
        width = max(len(rule) for _, rule, _ in rows)
        lines = [f"{kind:<8}  {rule:<{width}}  {n:>8,}" for kind, rule, n in rows]
        return "\n".join(lines) + "\n"

    def to_json(self, *, seconds: float) -> dict[str, Any]:
        """The totals as a JSON-ready dict (for ``--stats-json``)."""
        return {
            "documents": self.documents,
            "changed": self.changed,
            "removed_lines": self.removed_lines,
            "failures": self.failures,
            "bytes": self.bytes,
            "seconds": round(seconds, 3),
            "changes_by_rule": dict(self.rules.most_common()),
            "findings_by_rule": dict(self.findings.most_common()),
        }


class Progress:
    """A one-line progress bar on ``stream`` (documents, MB, rate, ETA), if enabled.

    ``total_bytes`` (0 when unknown, e.g. standard input) gives the percentage
    and the ETA.
    """

    INTERVAL = 0.1

    def __init__(self, stream: TextIO, *, enabled: bool, total_bytes: int = 0) -> None:
        self.stream = stream
        self.enabled = enabled
        self.total_bytes = total_bytes
        self.start = time.monotonic()
        self._last = 0.0
        self._docs = 0
        self._bytes = 0
        self._drawn = False

    def update(self, size: int) -> None:
        """Count one more document of ``size`` bytes; redraw if it is time."""
        self._docs += 1
        self._bytes += size
        if not self.enabled:
            return
        now = time.monotonic()
        if now - self._last >= self.INTERVAL:
            self._last = now
            self._draw(now)

    def line(self, now: float) -> str:
        """The text of the bar at time ``now``."""
        elapsed = max(now - self.start, 1e-9)
        rate = self._bytes / elapsed / 1e6
        mb = self._bytes / 1e6
        parts = [f"{plural(self._docs, 'doc')}"]
        if self.total_bytes:
            share = min(self._bytes / self.total_bytes, 1.0)
            filled = int(share * 20)
            bar = "#" * filled + "-" * (20 - filled)
            parts.insert(0, f"[{bar}] {share:4.0%}")
            parts.append(f"{mb:.1f}/{self.total_bytes / 1e6:.1f} MB")
            remaining = (self.total_bytes - self._bytes) / 1e6 / rate if rate > 0 else 0
            parts.append(f"{rate:.2f} MB/s")
            parts.append(f"ETA {int(remaining) // 60}:{int(remaining) % 60:02d}")
        else:
            parts.append(f"{mb:.1f} MB")
            parts.append(f"{rate:.2f} MB/s")
        return "  ".join(parts)

    def _draw(self, now: float) -> None:
        self.stream.write("\r" + self.line(now) + "\x1b[K")
        self.stream.flush()
        self._drawn = True

    def close(self) -> None:
        """Clear the bar's line."""
        if self._drawn:
            self.stream.write("\r\x1b[K")
            self.stream.flush()
            self._drawn = False

    def elapsed(self) -> float:
        """Seconds since the bar was created."""
        return time.monotonic() - self.start
