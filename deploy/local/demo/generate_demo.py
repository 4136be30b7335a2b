#!/usr/bin/env python3
"""Generate the hazard-stream demo data set: the five raw streams of the panel contract (panel-contract.md).

    python3 deploy/local/demo/generate_demo.py [--source DIR] [--out DIR]

What is real and what is simulated
----------------------------------
REAL (canghailan/Wuhan-2019-nCoV, MIT, Copyright (c) 2020 胡昊; see NOTICE at the repository root):
  * the 128 cities: names, MCA 2019 administrative codes and provinces (ChinaAreaCode.csv);
  * daily.csv `cumulative_cases`: each city's cumulative confirmed cases, 2020-01-25 .. 2020-03-31.
SIMULATED (no public source has them) from a fixed seed, by the model documented below:
  * every other column of cities.csv and daily.csv, national.csv, provinces.csv and adoptions.csv.
No Baidu Qianxi and no CSMAR figures are used (their licences are unclear).

--source DIR is a canghailan data folder: either the concatenated table
china_province_city_daily_2020-01-20_2020-04-01.csv plus ChinaAreaCode.csv, or a checkout of
https://github.com/canghailan/Wuhan-2019-nCoV (Data/YYYY-MM-DD.csv plus ChinaAreaCode.csv; the per-day files used
were last changed in commit a467189490647fd42741177a0542274cac78830a).

City selection (reproducible)
-----------------------------
Prefecture-level units (MCA code ending in "00" but not "0000": the four municipalities, whose data are split by
district, and province-administered county-level units are left out) ranked by (1) the number of days 2020-01-25 ..
2020-03-31 with a row in the source (most complete first), (2) cumulative cases on 2020-03-31 (largest first),
(3) code; taken in that order with at most MAX_PER_PROVINCE cities per province until there are 128, so that most
provinces have several cities and same-province "competition" matters.

Case cleaning (the source has a few day-to-day decreases of a cumulative count)
------------------------------------------------------------------------------
1. A date with no row before the city's first row is 0 cases (no case reported yet); a date with no row after it
   repeats the previous day.
2. A dip that recovers within 3 days to at least the value before it (e.g. Suzhou 320500: 52, 2, 60 on
   02-03..02-05) is a source glitch: the dip days repeat the value before the dip.
3. Any remaining decrease is a revision (e.g. Hangzhou 330100: 165 -> 155 on 02-10): earlier days are lowered to
   the revised level (running minimum taken backwards from 2020-03-31), so the series is non-decreasing.

Simulation model
----------------
Seed SEED = 20200201 (Python's random.Random; only random() and gauss() are used, whose streams are stable across
Python 3 versions); the coefficients are the constants right below this text (ALPHA = -5.3, B_COMPETITION = 0.30, ...).
Static covariates per city, independent draws:
  population           = round(exp(N(ln 4.5e6, 0.55)), -3)          persons
  gdp_per_capita       = round(exp(N(ln 60000, 0.40)))              yuan
  gdp_growth_q1        = N(-6.5, 3.0), 1 decimal                    percent, 2020 Q1
  internet_service     = clip(N(60, 12), 10, 99), 1 decimal          online government service index
  internet_penetration = clip(N(0.62, 0.10), 0.30, 0.95), 3 decimals share of residents online
  data_agency          = 0..3 with probabilities 0.35, 0.25, 0.25, 0.15
  leader_experience    = 1 with probability 0.4, else 0
  platform_type        = 1..5 with equal probability
Daily covariates of city c on date d (d = 2020-01-25 .. 2020-03-31), with new7 = cases(d) - cases(d - 7):
  salience             = max(0, 20 + 12 ln(1 + new7) + N(0, 4)), 2 decimals       (search-attention index)
  intra_city_travel    = b_c (1 - 0.55 s(d)) exp(N(0, 0.05)), 3 decimals; b_c = clip(N(5, 1), 1.5, 9);
                         s(d) rises linearly from 0 on 01-23 to 1 on 02-05, then falls linearly to 0.4 on 03-31
  inbound_migration    = m_c (0.3 + 0.7 (1 - s(d))) exp(N(0, 0.08)), 3 decimals; m_c = clip(N(3, 1.2), 0.5, 8);
                         EMPTY from 2020-03-16 on (mirrors the real gap of the Baidu series; exercises carry-forward)
  media_reports        = Poisson(1 + salience / 10 + 2 ln(1 + new7))
National: central_policy = number of central directives on health codes in force: 0, 1 from 2020-02-09, 2 from
  2020-02-24, 3 from 2020-03-09 (an illustrative fixed schedule).
Provinces: each province of the selected cities launches a provincial platform with probability 0.5, on a date
  uniform on 2020-02-08 .. 2020-03-15; otherwise platform_launch_date is empty (never).
Adoption: day by day from ADOPTION_FROM to ADOPTION_TO, a city not yet adopted adopts on date d with probability
  1 - exp(-exp(eta)) (complementary log-log discrete hazard), where r = d - 3 days (the panel's lag) and
    eta = ALPHA
        + B_SALIENCE   * salience(r) / 10
        + B_CASES      * ln(1 + cumulative_cases(r))
        + B_COMPETITION * competition(r)         (other cities of the province that adopted on or before r)
        + B_PLATFORM   * provincial_platform(r)
        + B_INTERNET   * (internet_penetration - 0.6) * 10
        + B_AGENCY     * data_agency
        + B_LEADER     * leader_experience
        + B_TRAVEL     * intra_city_travel(r)
  (values at r carried forward, as in the panel). Mode: 2 (provincial system) with probability 0.85 when
  provincial_platform(r) = 1, else 0.1; otherwise 1 (self-built). Adoptions before 2020-02-01 leave the city out of
  the panel (excludedCities); adoptions after 2020-03-31 are censored in the panel; a city that does not adopt by
  ADOPTION_TO has no adoptions row.
"""

import argparse
import csv
import glob
import math
import os
import random
import sys
from datetime import date, timedelta

SEED = 20200201
CITY_COUNT = 128
MAX_PER_PROVINCE = 7
FIRST_DAY = date(2020, 1, 25)   # daily rows start before the window: the 3-day lag needs them
LAST_DAY = date(2020, 3, 31)
ADOPTION_FROM = date(2020, 1, 28)
ADOPTION_TO = date(2020, 4, 15)
MIGRATION_GAP_FROM = date(2020, 3, 16)
LAG_DAYS = 3

ALPHA = -5.3
B_SALIENCE = 0.15
B_CASES = 0.12
B_COMPETITION = 0.30
B_PLATFORM = 0.90
B_INTERNET = 0.15
B_AGENCY = 0.15
B_LEADER = 0.25
B_TRAVEL = -0.10

CENTRAL_POLICY_STEPS = [(date(2020, 2, 9), 1), (date(2020, 2, 24), 2), (date(2020, 3, 9), 3)]

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_SOURCE = "/work/shared/data/canghailan-wuhan-2019-ncov"


def days_between(first, last):
    d = first
    while d <= last:
        yield d
        d += timedelta(days=1)


def read_source(source):
    """(names by code, {(city code, iso date): confirmed}) from a canghailan data folder."""
    with open(os.path.join(source, "ChinaAreaCode.csv"), encoding="utf-8-sig") as f:
        names = {row["code"]: row["name"] for row in csv.DictReader(f)}
    files = sorted(glob.glob(os.path.join(source, "china_province_city_daily_*.csv")))
    if not files:
        files = sorted(glob.glob(os.path.join(source, "Data", "2020-*.csv")))
    if not files:
        sys.exit("no canghailan daily data in " + source)
    confirmed = {}
    for path in files:
        with open(path, encoding="utf-8-sig") as f:
            for row in csv.DictReader(f):
                code = row.get("cityCode") or ""
                if row.get("countryCode", "CN") == "CN" and code in names:
                    confirmed[(code, row["date"])] = int(row["confirmed"])
    return names, confirmed


def is_prefecture(code):
    return code.endswith("00") and not code.endswith("0000") and code[:2] not in ("71", "81", "82")


def select_cities(names, confirmed):
    dates = [d.isoformat() for d in days_between(FIRST_DAY, LAST_DAY)]
    candidates = []
    for code in sorted(c for c in names if is_prefecture(c)):
        present = sum(1 for d in dates if (code, d) in confirmed)
        if present:
            candidates.append((-present, -confirmed.get((code, LAST_DAY.isoformat()), 0), code))
    candidates.sort()
    chosen, per_province = [], {}
    for _, _, code in candidates:
        province = code[:2] + "0000"
        if per_province.get(province, 0) < MAX_PER_PROVINCE:
            chosen.append(code)
            per_province[province] = per_province.get(province, 0) + 1
            if len(chosen) == CITY_COUNT:
                break
    return sorted(chosen)


def clean_cases(code, confirmed):
    """The city's non-decreasing cumulative cases on FIRST_DAY .. LAST_DAY (rules in the header)."""
    dates = list(days_between(FIRST_DAY, LAST_DAY))
    earlier = [v for (c, d), v in confirmed.items() if c == code and d < FIRST_DAY.isoformat()]
    values, last = [], None
    for d in dates:
        v = confirmed.get((code, d.isoformat()))
        if v is None:
            v = last if last is not None else (max(earlier) if earlier else 0)
        values.append(v)
        last = v
    for i in range(1, len(values)):
        if values[i] < values[i - 1]:
            for j in range(i + 1, min(i + 4, len(values))):
                if values[j] >= values[i - 1]:
                    for k in range(i, j):
                        values[k] = values[i - 1]
                    break
    for i in range(len(values) - 2, -1, -1):
        values[i] = min(values[i], values[i + 1])
    return dict(zip(dates, values))


def clip(x, low, high):
    return max(low, min(high, x))


def poisson(rng, mean):
    # Knuth's multiplication method; means here are small (< 40)
    limit, k, p = math.exp(-mean), 0, 1.0
    while True:
        p *= rng.random()
        if p <= limit:
            return k
        k += 1


def categorical(rng, probabilities):
    u, total = rng.random(), 0.0
    for i, p in enumerate(probabilities):
        total += p
        if u < total:
            return i
    return len(probabilities) - 1


def lockdown(d):
    start, full, end = date(2020, 1, 23), date(2020, 2, 5), LAST_DAY
    if d <= start:
        return 0.0
    if d <= full:
        return (d - start).days / (full - start).days
    return 1.0 - 0.6 * min(1.0, (d - full).days / (end - full).days)


def central_policy(d):
    value = 0
    for since, v in CENTRAL_POLICY_STEPS:
        if d >= since:
            value = v
    return value


def generate(names, confirmed):
    rng = random.Random(SEED)
    codes = select_cities(names, confirmed)
    if len(codes) < CITY_COUNT:
        sys.exit(f"only {len(codes)} cities found in the source")
    provinces = sorted({c[:2] + "0000" for c in codes})
    dates = list(days_between(FIRST_DAY, LAST_DAY))

    cities = {}
    for code in codes:
        cities[code] = {
            "city_id": code, "city_name": names[code], "province_id": code[:2] + "0000",
            "population": int(round(math.exp(rng.gauss(math.log(4.5e6), 0.55)), -3)),
            "gdp_per_capita": int(round(math.exp(rng.gauss(math.log(60000), 0.40)))),
            "gdp_growth_q1": round(rng.gauss(-6.5, 3.0), 1),
            "internet_service": round(clip(rng.gauss(60, 12), 10, 99), 1),
            "internet_penetration": round(clip(rng.gauss(0.62, 0.10), 0.30, 0.95), 3),
            "data_agency": categorical(rng, [0.35, 0.25, 0.25, 0.15]),
            "leader_experience": 1 if rng.random() < 0.4 else 0,
            "platform_type": 1 + categorical(rng, [0.2] * 5),
        }

    daily = {}
    for code in codes:
        cases = clean_cases(code, confirmed)
        travel_base = clip(rng.gauss(5, 1), 1.5, 9)
        migration_base = clip(rng.gauss(3, 1.2), 0.5, 8)
        for d in dates:
            week_ago = d - timedelta(days=7)
            new7 = cases[d] - cases.get(week_ago, 0) if week_ago >= FIRST_DAY else cases[d]
            salience = max(0.0, 20 + 12 * math.log1p(new7) + rng.gauss(0, 4))
            travel = travel_base * (1 - 0.55 * lockdown(d)) * math.exp(rng.gauss(0, 0.05))
            migration = migration_base * (0.3 + 0.7 * (1 - lockdown(d))) * math.exp(rng.gauss(0, 0.08))
            media = poisson(rng, 1 + salience / 10 + 2 * math.log1p(new7))
            daily[(code, d)] = {
                "salience": round(salience, 2), "intra_city_travel": round(travel, 3),
                "inbound_migration": None if d >= MIGRATION_GAP_FROM else round(migration, 3),
                "cumulative_cases": cases[d], "media_reports": media,
            }

    launches = {}
    for province in provinces:
        if rng.random() < 0.5:
            launches[province] = date(2020, 2, 8) + timedelta(days=int(rng.random() * 37))

    adoptions = {}
    for d in days_between(ADOPTION_FROM, ADOPTION_TO):
        r = d - timedelta(days=LAG_DAYS)
        r_data = min(r, LAST_DAY)   # after the data end, the last values are carried forward
        adopted_by_r = {}
        for code, (when, _) in adoptions.items():
            if when <= r:
                adopted_by_r[cities[code]["province_id"]] = adopted_by_r.get(cities[code]["province_id"], 0) + 1
        for code in codes:
            if code in adoptions:
                continue
            city, row = cities[code], daily[(code, r_data)]
            province = city["province_id"]
            platform = 1 if province in launches and launches[province] <= r else 0
            eta = (ALPHA + B_SALIENCE * row["salience"] / 10 + B_CASES * math.log1p(row["cumulative_cases"])
                   + B_COMPETITION * adopted_by_r.get(province, 0) + B_PLATFORM * platform
                   + B_INTERNET * (city["internet_penetration"] - 0.6) * 10 + B_AGENCY * city["data_agency"]
                   + B_LEADER * city["leader_experience"] + B_TRAVEL * row["intra_city_travel"])
            if rng.random() < 1 - math.exp(-math.exp(eta)):
                mode = 2 if rng.random() < (0.85 if platform else 0.1) else 1
                adoptions[code] = (d, mode)
    return codes, provinces, dates, cities, daily, launches, adoptions


def write(path, header, rows):
    with open(path, "w", encoding="utf-8", newline="") as f:
        out = csv.writer(f, lineterminator="\n")
        out.writerow(header)
        out.writerows(rows)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--source", default=DEFAULT_SOURCE, help="canghailan data folder (see the header)")
    parser.add_argument("--out", default=HERE, help="where to write the five CSV files")
    args = parser.parse_args()
    names, confirmed = read_source(args.source)
    codes, provinces, dates, cities, daily, launches, adoptions = generate(names, confirmed)

    city_columns = ["city_id", "city_name", "province_id", "population", "gdp_per_capita", "gdp_growth_q1",
                    "internet_service", "internet_penetration", "data_agency", "leader_experience", "platform_type"]
    write(os.path.join(args.out, "cities.csv"), city_columns,
          [[cities[c][k] for k in city_columns] for c in codes])
    daily_columns = ["salience", "intra_city_travel", "inbound_migration", "cumulative_cases", "media_reports"]
    write(os.path.join(args.out, "daily.csv"), ["city_id", "date"] + daily_columns,
          [[c, d.isoformat()] + ["" if daily[(c, d)][k] is None else daily[(c, d)][k] for k in daily_columns]
           for c in codes for d in dates])
    write(os.path.join(args.out, "national.csv"), ["date", "central_policy"],
          [[d.isoformat(), central_policy(d)] for d in dates])
    write(os.path.join(args.out, "provinces.csv"), ["province_id", "platform_launch_date"],
          [[p, launches[p].isoformat() if p in launches else ""] for p in provinces])
    write(os.path.join(args.out, "adoptions.csv"), ["city_id", "date", "mode"],
          [[c, adoptions[c][0].isoformat(), adoptions[c][1]] for c in codes if c in adoptions])

    start, end = date(2020, 2, 1), LAST_DAY
    before = sum(1 for d, _ in adoptions.values() if d < start)
    inside = [m for d, m in adoptions.values() if start <= d <= end]
    print(f"{len(codes)} cities in {len(provinces)} provinces ({len(launches)} with a provincial platform); "
          f"adoptions: {before} before {start}, {len(inside)} in the window "
          f"(mode 1: {inside.count(1)}, mode 2: {inside.count(2)}), "
          f"{sum(1 for d, _ in adoptions.values() if d > end)} after {end}, "
          f"{len(codes) - len(adoptions)} none by {ADOPTION_TO}")


if __name__ == "__main__":
    main()
