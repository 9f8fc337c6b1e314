"""Timing one query the same way for every formulation, and describing the machine."""

from __future__ import annotations

import os
import platform
import time
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .warehouses import BenchWarehouse

LONG_RUN = 10.0  # seconds: a run this long is not repeated, noise is small next to it


def best_of(warehouse: BenchWarehouse, table: str, sql: str, repeat: int, timeout: float | None = None) -> float | None:
    """Best of `repeat` runs, every formulation alike; a run over LONG_RUN seconds is not
    repeated, and one past `timeout` gives None."""
    best: float | None = None
    for _ in range(repeat):
        seconds = warehouse.timed(table, sql, timeout)
        if seconds is None:
            return None
        best = seconds if best is None else min(best, seconds)
        if seconds > LONG_RUN:
            break
    return best


def cpu_name() -> str:
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        for line in cpuinfo.read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    return platform.processor() or platform.machine()


class MachineLog:
    """The machine and how busy it was over a run: other work inflates wall times."""

    def __init__(self) -> None:
        self.load_at_start = os.getloadavg()[0]
        self.wall_at_start = time.perf_counter()
        self.cpu_at_start = time.process_time()

    def lines(self, software: str | None = None, in_process: bool = True) -> list[str]:
        """`software`: what ran the timed work and its settings, when it was not Python alone;
        `in_process`: whether that work ran in this process (a server's does not, so this
        process's CPU time would say nothing about it)."""
        cores_used = (time.process_time() - self.cpu_at_start) / max(time.perf_counter() - self.wall_at_start, 1e-9)
        ram = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
        lines = [
            f"- CPU: {cpu_name()}, {os.cpu_count()} logical cores",
            f"- RAM: {ram:.0f} GiB",
            f"- Load average (1 min) at the start / end of the run: {self.load_at_start:.1f} / {os.getloadavg()[0]:.1f}",
        ]
        if in_process:
            lines.append(f"- Cores this process kept busy on average (CPU time / wall time over the run): {cores_used:.2f}")
        lines.append(f"- {software + ', ' if software else ''}Python {platform.python_version()}, {platform.system()} {platform.release()}")
        return lines
