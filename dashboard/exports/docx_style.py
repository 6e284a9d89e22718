"""Word building blocks in the style of the bureau's documents (python-docx): 小标宋 title, 黑体 headings,
仿宋 body with a two-character indent, ruled tables, figures with captions."""

from __future__ import annotations

import io
from collections.abc import Sequence

from docx import Document
from docx.document import Document as DocumentType
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor
from docx.text.run import Run

from dashboard.exports.privacy import mask_text

TITLE_FONT, HEADING_FONT, BODY_FONT = "方正小标宋简体", "黑体", "仿宋_GB2312"
KAI_FONT, TABLE_FONT = "楷体_GB2312", "宋体"
BODY_PT, TABLE_PT = 16, 10.5


def font(run: Run, name: str, size: float, bold: bool = False) -> Run:
    """Set a run's Chinese (eastAsia) and Latin font, size and weight."""
    run.font.name, run.font.size, run.font.bold = "Times New Roman", Pt(size), bold
    run.font.color.rgb = RGBColor(0, 0, 0)
    run._element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), name)
    return run


def new_document() -> DocumentType:
    """An A4 document with the margins of official documents and 仿宋 三号 as its normal text."""
    doc = Document()
    section = doc.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.top_margin, section.bottom_margin, section.left_margin, section.right_margin = (
        Cm(3.7), Cm(3.5), Cm(2.8), Cm(2.6))
    normal = doc.styles["Normal"]
    normal.font.name, normal.font.size = "Times New Roman", Pt(BODY_PT)
    normal.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), BODY_FONT)
    title_format = doc.styles["Title"].element.get_or_add_pPr()
    for border in title_format.findall(qn("w:pBdr")):  # the template's blue rule under the title
        title_format.remove(border)
    return doc


def paragraph(doc: DocumentType, text: str, face: str = BODY_FONT, size: float = BODY_PT, bold: bool = False,
              centre: bool = False, indent: bool = True, style: str | None = None) -> None:
    """One paragraph (text masked), fixed 28-pt lines, indented two characters unless centred."""
    p = doc.add_paragraph(style=style)
    p.paragraph_format.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    p.paragraph_format.line_spacing = Pt(max(28, size * 1.5))
    p.paragraph_format.space_after = Pt(0)
    if centre:
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    elif indent:
        p.paragraph_format.first_line_indent = Pt(size * 2)
    font(p.add_run(mask_text(text)), face, size, bold)


def title(doc: DocumentType, text: str, subtitle: str) -> None:
    """The document's title (二号 小标宋) and the period under it (楷体)."""
    paragraph(doc, text, TITLE_FONT, 22, centre=True, style="Title")
    paragraph(doc, subtitle, KAI_FONT, BODY_PT, centre=True)


def heading(doc: DocumentType, text: str) -> None:
    """A first-level heading (一、…) in 黑体, as a Word heading for the navigation pane."""
    paragraph(doc, text, HEADING_FONT, BODY_PT, style="Heading 1")
    doc.paragraphs[-1].paragraph_format.space_before = Pt(6)


def _shade(cell: object, fill: str) -> None:
    """Background colour of a table cell."""
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:fill"), fill)
    cell._tc.get_or_add_tcPr().append(shading)  # type: ignore[attr-defined]


def table(doc: DocumentType, caption: str, header: Sequence[str], rows: Sequence[Sequence[object]],
          total: bool = True) -> None:
    """A captioned, ruled table: bold shaded header, 五号 宋体 cells, the last row bold when it is a total."""
    paragraph(doc, caption, HEADING_FONT, TABLE_PT + 1, centre=True)
    grid = doc.add_table(rows=1 + len(rows), cols=len(header))
    grid.style, grid.alignment = "Table Grid", WD_TABLE_ALIGNMENT.CENTER
    for r, values in enumerate([header, *rows]):
        for c, value in enumerate(values):
            cell = grid.cell(r, c)
            cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
            bold = r == 0 or (total and r == len(rows))
            font(cell.paragraphs[0].add_run(mask_text(value)), TABLE_FONT, TABLE_PT, bold)
            if r == 0:
                _shade(cell, "DCE6F1")


def figure(doc: DocumentType, png: bytes, caption: str, width_cm: float = 15.5) -> None:
    """A picture at the text width and its caption."""
    doc.add_picture(io.BytesIO(png), width=Cm(width_cm))
    doc.paragraphs[-1].alignment = WD_ALIGN_PARAGRAPH.CENTER
    paragraph(doc, caption, HEADING_FONT, TABLE_PT + 1, centre=True)
