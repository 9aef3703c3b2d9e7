"""Precision, recall and F1 from counts: shared by the event and quote scorers."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(slots=True)
class PRF:
    tp: float = 0  # counts; fractional only where a split shares tied events (evaluate)
    fp: float = 0
    fn: float = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict[str, float | int]:
        return {"tp": round(self.tp, 2), "fp": round(self.fp, 2), "fn": round(self.fn, 2), "precision": round(self.precision, 4),
                "recall": round(self.recall, 4), "f1": round(self.f1, 4)}
