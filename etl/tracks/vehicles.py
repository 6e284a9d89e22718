"""The vehicles of one track file: a small integer code per distinct vehicle id, in order of first appearance."""

from __future__ import annotations

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

MAX_VEHICLE = 40  # vehicle.vehicle_id is varchar(40)


def valid(name: str) -> bool:
    """Whether a (stripped) vehicle id can be stored."""
    return bool(name) and len(name) <= MAX_VEHICLE and "\x00" not in name


class Vehicles:
    """Codes for vehicle ids; `names[code]` is the id, codes are dense from 0."""

    def __init__(self) -> None:
        """No vehicle yet."""
        self.names: list[str] = []
        self._codes: dict[str, int] = {}

    def code(self, name: str) -> int:
        """The code of a valid vehicle id, given one the first time it is seen."""
        code = self._codes.get(name)
        if code is None:
            code = self._codes[name] = len(self.names)
            self.names.append(name)
        return code

    def codes(self, column: pa.Array, encoding: str) -> np.ndarray:
        """The code of each raw value of a column (-1 where the stripped text is no valid vehicle id)."""
        encoded = column if isinstance(column, pa.DictionaryArray) else pc.dictionary_encode(column)
        names = [raw.decode(encoding).strip() for raw in encoded.dictionary.to_pylist()]
        lookup = np.array([self.code(n) if valid(n) else -1 for n in names] or [-1], np.int32)
        return lookup[encoded.indices.to_numpy(zero_copy_only=False)]
