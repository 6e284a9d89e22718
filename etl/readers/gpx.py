"""Reader for GPX 1.0/1.1 track points, streamed with lxml.iterparse; waypoints and routes are skipped."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from lxml import etree

from db.errors import UnreadableFile
from etl.tracks.points import BATCH_SIZE, PointBatch, RawPoint

MPS_TO_KMH = 3.6  # GPX speeds are metres per second
TAGS = ("{*}trkpt", "{*}name", "{*}trk", "{*}wpt", "{*}rtept", "{*}rte")


def _local(tag: object) -> str:
    """Tag name without its namespace ('' for comments and processing instructions)."""
    return tag.rpartition("}")[2] if isinstance(tag, str) else ""


def _point(number: int, vehicle: str, elem: etree._Element) -> RawPoint:
    """The raw values of one <trkpt>: time, position, and speed/course from GPX 1.0 or an extension."""
    values = {"time": "", "speed": "", "course": ""}
    for child in elem:
        name = _local(child.tag)
        if name in values:
            values[name] = (child.text or "").strip()
        elif name == "extensions":
            for sub in child.iter():
                sub_name = _local(sub.tag)
                if sub_name in ("speed", "course") and not values[sub_name]:
                    values[sub_name] = (sub.text or "").strip()
    return (number, vehicle, values["time"], (elem.get("lon") or "").strip(), (elem.get("lat") or "").strip(),
            values["speed"], values["course"])


def _forget(elem: etree._Element) -> None:
    """Free a finished element and its earlier siblings, so memory stays flat whatever the file size."""
    elem.clear(keep_tail=False)
    parent = elem.getparent()
    if parent is not None:
        while elem.getprevious() is not None:
            del parent[0]


def read_gpx(path: Path, vehicle: str | None = None, batch_size: int = BATCH_SIZE) -> Iterator[PointBatch]:
    """Batches of raw points; the vehicle is `vehicle`, else the track's <name>, else the file name stem."""
    if not path.is_file():
        raise UnreadableFile(f"{path}: no such file")
    with path.open("rb") as fh:
        events = etree.iterparse(fh, events=("end",), tag=TAGS, resolve_entities=False, no_network=True,
                                 remove_comments=True, remove_pis=True)
        batch, number, track_name, checked = PointBatch(speed_scale=MPS_TO_KMH), 0, "", False
        try:
            for _, elem in events:
                if not checked:
                    if _local(elem.getroottree().getroot().tag) != "gpx":
                        raise UnreadableFile(f"{path.name}: not a GPX file (the root element is not <gpx>)")
                    checked = True
                name = _local(elem.tag)
                if name == "trkpt":
                    number += 1
                    batch.points.append(_point(number, vehicle or track_name or path.stem, elem))
                    _forget(elem)
                    if len(batch.points) >= batch_size:
                        batch.position = fh.tell()
                        yield batch
                        batch = PointBatch(speed_scale=MPS_TO_KMH)
                elif name == "name":
                    parent = elem.getparent()
                    if parent is not None and _local(parent.tag) == "trk":
                        track_name = (elem.text or "").strip()[:200]
                else:  # end of a track, waypoint, route or route point
                    track_name = "" if name == "trk" else track_name
                    _forget(elem)
        except etree.XMLSyntaxError as exc:
            raise UnreadableFile(f"{path.name}: not readable GPX ({exc})") from exc
        if not number:
            raise UnreadableFile(f"{path.name}: no track points (<trkpt>); waypoints and routes are not tracks")
        batch.position = fh.tell()
        yield batch
