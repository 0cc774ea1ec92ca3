"""QR codes of the prefilled links, made on the device with segno (pure
Python): a person scans theirs from the printout to reopen their check."""

from __future__ import annotations


def qr_svg(url: str) -> str:
    import segno

    # Medium error correction survives a smudged printout. A fixed mask skips
    # scoring all eight (4× faster: a print of many people waits on this; the
    # tests decode the printed codes). No fixed size (a viewBox instead), so the
    # print style sets it: ~1 mm per module reads easily with a phone camera.
    return segno.make(url, error="m", mask=0).svg_inline(omitsize=True, title="扫码打开本人的自查")
