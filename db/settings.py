"""Typed settings: environment first, then .streamlit/secrets.toml, then the local cluster."""

from __future__ import annotations

import os
import tomllib
from functools import lru_cache
from pathlib import Path

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

PROJECT_ROOT = Path(__file__).resolve().parent.parent
ROAD_SPEEDS_KMH = {  # travel speed by road class: Chinese administrative grades, then OSM fclass
    "高速公路": 80, "国道": 60, "省道": 50, "县道": 40, "乡道": 30, "村道": 20, "城市道路": 30, "城市支路": 20,
    "motorway": 80, "trunk": 60, "primary": 50, "secondary": 40, "tertiary": 35, "unclassified": 25,
    "residential": 20, "living_street": 10, "service": 15, "track": 10, "motorway_link": 50, "trunk_link": 40,
    "primary_link": 35, "secondary_link": 30, "tertiary_link": 25}


class Settings(BaseSettings):
    """All knobs of XiaoAn, read from XIAOAN_* environment variables."""

    model_config = SettingsConfigDict(env_prefix="XIAOAN_", extra="ignore")

    database_url: str | None = Field(default=None, description="SQLAlchemy URL of an existing PostGIS")
    home: Path = Field(default=PROJECT_ROOT / ".xiaoan", description="local state: cluster, demo files")
    pg_port: int = Field(default=54329, description="port of the embedded cluster on 127.0.0.1")
    pg_bin: Path | None = Field(default=None, description="directory of initdb/pg_ctl; found if unset")
    secrets_file: Path = Field(default=PROJECT_ROOT / ".streamlit" / "secrets.toml")
    cache_ttl_s: int = Field(default=300, description="how long the dashboard caches query results")
    language: str = Field(default="zh", description="default UI language: zh or en")
    timezone: str = Field(default="Asia/Shanghai", description="local time of windows and school days")
    peak_windows: dict[str, tuple[str, str]] = Field(
        default={"morning": ("07:30", "08:30"), "noon": ("11:30", "12:30"), "afternoon": ("16:30", "17:30")},
        description="named peak windows, local start and end (end excluded)")
    peak_windows_by_type: dict[str, dict[str, tuple[str, str]]] = Field(
        default={}, description="per school type, windows that replace the default of the same name")
    presence_radius_m: float = Field(default=100.0, description="R: a patrol within R metres of the gate")
    guard_post_radius_m: float = Field(default=50.0, description="R for schools with a guard post (护学岗)")
    near_miss_m: float = Field(default=500.0, description="closest approach is reported up to this distance")
    gap_limit_s: int = Field(default=120, description="consecutive GPS points further apart are no path")
    liaison_max_schools: int = Field(default=6, description="an officer with more schools is overloaded")
    liaison_max_unit_km: float = Field(default=30.0, description="an officer's unit farther away is too far")
    road_near_m: float = Field(default=30.0, description="a gate this close to a road needs its signs")
    sign_along_m: float = Field(default=150.0, description="required signs lie this far along the road")
    hotspot_hex_size_m: float = Field(default=1000.0, description="edge of the hotspot hexagons in metres")
    hotspot_permutations: int = Field(default=0, description="Gi* permutations; 0 uses the normal p-value")
    basemap_style_url: str | None = Field(default=None, description="intranet map style.json adding tiles")
    load_lock_timeout_s: int = Field(default=300, description="how long a load waits for another of its dataset")
    refresh_workers: int = Field(default_factory=lambda: min(os.cpu_count() or 1, 4), ge=1, le=32,
                                 description="connections computing `xiaoan refresh` (one per core, at most 4)")
    web_database_url: str | None = Field(default=None, description="URL of the dashboard's low-privilege role")
    web_password: str | None = Field(default=None, description="its password (default: kept in home/web-password)")
    session_hours: int = Field(default=12, ge=1, le=24, description="how long a sign-in lasts")
    trusted_user_header: str | None = Field(default=None, description="SSO: header naming the signed-in user (off)")
    trusted_header_key: str | None = Field(default=None, description="SSO: key from `xiaoan users trusted-key`")
    upload_max_mb: int = Field(default=200, gt=0, description="largest upload, and largest unpacked archive, in MB")
    escalate_days: int = Field(default=30, ge=0, description="hazards overdue longer are reported up (专报)")
    road_speeds_kmh: dict[str, float] = Field(default=ROAD_SPEEDS_KMH,
                                              description="routing: km/h by road class (a JSON object in the env)")
    road_speed_default_kmh: float = Field(default=15.0, gt=0, description="routing: km/h of a class not listed")
    road_snap_m: float = Field(default=10.0, ge=0, description="routing: road ends this close are joined (gaps)")
    plan_access_m: float = Field(default=2000.0, gt=0, description="routing: a point this far off a road attaches")
    plan_offroad_kmh: float = Field(default=10.0, gt=0, description="routing: km/h from a point to its road")
    plan_lead_min: int = Field(default=30, ge=0, description="a planned vehicle leaves its unit at most this early")
    plan_dwell_min: int = Field(default=10, gt=0, description="minutes a planned stop stays at the gate")
    plan_kept_min: float | None = Field(
        default=None, gt=0, description="minutes within R that keep a planned stop (default: half the dwell)")
    plan_late_min: int = Field(default=10, ge=0, description="a kept stop first reached later than this is late")

    @property
    def cluster_dir(self) -> Path:
        """Data directory of the embedded cluster."""
        return self.home / "pgdata"


def secrets_url(path: Path) -> str | None:
    """The `[connections.postgis] url` of a Streamlit secrets file, if any."""
    if not path.is_file():
        return None
    with path.open("rb") as fh:
        data = tomllib.load(fh)
    return data.get("connections", {}).get("postgis", {}).get("url") or None


def configured_url(settings: Settings) -> str | None:
    """The external database URL the user configured, or None for the embedded cluster."""
    return settings.database_url or secrets_url(settings.secrets_file)


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """The process-wide settings."""
    return Settings()
