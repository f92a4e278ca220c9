#!/usr/bin/env python3
"""Makes themes/default/data/outlines.txt, the country outlines the theme
draws the partner-country map from, out of Natural Earth 1:50m (public
domain; as cut in ../shared/data/map-africa-europe.geojson, see its README).

Each outline is clipped to the map's window, simplified (Douglas-Peucker),
and written one country a line: `code<TAB>ring|ring|...`, a ring being
`lon,lat lon,lat ...` in tenths of a degree; a partner too small to draw
is `code<TAB>@lon,lat`, a marker. Countries without an ISO code
(Kosovo, Northern Cyprus, Somaliland) keep Natural Earth's name as code.

Usage: python3 tools/map/simplify.py ../shared/data/map-africa-europe.geojson
"""
import json
import sys

WEST, EAST, SOUTH, NORTH = -26.0, 45.0, -14.0, 72.0
TOLERANCE = 0.18  # degrees
MIN_AREA = 0.3  # square degrees: smaller islands are dropped


def clip(ring, inside, cut):
    out = []
    for i, p in enumerate(ring):
        q = ring[i - 1]
        if inside(p):
            if not inside(q):
                out.append(cut(q, p))
            out.append(p)
        elif inside(q):
            out.append(cut(q, p))
    return out


def clip_window(ring):
    def at_x(x):
        return lambda a, b: (x, a[1] + (b[1] - a[1]) * (x - a[0]) / (b[0] - a[0]))

    def at_y(y):
        return lambda a, b: (a[0] + (b[0] - a[0]) * (y - a[1]) / (b[1] - a[1]), y)

    for inside, cut in [
        (lambda p: p[0] >= WEST, at_x(WEST)),
        (lambda p: p[0] <= EAST, at_x(EAST)),
        (lambda p: p[1] >= SOUTH, at_y(SOUTH)),
        (lambda p: p[1] <= NORTH, at_y(NORTH)),
    ]:
        if not ring:
            return ring
        ring = clip(ring, inside, cut)
    return ring


def simplify(points, tol):
    if len(points) < 3:
        return points
    a, b = points[0], points[-1]
    best, index = 0.0, 0
    for i in range(1, len(points) - 1):
        p = points[i]
        dx, dy = b[0] - a[0], b[1] - a[1]
        norm = (dx * dx + dy * dy) ** 0.5
        if norm == 0:
            d = ((p[0] - a[0]) ** 2 + (p[1] - a[1]) ** 2) ** 0.5
        else:
            d = abs(dy * p[0] - dx * p[1] + b[0] * a[1] - b[1] * a[0]) / norm
        if d > best:
            best, index = d, i
    if best > tol:
        return simplify(points[: index + 1], tol)[:-1] + simplify(points[index:], tol)
    return [a, b]


def area(ring):
    return abs(sum(ring[i - 1][0] * p[1] - p[0] * ring[i - 1][1] for i, p in enumerate(ring))) / 2


def main(path):
    features = json.load(open(path))["features"]
    lines = []
    for f in features:
        g = f["geometry"]
        polys = g["coordinates"] if g["type"] == "MultiPolygon" else [g["coordinates"]]
        rings = []
        for poly in polys:
            ring = [tuple(p) for p in poly[0]]
            # A ring across the antimeridian (Russia's Chukotka) is read
            # east of it (longitudes past 180), so clipping cuts it at the
            # east edge instead of drawing bands from one edge to the other.
            if max(x for x, _ in ring) - min(x for x, _ in ring) > 180:
                ring = [(x + 360 if x < 0 else x, y) for x, y in ring]
            ring = clip_window(ring)
            if len(ring) < 3 or area(ring) < MIN_AREA:
                continue
            # Split at the middle so the closed ring simplifies from two ends.
            half = len(ring) // 2
            simple = simplify(ring[: half + 1], TOLERANCE)[:-1] + simplify(ring[half:] + [ring[0]], TOLERANCE)[:-1]
            pts = []
            for x, y in simple:
                p = (round(x * 10), round(y * 10))
                if not pts or pts[-1] != p:
                    pts.append(p)
            if len(pts) >= 3:
                rings.append(" ".join(f"{x},{y}" for x, y in pts))
        code = f["properties"]["code"] or f["properties"]["name"].lower().replace(" ", "-")
        if rings:
            lines.append(f"{code}\t{'|'.join(rings)}")
        elif f["properties"]["rabat"]:
            # A partner too small to draw (Cabo Verde, Malta, Sao Tome and
            # Principe): a marker at the middle of its largest part.
            largest = max((poly[0] for poly in polys), key=lambda r: area(r))
            xs = [p[0] for p in largest]
            ys = [p[1] for p in largest]
            x, y = (min(xs) + max(xs)) / 2, (min(ys) + max(ys)) / 2
            if WEST <= x <= EAST and SOUTH <= y <= NORTH:
                lines.append(f"{code}\t@{round(x * 10)},{round(y * 10)}")
    lines.sort()
    out = "themes/default/data/outlines.txt"
    with open(out, "w") as fh:
        fh.write("\n".join(lines) + "\n")
    print(out, sum(len(l) + 1 for l in lines), "bytes,", len(lines), "countries")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "../shared/data/map-africa-europe.geojson")
