#!/usr/bin/env python3
"""Writes the raw input files of the stay-at-home study (studies/stay-at-home/raw/) from the two source folders.

Usage (from the repository root):
    python3 studies/stay-at-home/prepare.py \
        ../shared/data/oxcgrt-usa-covid-policy-states \
        ../shared/data/us-state-adjacency-census \
        studies/stay-at-home/raw

Reads
    OXCGRT/oxcgrt_us_states_daily_2020-01-01_2021-04-28.csv   stringency_index, confirmed_cases, C6 and its flag
    OXCGRT/derived_first_dates_by_state.csv                    event c6_ge2_general, first_date_general
    CENSUS/us_states.csv                                       state_postal, state_name, census_region, pop_2019_est
    CENSUS/us_state_adjacency.csv                              rows with census_county_adjacency == 1
Writes OUT/states.csv, OUT/adjacency.csv, OUT/daily.csv, OUT/orders.csv. Values are copied as text, unchanged.
Standard library only; the output is byte-for-byte the same on every run.
"""
import csv
import datetime
import os
import sys

DAILY_FROM = "2020-02-20"
DAILY_TO = "2020-04-30"
EVENT = "c6_ge2_general"


def read(path):
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def write(path, header, rows):
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
        w.writerow(header)
        w.writerows(rows)
    print(f"{path}: {len(rows)} rows")


def main(oxcgrt_dir, census_dir, out_dir):
    os.makedirs(out_dir, exist_ok=True)

    # states.csv
    states = read(os.path.join(census_dir, "us_states.csv"))
    rows = sorted((s["state_postal"], s["state_name"], s["census_region"], s["pop_2019_est"]) for s in states)
    ids = [r[0] for r in rows]
    assert len(ids) == 51 and len(set(ids)) == 51, "expected 51 distinct states"
    assert {r[2] for r in rows} == {"Northeast", "Midwest", "South", "West"}, "unexpected census regions"
    assert all(r[3].isdigit() for r in rows), "population must be a whole number"
    write(os.path.join(out_dir, "states.csv"), ["state_id", "state_name", "region", "population"], rows)
    known = set(ids)

    # adjacency.csv: census_county_adjacency == 1, both directions in the source, each unordered pair once
    directed = {(a["state_postal"], a["neighbor_postal"])
                for a in read(os.path.join(census_dir, "us_state_adjacency.csv"))
                if a["census_county_adjacency"] == "1"}
    assert all((b, a) in directed for a, b in directed), "source adjacency is not symmetric"
    assert all(a != b and a in known and b in known for a, b in directed), "bad adjacency row"
    pairs = sorted({(min(a, b), max(a, b)) for a, b in directed})
    write(os.path.join(out_dir, "adjacency.csv"), ["state_a", "state_b"], pairs)

    # daily.csv: every state, every date DAILY_FROM .. DAILY_TO
    daily = read(os.path.join(oxcgrt_dir, "oxcgrt_us_states_daily_2020-01-01_2021-04-28.csv"))
    by_key = {}
    for d in daily:
        key = (d["state_postal"], d["date"])
        assert key not in by_key, f"duplicate daily record {key}"
        by_key[key] = d
    first = datetime.date.fromisoformat(DAILY_FROM)
    last = datetime.date.fromisoformat(DAILY_TO)
    dates = [(first + datetime.timedelta(days=k)).isoformat() for k in range((last - first).days + 1)]
    out = []
    for s in ids:
        for day in dates:
            d = by_key.get((s, day))
            assert d is not None, f"no daily record for {s} {day}"
            out.append((s, day, d["stringency_index"], d["confirmed_cases"]))
    write(os.path.join(out_dir, "daily.csv"), ["state_id", "date", "stringency_index", "confirmed_cases"], out)

    # orders.csv: first_date_general of c6_ge2_general, states where it is non-empty
    derived = [r for r in read(os.path.join(oxcgrt_dir, "derived_first_dates_by_state.csv")) if r["event"] == EVENT]
    assert sorted(r["state_postal"] for r in derived) == ids, "derived dates do not cover the 51 states"
    orders = sorted((r["state_postal"], r["first_date_general"]) for r in derived if r["first_date_general"] != "")
    # cross-check against the daily file: first day with C6 >= 2 and flag 1 (a missing value counts as not met)
    for s in ids:
        met = sorted(d["date"] for d in daily if d["state_postal"] == s
                     and d["c6_stay_at_home_requirements"] not in ("", None)
                     and float(d["c6_stay_at_home_requirements"]) >= 2 and d["c6_flag"] == "1")
        expected = dict(orders).get(s)
        assert (met[0] if met else None) == expected, f"{s}: derived date {expected}, daily file {met[:1]}"
    write(os.path.join(out_dir, "orders.csv"), ["state_id", "date"], orders)


if __name__ == "__main__":
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    main(*sys.argv[1:])
