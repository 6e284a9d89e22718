"""The raw points the track readers yield: a file position and the values as text, in batches."""

from __future__ import annotations

from dataclasses import dataclass, field

BATCH_SIZE = 20_000
# One raw point: (row or point number, vehicle, time, lon, lat, speed, heading); "" where absent.
RawPoint = tuple[int, str, str, str, str, str, str]
# The staged columns of a good point, in COPY order; ts is UTC without zone (cheaper to make in Python).
STAGED = ["row_no", "vehicle_id", "ts", "lon", "lat", "speed", "heading"]
STAGED_TYPES = ["int4", "text", "timestamp", "float8", "float8", "float4", "float4"]


@dataclass
class PointBatch:
    """Raw points of one stretch of a file; `speed_scale` turns the file's speed unit into km/h."""

    points: list[RawPoint] = field(default_factory=list)
    problems: list[tuple[int, str, str]] = field(default_factory=list)  # (number, value, reason) found reading
    speed_scale: float = 1.0
    position: int = 0  # bytes of the file consumed so far, for progress bars
