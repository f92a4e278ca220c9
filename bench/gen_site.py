#!/usr/bin/env python3
"""A synthetic hub for the search benchmark: N entities in French and
English, cross-referenced like the real hub, with text made of the real
hub's own words (so stemming, accents and the index's word count behave as
they would). Same N, same bytes: the generator is seeded.

    bench/gen_site.py OUT_DIR [N]      # N entities, default 10000

Starts from the repository's whole hub (config.yaml, theme, content,
with its 57 country profiles); the other entities are generated. Only for the benchmark: the project's own
synthetic hub generator may replace it.
"""

import random
import re
import shutil
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent

# Shares of the generated entities, by kind (countries come from the hub).
SHARES = [("practices", 0.45), ("meetings", 0.2), ("challenges", 0.15), ("recommendations", 0.17), ("pages", 0.03)]
MEETING_TYPES = ["webinar", "thematic-meeting", "senior-officials-meeting", "ministerial-conference", "steering-committee", "other"]
ACTORS = ["governments", "local-authorities", "civil-society", "private-sector", "international-organisations", "diaspora"]
STATUS = ["planned", "ongoing", "completed"]


def words_of(lang):
    """Every word of the hub's own texts in `lang`, front matter left out."""
    words = []
    for f in sorted((REPO / "content").rglob(f"*.{lang}.md")):
        text = f.read_text(encoding="utf-8")
        body = text.split("\n---", 2)[-1]
        words += re.findall(r"[^\W\d_]+(?:['’][^\W\d_]+)?", body)
    return [w for w in words if len(w) > 1]


def config_ids(section):
    """Theme or organisation ids of config.yaml (two-space indented keys)."""
    text = (REPO / "config.yaml").read_text(encoding="utf-8")
    block = text.split(f"  {section}:\n", 1)[1]
    ids = []
    for line in block.splitlines():
        m = re.match(r"    ([a-z0-9-]+):", line)
        if m:
            ids.append(m.group(1))
        elif line.strip() and not line.startswith("      "):
            break
    return ids


def main():
    out = Path(sys.argv[1])
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 10000
    rnd = random.Random(20210121)
    vocab = {lang: words_of(lang) for lang in ("fr", "en")}
    themes = config_ids("themes")
    orgs = config_ids("organisations")

    if out.exists():
        shutil.rmtree(out)
    (out / "content").mkdir(parents=True)
    shutil.copy(REPO / "config.yaml", out / "config.yaml")
    shutil.copytree(REPO / "themes", out / "themes")
    shutil.rmtree(out / "content")
    shutil.copytree(REPO / "content", out / "content")
    countries = sorted({p.name.split(".")[0] for p in (out / "content" / "countries").glob("*.md") if not p.name.startswith("_")})
    # The hub's own entities stay (its pages link each other): count them.
    hub = {(p.relative_to(out / "content").parts[0], p.relative_to(out / "content").parts[1].split(".")[0])
           for p in (out / "content").rglob("*.md") if not p.name.startswith("_") and len(p.relative_to(out / "content").parts) > 1}
    left = n - len(hub)

    counts = {kind: int(left * share) for kind, share in SHARES}
    counts["practices"] += left - sum(counts.values())
    ids = {kind: [f"{kind[:3]}-{i:05d}" for i in range(c)] for kind, c in counts.items()}

    def sentence(lang, lo, hi):
        ws = rnd.choices(vocab[lang], k=rnd.randint(lo, hi))
        return ws[0][:1].upper() + ws[0][1:] + " " + " ".join(ws[1:]) + "."

    def title(lang):
        return sentence(lang, 3, 8).rstrip(".").replace('"', "")

    def body(lang):
        parts = []
        for section in range(rnd.randint(2, 4)):
            parts.append(f"## {title(lang)}\n")
            for _ in range(rnd.randint(1, 3)):
                parts.append(" ".join(sentence(lang, 8, 25) for _ in range(rnd.randint(2, 5))) + "\n")
        return "\n".join(parts)

    def some(pool, lo, hi):
        return sorted(rnd.sample(pool, min(len(pool), rnd.randint(lo, hi))))

    def yaml_list(name, values):
        return f"{name}: [{', '.join(values)}]\n" if values else ""

    for kind, kind_ids in ids.items():
        folder = out / "content" / kind
        folder.mkdir(parents=True, exist_ok=True)
        for id_ in kind_ids:
            own = ""
            if kind == "practices":
                start = rnd.randint(2008, 2024)
                own += yaml_list("countries", some(countries, 1, 3))
                own += yaml_list("organisations", some(orgs, 0, 2))
                own += f"period: {{ start: {start}" + (f", end: {start + rnd.randint(0, 5)}" if rnd.random() < 0.6 else "") + " }\n"
                own += f"status: {rnd.choice(STATUS)}\n"
                own += yaml_list("challenges", some(ids["challenges"], 0, 3))
                own += yaml_list("recommendations", some(ids["recommendations"], 0, 2))
            elif kind == "meetings":
                own += f"type: {rnd.choice(MEETING_TYPES)}\n"
                own += f"location: {{ city: Rabat, country: {rnd.choice(countries)} }}\n"
                own += yaml_list("countries", some(countries, 0, 6))
                own += yaml_list("organisations", some(orgs, 0, 3))
                own += yaml_list("challenges", some(ids["challenges"], 0, 3))
                own += yaml_list("recommendations", some(ids["recommendations"], 0, 3))
                own += yaml_list("practices", some(ids["practices"], 0, 3))
            elif kind == "challenges":
                own += yaml_list("related", [c for c in some(ids["challenges"], 0, 2) if c != id_])
            elif kind == "recommendations":
                own += yaml_list("addresses", some(ids["challenges"], 1, 3))
                own += yaml_list("actors", some(ACTORS, 1, 3))
            date = f"{rnd.randint(2008, 2025)}-{rnd.randint(1, 12):02d}-{rnd.randint(1, 28):02d}"
            shared = own + yaml_list("themes", some(themes, 0, 2))
            if kind == "meetings":
                shared = f"date: {date}\n" + shared
            for lang in ("fr", "en"):
                text = (
                    "---\n"
                    f'title: "{title(lang)}"\n'
                    f'summary: "{sentence(lang, 12, 24)}"\n'
                    f"{shared}"
                    "---\n\n"
                    f"{body(lang)}"
                )
                (folder / f"{id_}.{lang}.md").write_text(text, encoding="utf-8")
    print(f"{out}: {n} entities ({len(hub)} of them the hub's own), {2 * n} pages")


if __name__ == "__main__":
    main()
