"""Phone numbers are masked the same way in every export: the first 3 and last 4 digits stay."""

import pandas as pd
import pytest

from dashboard.exports.privacy import mask_frame, mask_phone, mask_text
from tests.exports.conftest import UNMASKED


@pytest.mark.parametrize(("raw", "masked"), [
    ("13912345554", "139****5554"), ("139-1234-5554", "139****5554"), ("139 1234 5554", "139****5554"),
    ("+86 139 1234 5554", "139****5554"), ("8613912345554", "139****5554"), ("0886-3621234", "088****1234"),
    ("12345", "****"), ("", ""), (None, ""), (float("nan"), ""), (13912345554, "139****5554")])
def test_mask_phone_keeps_three_and_four_digits(raw, masked):
    assert mask_phone(raw) == masked


def test_mask_text_masks_every_mobile_in_free_text_and_leaves_other_numbers():
    text = "家长13700001234、+86 138-0000-1111反映；学校标识码2153330101，日期20250316，金额12345678901234"
    out = mask_text(text)
    assert "137****1234" in out and "138****1111" in out
    assert "2153330101" in out and "20250316" in out and "12345678901234" in out
    assert not UNMASKED.search(out)


def test_mask_frame_masks_text_cells_only():
    frame = pd.DataFrame({"who": ["张警官 13912345554", None], "n": [13, 14]})
    out = mask_frame(frame)
    assert out["who"].tolist()[0] == "张警官 139****5554" and out["who"].isna().tolist()[1]
    assert out["n"].tolist() == [13, 14] and frame["who"][0].endswith("5554") and "****" not in frame["who"][0]
