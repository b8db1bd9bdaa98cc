"""A rich progress display on stderr: documents, documents/s, removals, errors."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from .summary import Tally


@contextmanager
def progress_display(enabled: bool) -> Iterator[Callable[[Tally], None] | None]:
    """Yield a callback that updates the display, or None when disabled."""
    if not enabled:
        yield None
        return
    from rich.console import Console
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    console = Console(stderr=True)
    columns = (
        SpinnerColumn(),
        TextColumn("{task.completed:,.0f} documents"),
        TextColumn("{task.fields[rate]:,.0f} documents/s"),
        TextColumn("{task.fields[removals]:,} removals"),
        TextColumn("{task.fields[errors]:,} errors"),
        TimeElapsedColumn(),
    )
    with Progress(*columns, console=console, transient=False, refresh_per_second=8) as bar:
        task = bar.add_task("batch", total=None, rate=0.0, removals=0, errors=0)
        last = [0.0]
        seen: list[Tally] = []

        def show(t: Tally) -> None:
            secs = t.elapsed
            bar.update(
                task,
                completed=t.documents,
                rate=t.documents / secs if secs > 0 else 0.0,
                removals=t.removals_total,
                errors=t.errors,
            )

        def update(t: Tally) -> None:
            if not seen:
                seen.append(t)
            now = time.monotonic()
            if now - last[0] >= 0.1:
                last[0] = now
                show(t)

        try:
            yield update
        finally:
            if seen:
                show(seen[0])
