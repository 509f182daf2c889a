"""`policydiff report`: a self-contained HTML document, checked as text and as Chromium renders it."""

from __future__ import annotations

import re
import shutil
import struct
import subprocess
import sys
import zlib
from pathlib import Path

import pytest

import policydiff
from policydiff.cli.app import main

CASE = Path(__file__).parent / "cases" / "analyst"
BAOTOU = Path(__file__).resolve().parents[1] / "data"
HOSTILE = "<img src=x onerror=alert(1)>"
MORE_GREEN, LESS_RED = (0x1A, 0x7F, 0x37), (0xCF, 0x22, 0x2E)  # the bars' fill colours in the CSS
INSTALL = "needs headless Chromium and a CJK font: apt-get install chromium fonts-wqy-microhei"


def _hostile(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    folder.mkdir()
    for path in CASE.glob("targets_*.yaml"):
        text = path.read_text(encoding="utf-8").replace("name: 稀土产业产值", f"name: '{HOSTILE}稀土产业产值'")
        (folder / path.name).write_text(text, encoding="utf-8")
    return folder


def write_report(tmp_path: Path, data: Path = CASE, *extra: str) -> str:
    output = tmp_path / "report.html"
    assert main(["report", "2030", "2031", "--data-dir", str(data), "--output", str(output), *extra]) == 0
    return output.read_text(encoding="utf-8")


def test_self_contained_and_printable(tmp_path: Path) -> None:
    page = write_report(tmp_path)
    assert not re.search(r"""\b(?:src|href)\s*=|url\(|@import|<script|<link""", page, re.IGNORECASE)
    assert "print-color-adjust: exact" in page
    assert "WenQuanYi Micro Hei" in page and "Noto Sans CJK SC" in page
    for section in ("summary", "chart", "changes", "scorecard", "history"):
        assert f'<section id="{section}">' in page


def test_sections_hold_the_data(tmp_path: Path) -> None:
    page = write_report(tmp_path)
    assert page.count('class="change-row"') == 10  # every change of 2030 → 2031, unchanged and dropped too
    assert page.count('<rect class="bar ') == 4  # two rates, two levels raised or lowered
    assert 'class="bar more"' in page and 'class="bar less"' in page
    assert page.count('class="score-row"') == 9  # 2030's targets with an outcome
    assert "2030年测试市政府工作报告" in page  # source titles, not ids
    assert "wr-2030" not in page
    assert "<polyline" in page  # sparklines


def test_every_data_string_is_escaped(tmp_path: Path) -> None:
    page = write_report(tmp_path, _hostile(tmp_path))
    assert "<img" not in page
    assert "&lt;img src=x onerror=alert(1)&gt;稀土产业产值" in page


def test_markdown_format(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["report", "2030", "2031", "--data-dir", str(CASE), "--format", "markdown"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("# 测试市: targets 2030 → 2031")
    assert "\n## 测试市: 2030 targets against outcomes" in out and "\n### Met (4)" in out and "## Headline indicators over the years" in out


def test_report_code_is_imported_only_by_the_report_command() -> None:
    code = ("import sys; from policydiff.cli.app import main; "
            f"main(['scorecard', '2030', '--data-dir', {str(CASE)!r}, '--format', 'json']); "
            "sys.exit(3 if 'policydiff.render.html_report' in sys.modules else 0)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, timeout=60,
                            cwd=Path(__file__).resolve().parents[1])
    assert result.returncode == 0, result.stderr


def test_baotou_report(tmp_path: Path) -> None:
    output = tmp_path / "baotou.html"
    assert main(["report", "2024", "2025", "--data-dir", str(BAOTOU), "-o", str(output)]) == 0
    page = output.read_text(encoding="utf-8")
    summary = policydiff.compare(2024, 2025, data_dir=BAOTOU).summary()
    assert page.count('<rect class="bar ') == summary["raised"] + summary["lowered"]  # one bar per moved value
    assert "稀土产业产值" in page and "晶硅光伏产业产值" in page


# ---------------------------------------------------------------- in a real browser

def _chromium() -> str | None:
    return next((found for name in ("chromium", "chromium-browser") if (found := shutil.which(name))), None)


def _browser(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[bytes]:
    browser = _chromium()
    assert browser is not None
    profile = tmp_path / "profile"
    command = [browser, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
               "--disable-component-update", "--disable-sync", "--no-first-run", "--hide-scrollbars",
               f"--user-data-dir={profile}", *args]
    return subprocess.run(command, capture_output=True, timeout=120, env={"HOME": str(tmp_path), "PATH": "/usr/bin:/bin"})


def png_pixels(data: bytes) -> tuple[int, int, list[bytes]]:
    """Width, height and the RGB(A) rows of an 8-bit truecolour PNG (what Chromium writes)."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    position, idat, header = 8, b"", b""
    while position < len(data):
        length, kind = struct.unpack(">I4s", data[position:position + 8])
        body = data[position + 8:position + 8 + length]
        if kind == b"IHDR":
            header = body
        elif kind == b"IDAT":
            idat += body
        position += 12 + length
    width, height, depth, colour = struct.unpack(">IIBB", header[:10])
    assert depth == 8 and colour in (2, 6), "expected 8-bit RGB or RGBA"
    channels = 3 if colour == 2 else 4
    raw = zlib.decompress(idat)
    stride = width * channels
    rows: list[bytes] = []
    previous = bytearray(stride)
    for y in range(height):
        kind, line = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for i in range(stride):
            left = line[i - channels] if i >= channels else 0
            up, corner = previous[i], previous[i - channels] if i >= channels else 0
            if kind == 1:
                line[i] = (line[i] + left) & 0xFF
            elif kind == 2:
                line[i] = (line[i] + up) & 0xFF
            elif kind == 3:
                line[i] = (line[i] + (left + up) // 2) & 0xFF
            elif kind == 4:
                p = left + up - corner
                pa, pb, pc = abs(p - left), abs(p - up), abs(p - corner)
                line[i] = (line[i] + (left if pa <= pb and pa <= pc else up if pb <= pc else corner)) & 0xFF
        rows.append(bytes(line))
        previous = line
    return width, height, rows


def colours(rows: list[bytes], channels: int) -> set[tuple[int, int, int]]:
    return {tuple(row[i:i + 3]) for row in rows for i in range(0, len(row), channels)}  # type: ignore[misc]


@pytest.mark.skipif(_chromium() is None, reason=INSTALL)
def test_chromium_renders_chart_table_and_names(tmp_path: Path) -> None:
    write_report(tmp_path)
    url = (tmp_path / "report.html").as_uri()
    dumped = _browser(tmp_path, "--dump-dom", url)
    assert dumped.returncode == 0, dumped.stderr.decode(errors="replace")[-2000:]
    dom = dumped.stdout.decode("utf-8")
    assert len(re.findall(r'<rect class="bar (?:more|less)"', dom)) == 4  # the chart's shapes, as parsed
    assert len(re.findall(r"<polyline", dom)) >= 3
    assert len(re.findall(r'<tr class="change-row"', dom)) == 10
    for name in ("稀土产业产值", "晶硅光伏产业产值", "城镇调查失业率", "GDP growth"):
        assert name in dom


@pytest.mark.skipif(_chromium() is None, reason=INSTALL)
def test_chromium_screenshot_is_not_blank(tmp_path: Path) -> None:
    page = tmp_path / "report.html"
    write_report(tmp_path)
    shot = tmp_path / "shot.png"
    result = _browser(tmp_path, f"--screenshot={shot}", "--window-size=1100,900", page.as_uri())
    assert result.returncode == 0 and shot.is_file(), result.stderr.decode(errors="replace")[-2000:]
    width, height, rows = png_pixels(shot.read_bytes())
    assert (width, height) == (1100, 900)
    seen = colours(rows, len(rows[0]) // width)
    assert len(seen) > 16  # text, rules and bars: far from a blank page
    assert MORE_GREEN in seen and LESS_RED in seen  # both kinds of bar were painted
