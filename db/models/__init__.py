"""All core tables; import this package to get the complete metadata."""

from db.models.access import AppSecret, AppUser, AuditLog
from db.models.base import Base
from db.models.derived import Presence
from db.models.field import Activity, Hazard, Road, RoadWork, TrackPoint, TrafficSign, Vehicle
from db.models.history import SchoolFour100
from db.models.marts import PatrolPathGrid, PresenceDay
from db.models.meta import EtlRun, Holiday, SchoolTerm
from db.models.plans import (
    PatrolPlan,
    PatrolPlanCheck,
    PatrolPlanRoute,
    PatrolPlanStop,
    PatrolPlanUncovered,
    VehicleUnavailable,
)
from db.models.register import County, LiaisonAssignment, Officer, PoliceUnit, School
from db.models.retention import TrackRetention
from db.models.routing import RoadEdge, RoadVertex  # noqa: F401 (registers the network tables)
from db.models.rules import SignRule, Township

__all__ = [
    "Activity",
    "AppSecret",
    "AppUser",
    "AuditLog",
    "Base",
    "County",
    "EtlRun",
    "Hazard",
    "Holiday",
    "LiaisonAssignment",
    "Officer",
    "PatrolPathGrid",
    "PatrolPlan",
    "PatrolPlanCheck",
    "PatrolPlanRoute",
    "PatrolPlanStop",
    "PatrolPlanUncovered",
    "PoliceUnit",
    "Presence",
    "PresenceDay",
    "Road",
    "RoadWork",
    "School",
    "SchoolFour100",
    "SchoolTerm",
    "SignRule",
    "Township",
    "TrackPoint",
    "TrackRetention",
    "TrafficSign",
    "Vehicle",
    "VehicleUnavailable",
]
