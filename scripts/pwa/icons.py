#!/usr/bin/env python3
"""Draws Vestnik's app icons (the emblem: a shield with a star) and writes the web app
manifest, so the icons and the manifest's colours come from one place.

    python3 scripts/pwa/icons.py        # or: make icons (Pillow in a local venv)

Writes public/icons/*.png and public/manifest.webmanifest. Deterministic.
"""

import json
import math
from pathlib import Path

from PIL import Image, ImageDraw

ROOT = Path(__file__).resolve().parents[2]
PUBLIC = ROOT / "public"

# The site config's default colours (style/base.css: --color-brand, --color-bg).
THEME = "#1d4d3a"
BACKGROUND = "#ffffff"
GOLD = (201, 166, 70)
GREEN = (29, 77, 58)

MANIFEST = {
    "name": "Вестник — новости пресс-службы",
    "short_name": "Вестник",
    "description": "Новости пресс-службы: лента, архив, фотографии. Работает и без сети.",
    "lang": "ru",
    "dir": "ltr",
    "start_url": "./",
    "scope": "./",
    "id": "./",
    "display": "standalone",
    "orientation": "any",
    "theme_color": THEME,
    "background_color": BACKGROUND,
    "categories": ["news", "government"],
    "icons": [
        {"src": "icons/icon-192.png", "sizes": "192x192", "type": "image/png", "purpose": "any"},
        {"src": "icons/icon-512.png", "sizes": "512x512", "type": "image/png", "purpose": "any"},
        {"src": "icons/icon-maskable-512.png", "sizes": "512x512", "type": "image/png", "purpose": "maskable"},
    ],
}

def shield(draw, cx, cy, size, fill, outline):
    """The emblem in a box of `size` centred at (cx, cy), drawn from the 64-unit SVG."""
    s = size / 64

    def bezier(p0, c, p1, n=16):
        return [
            ((1 - t) ** 2 * p0[0] + 2 * (1 - t) * t * c[0] + t * t * p1[0],
             (1 - t) ** 2 * p0[1] + 2 * (1 - t) * t * c[1] + t * t * p1[1])
            for t in (i / n for i in range(1, n + 1))
        ]

    pts = [(32, 3), (57, 11), (57, 31)]
    pts += bezier((57, 31), (57, 52), (32, 61))
    pts += bezier((32, 61), (7, 52), (7, 31))
    pts += [(7, 11)]
    poly = [(cx + (x - 32) * s, cy + (y - 32) * s) for x, y in pts]
    draw.polygon(poly, fill=fill, outline=outline, width=max(2, round(3 * s)))

    star = []
    for k in range(10):
        r = 12 if k % 2 == 0 else 5
        a = -math.pi / 2 + k * math.pi / 5
        star.append((cx + r * s * math.cos(a), cy + (28.5 - 32) * s + r * s * math.sin(a)))
    draw.polygon(star, fill=GOLD)
    draw.rounded_rectangle([cx - 12 * s, cy + 12 * s, cx + 12 * s, cy + 15 * s], radius=1.5 * s, fill=GOLD)

def icon(size, maskable=False, background=None):
    img = Image.new("RGBA", (size, size), background or (0, 0, 0, 0))
    draw = ImageDraw.Draw(img)
    if maskable:
        # Full-bleed brand colour; the emblem inside the 80 % safe zone.
        draw.rectangle([0, 0, size, size], fill=GREEN)
        shield(draw, size / 2, size / 2, size * 0.62, fill=GREEN, outline=GOLD)
    else:
        draw.rounded_rectangle([0, 0, size - 1, size - 1], radius=size * 0.18, fill=GREEN)
        shield(draw, size / 2, size / 2, size * 0.78, fill=GREEN, outline=GOLD)
    return img

def main():
    out = PUBLIC / "icons"
    out.mkdir(parents=True, exist_ok=True)
    icon(192).save(out / "icon-192.png", optimize=True)
    icon(512).save(out / "icon-512.png", optimize=True)
    icon(512, maskable=True).save(out / "icon-maskable-512.png", optimize=True)
    # iOS ignores transparency: an opaque square.
    icon(180, background=(255, 255, 255, 255)).convert("RGB").save(out / "apple-touch-icon.png", optimize=True)
    (PUBLIC / "manifest.webmanifest").write_text(json.dumps(MANIFEST, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print("icons and manifest written")

if __name__ == "__main__":
    main()
