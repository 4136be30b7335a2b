#!/usr/bin/env python3
"""Builds the raw input files of the state-lotteries study from the shared source data.

Run from the repository root:

    python3 studies/state-lotteries/prepare.py [--data ../shared/data]

Reads
  <data>/spid-networkinference/spid_v1.0_adoptions.csv   SPID v1.0 adoption events (policy, state, adopt_year)
  <data>/us-state-adjacency-census/us_states.csv         postal codes and Census regions
  <data>/us-state-adjacency-census/us_state_adjacency.csv  state pairs from the Census county adjacency file
Writes studies/state-lotteries/raw/{states,adjacency,adoptions}.csv (header, comma separated, LF line ends).

Choices (see README.md):
  - policy: SPID `gambling_lottery_adoptio` (Caughey-Warshaw, "Does The State Have A Lottery?", 44 adopters,
    1964-2013). The Boehmke-Skinner `lott` series stops in 1993 and misses the eight later adopters.
  - units: the 50 states. DC is in the Census files but not in SPID, so it is dropped, with its two edges.
  - adjacency: rows with census_county_adjacency == 1 (all 224 directed rows), each unordered pair once,
    state_a < state_b as text.
"""
import argparse
import csv
import os
import sys

POLICY = "gambling_lottery_adoptio"
HERE = os.path.dirname(os.path.abspath(__file__))


def read(path):
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def write(path, header, rows):
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(header)
        w.writerows(rows)
    print(f"{os.path.relpath(path)}: {len(rows)} rows")


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", default="../shared/data", help="folder holding the source data folders")
    ap.add_argument("--out", default=os.path.join(HERE, "raw"), help="output folder (default: raw/ beside this script)")
    args = ap.parse_args()
    spid = os.path.join(args.data, "spid-networkinference")
    census = os.path.join(args.data, "us-state-adjacency-census")
    os.makedirs(args.out, exist_ok=True)

    # states: the 50 states (DC dropped), region = Census region
    states = sorted(((r["state_postal"], r["state_name"], r["census_region"])
                     for r in read(os.path.join(census, "us_states.csv")) if r["state_postal"] != "DC"))
    ids = {s[0] for s in states}
    if len(states) != 50 or any(not s[2] for s in states):
        sys.exit(f"expected 50 states with a region, got {len(states)}")

    # adoptions of the lottery policy; SPID lists only adopters, one row per state
    events = read(os.path.join(spid, "spid_v1.0_adoptions.csv"))
    spid_states = {r["state_postal"] for r in events}
    if spid_states != ids:
        sys.exit(f"SPID states differ from the Census list: {sorted(spid_states ^ ids)}")
    names = {s[0]: s[1] for s in states}
    adoptions = {}
    for r in events:
        if r["policy"] != POLICY:
            continue
        u = r["state_postal"]
        if u in adoptions:
            sys.exit(f"two adoption rows for {u}")
        if names[u] != r["state_name"]:
            sys.exit(f"state name mismatch for {u}: {names[u]} vs {r['state_name']}")
        adoptions[u] = int(r["adopt_year"])
    if not adoptions:
        sys.exit(f"no rows for policy {POLICY}")

    # adjacency: unordered pairs once, DC left out
    pairs = set()
    for r in read(os.path.join(census, "us_state_adjacency.csv")):
        if r["census_county_adjacency"] != "1":
            continue
        a, b = r["state_postal"], r["neighbor_postal"]
        if "DC" in (a, b):
            continue
        if a not in ids or b not in ids or a == b:
            sys.exit(f"bad adjacency row {a}-{b}")
        pairs.add((min(a, b), max(a, b)))

    write(os.path.join(args.out, "states.csv"), ["state_id", "state_name", "region"], states)
    write(os.path.join(args.out, "adjacency.csv"), ["state_a", "state_b"], sorted(pairs))
    write(os.path.join(args.out, "adoptions.csv"), ["state_id", "year"], sorted(adoptions.items()))
    years = sorted(adoptions.values())
    print(f"{POLICY}: {len(adoptions)} adopters, {years[0]}-{years[-1]}; "
          f"never adopted: {' '.join(sorted(ids - set(adoptions)))}")


if __name__ == "__main__":
    main()
