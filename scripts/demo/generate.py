#!/usr/bin/env python3
"""Generates Vestnik's demo backend under public/api/ (JSON and photos) and public/config.json.

Deterministic: the same script gives the same JSON every run (photos depend only on the
Pillow version). Run it with `make demo`; the output is committed so nobody needs Pillow
to build, run or test Vestnik. `--items 10000` makes a large archive over the same years
(to measure publishing: docs/deploy.md); its output is not committed. `--hold-back N`
leaves out the newest N news: the same archive as it was before they were published.

    python3 scripts/demo/generate.py [--out public] [--items N] [--hold-back N]
"""

import argparse
import datetime as dt
import json
import math
import random
import shutil
from pathlib import Path

from PIL import Image, ImageDraw, ImageFilter

import stories

TZ = dt.timezone(dt.timedelta(hours=7))  # Kemerovo
PAGE_SIZE = 10
ITEMS = 156
FULL = (1200, 800)
SMALL = (480, 320)
POOL = 24

SEED_TITLE = ("Кузбасс и ГУФСИН подвели итоги сотрудничества с муниципалитетами: "
              "280 контрактов на 143 миллиона рублей")
SEED_SUMMARY = ("Муниципалитеты Кузбасса в 2020 году заключили с исправительными учреждениями "
                "региона 280 контрактов на 143 миллиона рублей — в полтора раза больше, чем годом ранее.")
SEED_BODY = """<p>По итогам 2020 года муниципальные образования Кузбасса заключили с исправительными учреждениями региона <strong>280 контрактов общей стоимостью 143 миллиона рублей</strong> — примерно в полтора раза больше, чем годом ранее. Итоги совместной работы обсудили на совещании в Администрации Правительства Кузбасса.</p>
<p>Во встрече участвовали заместитель губернатора Кузбасса, руководство ГУФСИН России по Кемеровской области — Кузбассу и руководители профильных департаментов регионального правительства.</p>
<p>Главным направлением сотрудничества в этом году стала металлообработка. По заказам городов и районов учреждения изготавливают:</p>
<ul>
<li>контейнеры для мусора и урны;</li>
<li>парковые скамейки и ограждения;</li>
<li>другие элементы городского благоустройства.</li>
</ul>
<p>Отдельно заключены контракты более чем на 57 миллионов рублей на сборку и монтаж спортивных площадок.</p>
<p>Растёт и спрос на швейную продукцию — специальную одежду, постельное бельё, шторы и жалюзи, — а также на продукты питания: молоко, сливочное масло, творог, колбасные изделия и овощи. Новые заказы позволили в этом году дополнительно обеспечить работой <strong>295 осуждённых</strong>.</p>
<p>Участники совещания обсудили и закупки через специализированные электронные площадки. Перечень товаров и услуг учреждений УИС Кузбасса размещён в интернете в соответствии с постановлением Правительства РФ № 1292 от 23.12.2013. За десять месяцев через такие площадки заключено <strong>13 контрактов более чем на 7 миллионов рублей</strong>.</p>
<p>Стороны отметили, что руководство региона уделяет взаимодействию уголовно-исполнительной системы и муниципалитетов большое внимание, и договорились продолжить совместную работу.</p>"""
SEED_SIGNATURE = "Пресс-служба ГУФСИН России по Кемеровской области-Кузбассу"
SEED_PUBLISHED = dt.datetime(2020, 12, 1, 9, 30, tzinfo=TZ)
SEED_UPDATED = dt.datetime(2020, 12, 1, 9, 56, tzinfo=TZ)

FIRST = dt.date(2020, 1, 9)
LAST = dt.date(2024, 11, 27)
EMPTY_MONTHS = {(2020, 5), (2021, 7), (2022, 1), (2022, 8), (2023, 8), (2024, 5)}
# Days that carry several news at once (besides the seed day).
BUSY_DAYS = [dt.date(2021, 3, 16), dt.date(2022, 6, 9), dt.date(2023, 12, 26), dt.date(2024, 11, 1)]


def iso(moment):
    return moment.isoformat(timespec="seconds")


# ---------------------------------------------------------------- photos

def lerp(a, b, t):
    return tuple(int(a[i] + (b[i] - a[i]) * t) for i in range(3))


PALETTES = [
    # sky top, sky bottom, ground, buildings
    ((70, 120, 190), (190, 215, 240), (90, 130, 70), (150, 150, 160)),     # summer
    ((110, 140, 180), (220, 225, 235), (235, 240, 245), (120, 110, 105)),  # winter
    ((200, 120, 80), (245, 200, 140), (120, 100, 70), (90, 80, 90)),       # evening
    ((90, 110, 130), (170, 180, 190), (140, 120, 80), (170, 160, 150)),    # autumn
]


def scene(index, size, seed):
    rnd = random.Random(seed)
    w, h = size
    sky_top, sky_bottom, ground, building = PALETTES[index % len(PALETTES)]
    img = Image.new("RGB", size)
    d = ImageDraw.Draw(img)
    horizon = int(h * rnd.uniform(0.55, 0.7))
    for y in range(horizon):
        d.line([(0, y), (w, y)], fill=lerp(sky_top, sky_bottom, y / horizon))
    for y in range(horizon, h):
        d.line([(0, y), (w, y)], fill=lerp(ground, tuple(c // 2 for c in ground), (y - horizon) / (h - horizon)))
    sun_x, sun_y, r = rnd.randint(w // 8, w - w // 8), rnd.randint(h // 10, horizon // 2), h // 14
    d.ellipse([sun_x - r, sun_y - r, sun_x + r, sun_y + r], fill=(255, 236, 180))
    x = rnd.randint(-w // 10, w // 20)
    while x < w:
        bw, bh = rnd.randint(w // 10, w // 4), rnd.randint(h // 8, int(h * 0.4))
        shade = tuple(max(0, min(255, c + rnd.randint(-25, 25))) for c in building)
        d.rectangle([x, horizon - bh, x + bw, horizon + 4], fill=shade)
        for wy in range(horizon - bh + 12, horizon - 12, 26):
            for wx in range(x + 10, x + bw - 14, 24):
                lit = rnd.random() < 0.35
                d.rectangle([wx, wy, wx + 10, wy + 12], fill=(250, 230, 150) if lit else tuple(c - 30 for c in shade))
        x += bw + rnd.randint(8, w // 12)
    for _ in range(rnd.randint(3, 7)):
        tx = rnd.randint(0, w)
        th = rnd.randint(h // 10, h // 5)
        d.rectangle([tx - 4, horizon - th // 3, tx + 4, horizon + 6], fill=(80, 60, 40))
        d.ellipse([tx - th // 3, horizon - th, tx + th // 3, horizon - th // 4], fill=(50 + rnd.randint(0, 40), 100, 50))
    return img.filter(ImageFilter.SMOOTH)


def people(size, seed):
    """A meeting-room scene: a long table with figures around it."""
    rnd = random.Random(seed)
    w, h = size
    img = Image.new("RGB", size, (225, 220, 210))
    d = ImageDraw.Draw(img)
    for y in range(h // 2):
        d.line([(0, y), (w, y)], fill=lerp((205, 210, 220), (230, 225, 215), y / (h / 2)))
    d.rectangle([0, int(h * 0.62), w, h], fill=(150, 110, 80))
    for i in range(3):
        wx = int(w * (0.15 + i * 0.3))
        d.rectangle([wx, int(h * 0.1), wx + w // 6, int(h * 0.4)], fill=(190, 215, 240), outline=(240, 240, 240), width=6)
    d.polygon([(w * 0.1, h * 0.75), (w * 0.9, h * 0.75), (w * 0.8, h * 0.58), (w * 0.2, h * 0.58)], fill=(120, 80, 55))
    for i in range(rnd.randint(5, 8)):
        px = int(w * (0.18 + i * 0.09)) + rnd.randint(-10, 10)
        py = int(h * 0.5)
        suit = rnd.choice([(40, 50, 70), (60, 60, 60), (30, 70, 60), (90, 40, 40)])
        d.ellipse([px - 22, py - 70, px + 22, py - 26], fill=(235, 200, 170))
        d.rounded_rectangle([px - 38, py - 24, px + 38, py + 60], radius=18, fill=suit)
    d.rectangle([int(w * 0.42), int(h * 0.15), int(w * 0.58), int(h * 0.22)], fill=(40, 60, 110))
    return img.filter(ImageFilter.SMOOTH)


def save_photo(img, out_dir, name):
    full = out_dir / f"{name}.webp"
    small = out_dir / f"{name}-480.webp"
    img.save(full, "WEBP", quality=62, method=6)
    img.resize(SMALL, Image.LANCZOS).save(small, "WEBP", quality=65, method=6)


def photo_entry(name, alt, caption=None):
    entry = {
        "src": f"media/{name}.webp",
        "width": FULL[0],
        "height": FULL[1],
        "alt": alt,
        "sizes": [{"src": f"media/{name}-480.webp", "width": SMALL[0], "height": SMALL[1]}],
    }
    if caption:
        entry["caption"] = caption
    return entry


def thumb_entry(name, alt):
    return {"src": f"media/{name}-480.webp", "width": SMALL[0], "height": SMALL[1], "alt": alt}


# ---------------------------------------------------------------- news

def spread_dates(rnd, items):
    """items-1 moments between FIRST and LAST, uneven, with busy days and empty months."""
    moments = []
    for day in BUSY_DAYS:
        for _ in range(rnd.randint(3, 4)):
            moments.append(day)
    moments += [SEED_PUBLISHED.date()] * 2  # two more news on the seed's day
    span = (LAST - FIRST).days
    while len(moments) < items - 1:
        # Denser towards the end, as press services publish more over the years.
        t = rnd.random() ** 0.8
        day = FIRST + dt.timedelta(days=int(t * span))
        if (day.year, day.month) in EMPTY_MONTHS or day.weekday() == 6:
            continue
        moments.append(day)
    moments = moments[: items - 1]
    out = []
    for day in moments:
        hour, minute = rnd.randint(8, 17), rnd.choice([0, 5, 10, 15, 20, 30, 40, 45, 50])
        out.append(dt.datetime(day.year, day.month, day.day, hour, minute, tzinfo=TZ))
    out.append(dt.datetime(LAST.year, LAST.month, LAST.day, 16, 20, tzinfo=TZ))
    out = set(out)
    # A large archive: moments that fell together are one; draw more until there are enough.
    while items > ITEMS and len(out) < items:
        t = rnd.random() ** 0.8
        day = FIRST + dt.timedelta(days=int(t * span))
        if (day.year, day.month) not in EMPTY_MONTHS and day.weekday() != 6:
            out.add(dt.datetime(day.year, day.month, day.day, rnd.randint(8, 17), rnd.randint(0, 59), tzinfo=TZ))
    return sorted(out)


def fill(text, slots):
    return text.format(**slots)


def make_story(rnd, used_titles, repeats=False):
    """A story whose title is new, or may repeat one (`repeats`): the stories hold a few
    hundred distinct titles, fewer than a large archive's news."""
    while True:
        rubric, title, summary, paragraphs = rnd.choice(stories.STORIES)
        # Colonies (feminine) only where the institution is the subject of the verb.
        subjects = [i for i in stories.INSTITUTIONS if i[0].startswith("ИК")]
        inst, where = rnd.choice(subjects if title.startswith("{inst}") else stories.INSTITUTIONS)
        city, city_where, city_gen = rnd.choice(stories.CITIES)
        slots = {
            "inst": inst, "where": where, "city": city, "city_where": city_where,
            "city_gen": city_gen, "sport": rnd.choice(stories.SPORTS),
            "product": rnd.choice(stories.PRODUCTS), "product2": rnd.choice(["постельное бельё", "спецодежду для дорожных служб", "шторы и жалюзи", "медицинские халаты"]),
            "holiday": rnd.choice(stories.HOLIDAYS), "profession": rnd.choice(stories.PROFESSIONS),
            "n": rnd.randint(4, 60), "place": rnd.choice(["первое", "второе", "третье"]),
            "pct": rnd.randint(5, 35), "teams": rnd.randint(4, 12), "books": rnd.randint(30, 150) * 100,
        }
        t = fill(title, slots)
        if t in used_titles and not repeats:
            continue
        used_titles.add(t)
        t = t[0].upper() + t[1:]
        body = "\n".join(f"<p>{fill(p, slots)}</p>" for p in paragraphs)
        return rubric, t, fill(summary, slots), body


def build(out, items=ITEMS, hold_back=0):
    rnd = random.Random(20201201)
    api = out / "api"
    if api.exists():
        shutil.rmtree(api)
    media = api / "media"
    media.mkdir(parents=True)

    for i in range(POOL):
        save_photo(scene(i, FULL, 1000 + i), media, f"photo-{i + 1:02d}")
    for i in range(4):
        save_photo(people(FULL, 500 + i), media, f"meeting-{i + 1}")
    shutil.copy(Path(__file__).with_name("emblem.svg"), media / "emblem.svg")

    moments = spread_dates(rnd, items)
    used = {SEED_TITLE}
    articles = []
    next_id = 10480
    seed_done = False
    for moment in moments:
        next_id += rnd.randint(1, 9)
        if not seed_done and moment.date() == SEED_PUBLISHED.date():
            seed_done = True
            articles.append({
                "id": str(next_id), "title": SEED_TITLE, "published": iso(SEED_PUBLISHED),
                "updated": iso(SEED_UPDATED), "summary": SEED_SUMMARY,
                "rubrics": [{"id": "cooperation", "title": stories.RUBRICS["cooperation"]}],
                "body_html": SEED_BODY,
                "gallery": [photo_entry(f"meeting-{i + 1}", SEED_TITLE) for i in range(4)],
                "signature": SEED_SIGNATURE,
            })
            next_id += rnd.randint(1, 9)
        rubric, title, summary, body = make_story(rnd, used, repeats=items > ITEMS)
        photos = rnd.choice([0, 0, 1, 2, 3, 4, 5, 6, 8])
        names = rnd.sample([f"photo-{i + 1:02d}" for i in range(POOL)], photos)
        gallery = [photo_entry(n, title, "Фото пресс-службы ГУФСИН" if k == 0 and rnd.random() < 0.3 else None)
                   for k, n in enumerate(names)]
        updated = moment + dt.timedelta(minutes=rnd.randint(5, 600)) if rnd.random() < 0.6 else None
        item = {
            "id": str(next_id), "title": title, "published": iso(moment), "summary": summary,
            "rubrics": [{"id": rubric, "title": stories.RUBRICS[rubric]}],
            "body_html": body, "gallery": gallery, "signature": SEED_SIGNATURE,
        }
        if updated:
            item["updated"] = iso(updated)
        articles.append(item)
    assert seed_done, "the seed day must be among the dates"
    articles.sort(key=lambda a: (a["published"], int(a["id"])), reverse=True)
    # The archive as it was before its newest news were published (to measure publishing
    # one new article: generate with --hold-back 1, publish, generate without, publish).
    articles = articles[hold_back:]
    first_month = min(a["published"][:7] for a in articles)
    last_month = max(a["published"][:7] for a in articles)

    # Neighbours (articles are newest first) and related news of the same rubric.
    for i, a in enumerate(articles):
        if i + 1 < len(articles):
            a["previous"] = {"id": articles[i + 1]["id"], "title": articles[i + 1]["title"]}
        if i > 0:
            a["next"] = {"id": articles[i - 1]["id"], "title": articles[i - 1]["title"]}
    # Related: the three news of the same rubric nearest in time. Each rubric's news keep
    # the feed's order (newest first), so the nearest three are among the three on either
    # side; the stable sort keeps the feed's order between equally near ones.
    by_rubric = {}
    for a in articles:
        by_rubric.setdefault(a["rubrics"][0]["id"], []).append(a)
    for same in by_rubric.values():
        for k, a in enumerate(same):
            when = dt.datetime.fromisoformat(a["published"])
            near = same[max(0, k - 3):k] + same[k + 1:k + 4]
            near.sort(key=lambda b: abs(dt.datetime.fromisoformat(b["published"]) - when))
            a["related"] = [preview(b) for b in near[:3]]

    write(api / "site.json", site())
    news = api / "news"
    for a in articles:
        write(news / f"{a['id']}.json", a)
    pages = math.ceil(len(articles) / PAGE_SIZE)
    for p in range(pages):
        chunk = articles[p * PAGE_SIZE:(p + 1) * PAGE_SIZE]
        write(news / "page" / f"{p + 1}.json", {
            "page": p + 1, "pages": pages, "total": len(articles),
            "items": [preview(a) for a in chunk],
        })

    write(api / "news-index.json", {"items": [preview(a) for a in articles]})

    per_month, per_day = {}, {}
    for a in articles:
        y, m, d = int(a["published"][:4]), int(a["published"][5:7]), int(a["published"][8:10])
        per_month[(y, m)] = per_month.get((y, m), 0) + 1
        per_day.setdefault((y, m), {}).setdefault(d, 0)
        per_day[(y, m)][d] += 1
    write(api / "archive.json", {
        "first": first_month, "last": last_month,
        "months": [{"year": y, "month": m, "count": c} for (y, m), c in sorted(per_month.items(), reverse=True)],
    })
    y, m = int(first_month[:4]), int(first_month[5:])
    while f"{y:04d}-{m:02d}" <= last_month:
        days = per_day.get((y, m), {})
        write(api / "calendar" / f"{y:04d}" / f"{m:02d}.json", {
            "year": y, "month": m, "first": first_month, "last": last_month,
            "days": [{"day": d, "count": c} for d, c in sorted(days.items())],
        })
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)

    write(out / "config.json", {
        "api_base": "api/",
        "endpoints": {
            "site": "site.json",
            "news_page": "news/page/{page}.json",
            "article": "news/{id}.json",
            "archive": "archive.json",
            "calendar_month": "calendar/{year}/{month}.json",
            "news_index": "news-index.json",
        },
        "timeout_ms": 10000,
        # A large archive's news-index.json is over the usual 4 MB (docs/api.md §2.1: a
        # real archive that size offers news_search instead).
        "max_response_bytes": 4194304 if items <= ITEMS else 16777216,
    })
    print(f"{len(articles)} news on {pages} pages, {first_month} … {last_month}")


def preview(a):
    item = {k: a[k] for k in ("id", "title", "published", "summary", "rubrics")}
    if a["gallery"]:
        item["thumbnail"] = thumb_entry(Path(a["gallery"][0]["src"]).stem, a["title"])
    return item


def site():
    return {
        "name": "ГУФСИН России по Кемеровской области — Кузбассу",
        "short_name": "ГУФСИН Кузбасса",
        "description": "Пресс-служба. Демонстрационные данные Вестника",
        "logo": {"src": "media/emblem.svg", "width": 64, "height": 64, "alt": "Эмблема"},
        "utc_offset": "+07:00",
        "lang": "ru",
        "page_size": PAGE_SIZE,
        "rubrics": [{"id": k, "title": v} for k, v in stories.RUBRICS.items()],
        "menu": [
            {"title": "Главная", "url": "./"},
            {"title": "Новости", "url": "news"},
        ],
        "sidebar": [
            {"links": [
                {"title": "Интернет-приёмная", "url": "mailto:press@example.org",
                 "description": "Напишите нам электронное письмо"},
                {"title": "Розыск осуждённых", "url": "https://fsin.gov.ru/"},
            ]},
            {"heading": "Территориальные органы", "links": [
                {"title": "Территориальные органы ФСИН России", "url": "https://fsin.gov.ru/"},
                {"title": "Направить сообщение во ФСИН России через Госуслуги", "url": "https://www.gosuslugi.ru/"},
                {"title": "Решаем вместе", "url": "https://pos.gosuslugi.ru/"},
            ]},
        ],
        "footer": [
            "© ГУФСИН России по Кемеровской области — Кузбассу",
            "Демонстрационные данные: все новости, кроме первой, придуманы для показа Вестника.",
        ],
    }


def write(path, data):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=str(Path(__file__).resolve().parents[2] / "public"))
    parser.add_argument("--items", type=int, default=ITEMS, help=f"how many news (default {ITEMS})")
    parser.add_argument("--hold-back", type=int, default=0, help="leave out the newest N news")
    args = parser.parse_args()
    build(Path(args.out), args.items, args.hold_back)
