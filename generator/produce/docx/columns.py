"""Column widths for a Word table: takes a `Table` (its widths as the producer chose them),
gives widths in which no word of any cell has to break. Word and LibreOffice break a word
that is wider than its column inside the word ("Thàn|h viên" in a 10 mm column of the yearly
report); the PDF twin lays out its own table and never does. A column narrower than its
longest word (a header's in bold) takes what it lacks from the columns that have room to
spare, in proportion to that room; the table's width does not change."""

from __future__ import annotations

from generator.produce.docx.document import Table
from generator.produce.printing.headings import PT_PER_MM, text_width

PAD_MM = 1.2  # each side of a cell (the table's cell margins, in writer._table)
ROOM_MM = 0.8  # what a renderer's own rounding may take


def _longest_word(cells) -> str:
    return max((word for cell in cells for word in cell.split()), key=len, default="")


def word_room(table: Table, column: int) -> float:
    """Millimetres the column needs for its longest word, header (bold) or body."""
    header = max((text_width(w, table.size, bold=True) for w in table.headers[column].split()), default=0.0)
    body_word = _longest_word(row[column] for row in table.rows if column < len(row))
    body = text_width(body_word, table.size, bold=False) if body_word else 0.0
    return max(header, body) / PT_PER_MM + 2 * PAD_MM + ROOM_MM


def fitted_widths(table: Table) -> list[float]:
    widths = list(table.widths)
    need = [word_room(table, c) for c in range(len(widths))]
    lacking = sum(max(n - w, 0.0) for w, n in zip(widths, need))
    if lacking <= 0:
        return widths
    spare = [max(w - n, 0.0) for w, n in zip(widths, need)]
    if sum(spare) < lacking:
        return widths  # no layout keeps every word whole: leave the producer's choice
    share = lacking / sum(spare)
    return [max(n, w) if w < n else w - s * share for w, n, s in zip(widths, need, spare)]


__all__ = ["fitted_widths", "word_room"]
