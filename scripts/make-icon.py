#!/usr/bin/env python3
"""Draws the program's icon and writes assets/icon.ico (Windows: the program file, the taskbar)
and assets/icon.png (the window's icon, the Linux .desktop entry).

The picture: three caseload bars on a blue tile, crossed by an amber target line, the middle bar
over it. Every edge lies on a 16 x 16 grid, so the 16 and 32 pixel sizes are sharp, not blurred.
Standard library only; run `python3 scripts/make-icon.py` after changing the drawing and commit
both files.
"""

import struct
import zlib
from pathlib import Path

TILE = (0x1D, 0x5C, 0x78, 0xFF)  # deep blue
BAR = (0xFF, 0xFF, 0xFF, 0xFF)
TARGET = (0xF2, 0xA9, 0x3B, 0xFF)  # amber, as the app's "over target"
CORNER = 3  # tile corner radius, in sixteenths

# (left, top, right, bottom) in sixteenths of the icon, drawn in order.
BARS = [(3, 8, 5, 13), (7, 4, 9, 13), (11, 9, 13, 13)]
TARGET_LINE = (2, 6, 14, 7)


def inside_tile(x, y):
    """Is the point (in sixteenths) inside the rounded tile?"""
    if not (0 <= x < 16 and 0 <= y < 16):
        return False
    cx = min(max(x, CORNER), 16 - CORNER)
    cy = min(max(y, CORNER), 16 - CORNER)
    return (x - cx) ** 2 + (y - cy) ** 2 <= CORNER**2


def colour_at(x, y):
    """The colour at a point (in sixteenths), or None outside the icon."""
    if not inside_tile(x, y):
        return None
    colour = TILE
    for left, top, right, bottom in BARS:
        if left <= x < right and top <= y < bottom:
            colour = BAR
    left, top, right, bottom = TARGET_LINE
    if left <= x < right and top <= y < bottom:
        colour = TARGET
    return colour


def render(size):
    """RGBA rows, top first; each pixel averages 4 x 4 samples (only the corners need it)."""
    samples = 4
    rows = []
    for py in range(size):
        row = []
        for px in range(size):
            acc = [0, 0, 0, 0]
            for sy in range(samples):
                for sx in range(samples):
                    x = (px + (sx + 0.5) / samples) * 16 / size
                    y = (py + (sy + 0.5) / samples) * 16 / size
                    c = colour_at(x, y)
                    if c:
                        for i in range(3):
                            acc[i] += c[i] * c[3]
                        acc[3] += c[3]
            n = samples * samples
            alpha = acc[3] / n
            if acc[3]:
                rgb = [round(acc[i] / acc[3]) for i in range(3)]
            else:
                rgb = [0, 0, 0]
            row.append((*rgb, round(alpha)))
        rows.append(row)
    return rows


def png(rows):
    size = len(rows)
    raw = b"".join(b"\x00" + bytes(v for px in row for v in px) for row in rows)

    def chunk(kind, data):
        return (
            struct.pack(">I", len(data))
            + kind
            + data
            + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
        )

    header = struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(raw, 9))
        + chunk(b"IEND", b"")
    )


def dib(rows):
    """A 32-bit BMP as an icon holds it: bottom row first, BGRA, then a 1-bit AND mask."""
    size = len(rows)
    header = struct.pack("<IiiHHIIiiII", 40, size, size * 2, 1, 32, 0, 0, 0, 0, 0, 0)
    pixels = b"".join(
        bytes((b, g, r, a)) for row in reversed(rows) for (r, g, b, a) in row
    )
    mask_stride = ((size + 31) // 32) * 4
    mask = bytearray()
    for row in reversed(rows):
        bits = bytearray(mask_stride)
        for x, px in enumerate(row):
            if px[3] == 0:
                bits[x // 8] |= 0x80 >> (x % 8)
        mask += bits
    return header + pixels + bytes(mask)


def ico(images):
    """An .ico holding each (size, bytes) image; sizes of 256 are written as 0."""
    out = struct.pack("<HHH", 0, 1, len(images))
    offset = 6 + 16 * len(images)
    for size, data in images:
        dim = 0 if size >= 256 else size
        out += struct.pack("<BBBBHHII", dim, dim, 0, 0, 1, 32, len(data), offset)
        offset += len(data)
    return out + b"".join(data for _, data in images)


def main():
    assets = Path(__file__).resolve().parent.parent / "assets"
    images = []
    for size in (16, 24, 32, 48, 64):
        images.append((size, dib(render(size))))
    big = png(render(256))
    images.append((256, big))
    (assets / "icon.ico").write_bytes(ico(images))
    (assets / "icon.png").write_bytes(big)
    print(f"wrote {assets / 'icon.ico'} and {assets / 'icon.png'}")


if __name__ == "__main__":
    main()
