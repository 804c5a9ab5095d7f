#!/usr/bin/env python3
"""Renders resources/icons/icon.svg into the files the installers use:
512x512.png and 256x256.png (Linux), icon.ico (Windows: PNG entries 16 to 256)
and icon.icns (macOS: PNG entries 128 to 1024). Needs rsvg-convert (Debian:
librsvg2-bin). Run it after changing the SVG: python3 scripts/build-icons.py"""
import struct
import subprocess
from pathlib import Path

icons = Path(__file__).resolve().parent.parent / "resources" / "icons"
svg = icons / "icon.svg"


def png(size: int) -> bytes:
    return subprocess.run(
        ["rsvg-convert", "-w", str(size), "-h", str(size), str(svg)], check=True, capture_output=True
    ).stdout


for size in (512, 256):
    (icons / f"{size}x{size}.png").write_bytes(png(size))

# ICO: header, one directory entry per image (width/height 0 means 256), then the PNGs.
ico_sizes = (16, 24, 32, 48, 64, 128, 256)
images = [png(s) for s in ico_sizes]
offset = 6 + 16 * len(images)
entries = b""
for size, data in zip(ico_sizes, images):
    entries += struct.pack("<BBBBHHII", size % 256, size % 256, 0, 0, 1, 32, len(data), offset)
    offset += len(data)
(icons / "icon.ico").write_bytes(struct.pack("<HHH", 0, 1, len(images)) + entries + b"".join(images))

# ICNS: "icns" + total length, then (type, length, PNG) chunks.
chunks = b"".join(
    kind + struct.pack(">I", 8 + len(data)) + data
    for kind, data in ((b"ic07", png(128)), (b"ic08", png(256)), (b"ic09", png(512)), (b"ic10", png(1024)))
)
(icons / "icon.icns").write_bytes(b"icns" + struct.pack(">I", 8 + len(chunks)) + chunks)
print(f"icons written to {icons}")
