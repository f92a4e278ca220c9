#!/usr/bin/env bash
# One page of each kind of a built site, in each language, one address a
# line: the home, each list and its first entity, the themes, the
# organisations and a term of each, the matrix, the search page (empty
# and with a query), a page of the site's own, the 404 pages and the root.
# Used by bench/lighthouse.sh and bench/screenshots.sh.
#
#   bench/pages.sh PUBLIC_DIR [QUERY]
set -euo pipefail
public="$1"
query="${2:-migration}"
python3 - "$public" "$query" <<'PY'
import os, re, sys
public, query = sys.argv[1], sys.argv[2]
def read(p):
    with open(os.path.join(public, p.strip("/"), "index.html"), encoding="utf-8") as f:
        return f.read()
langs = sorted(d for d in os.listdir(public) if re.fullmatch(r"[a-z]{2,3}", d) and os.path.isfile(os.path.join(public, d, "index.html")))
out = ["/"]
for lang in langs:
    home = read(lang)
    out.append(f"/{lang}/")
    nav = home[home.index('class="main-nav"'):]
    nav = nav[: nav.index("</nav>")]
    for href in re.findall(r'href="(/%s/[^"]+/)"' % lang, nav):
        out.append(href)
        first = re.search(r'<article class="item">\s*<h[23]><a href="(%s[^"]+/)"' % re.escape(href), read(href))
        if first:
            out.append(first.group(1))
    for tax in ("themes", "organisations"):
        if os.path.isdir(os.path.join(public, lang, tax)):
            out.append(f"/{lang}/{tax}/")
            term = re.search(r'<ul class="terms">\s*<li><a href="([^"]+)"', read(f"{lang}/{tax}"))
            if term:
                out.append(term.group(1))
    for extra in ("matrix", "search"):
        if os.path.isdir(os.path.join(public, lang, extra)):
            out.append(f"/{lang}/{extra}/")
    out.append(f"/{lang}/search/?q={query}")
    out.append(f"/{lang}/404.html")
out.append("/404.html")
seen = set()
for p in out:
    if p not in seen:
        seen.add(p)
        print(p)
PY
