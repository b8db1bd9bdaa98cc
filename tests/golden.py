"""Golden files of the samples: NAME.<ext> -> NAME.clean.txt and NAME.record.json.

Regenerate after a deliberate change with ``python -m tests.golden`` and review the diff.
"""

from __future__ import annotations

import json
from pathlib import Path

from cleaner import Cleaner

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
INPUT_SUFFIXES = (".txt", ".md", ".html")


def sample_inputs() -> list[Path]:
    return sorted(p for p in SAMPLES.iterdir() if p.suffix in INPUT_SUFFIXES and not p.name.endswith(".clean.txt"))


def expected_paths(sample: Path) -> tuple[Path, Path]:
    stem = sample.name.rsplit(".", 1)[0]
    return SAMPLES / f"{stem}.clean.txt", SAMPLES / f"{stem}.record.json"


def record_of(cleaner: Cleaner, sample: Path) -> dict:
    return cleaner.clean(sample.read_bytes(), name=str(sample)).to_dict()


def main() -> None:
    cleaner = Cleaner()
    for sample in sample_inputs():
        clean_path, record_path = expected_paths(sample)
        record = record_of(cleaner, sample)
        clean_path.write_text(record["text"] + "\n", encoding="utf-8")
        record_path.write_text(json.dumps(record, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        print(f"{sample.name}: {len(record['removed'])} removals")


if __name__ == "__main__":
    main()
