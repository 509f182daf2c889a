"""An Excel workbook of a comparison: a sheet of changes, numbers as numbers, frozen header,
filters on. XlsxWriter is imported only here, so only `--format xlsx` / `-o r.xlsx` pays for it."""

from __future__ import annotations

import io
from typing import Any

from policydiff.comparison.report import RECORD_FIELDS, STATUS_ORDER, Report
from policydiff.render import text
from policydiff.render.options import RenderOptions

_WIDTHS = {"status": 11, "sector": 14, "from_name": 28, "to_name": 28, "from_name_en": 28, "to_name_en": 28,
           "notes": 40}


def render_xlsx(report: Report, options: RenderOptions) -> bytes:
    import xlsxwriter

    buffer = io.BytesIO()
    # constant_memory off: autofilter and column widths need the whole sheet; strings_to_*: a
    # name that looks like a number, URL or formula stays text
    workbook = xlsxwriter.Workbook(buffer, {"in_memory": True, "strings_to_numbers": False,
                                            "strings_to_formulas": False, "strings_to_urls": False})
    header = workbook.add_format({"bold": True, "bottom": 1})
    sheet = workbook.add_worksheet("changes")
    records = report.to_records()
    for column, name in enumerate(RECORD_FIELDS):
        sheet.write_string(0, column, name, header)
        sheet.set_column(column, column, _WIDTHS.get(name, 12))
    for row, record in enumerate(records, start=1):
        for column, name in enumerate(RECORD_FIELDS):
            _write(sheet, row, column, record[name])
    sheet.freeze_panes(1, 0)
    sheet.autofilter(0, 0, max(len(records), 1), len(RECORD_FIELDS) - 1)

    summary = workbook.add_worksheet("summary")
    summary.write_string(0, 0, "region", header)
    summary.write_string(0, 1, text.spreadsheet_cell(report.region))
    summary.write_string(1, 0, "years", header)
    summary.write_string(1, 1, f"{report.from_year} → {report.to_year}")
    counts = report.summary()
    for offset, status in enumerate(STATUS_ORDER, start=3):
        summary.write_string(offset, 0, status.value)
        summary.write_number(offset, 1, counts[status.value])
    for offset, line in enumerate(report.coverage.messages(str(report.from_year), str(report.to_year)),
                                  start=4 + len(STATUS_ORDER)):
        summary.write_string(offset, 0, text.spreadsheet_cell(line))
    workbook.close()
    return buffer.getvalue()


def _write(sheet: Any, row: int, column: int, value: Any) -> None:
    if value is None:
        return
    if isinstance(value, bool):
        sheet.write_boolean(row, column, value)
    elif isinstance(value, (int, float)):
        sheet.write_number(row, column, value)
    else:
        sheet.write_string(row, column, text.spreadsheet_cell(str(value)))
