"""QR codes of the prefilled links, made on the device with segno (pure
Python): a person scans theirs from the printout to reopen their check."""

from __future__ import annotations


def qr_svg(url: str) -> str:
    import segno

    # Medium error correction survives a smudged printout; a 4 px module
    # prints at ~1 mm, which phone cameras read easily.
    return segno.make(url, error="m").svg_inline(scale=4, title="扫码打开本人的自查", omitsize=False)
