"""The routable road network: rebuilt from `road`, travel times and paths between points along it."""

from db.routing.network import NetworkSize, rebuild_network
from db.routing.paths import Attachment, attachment, route_geometry, travel_matrix

__all__ = ["Attachment", "NetworkSize", "attachment", "rebuild_network", "route_geometry", "travel_matrix"]
