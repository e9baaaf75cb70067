"""Seeded chance: takes a seed and a record's key, gives the record its own random stream, and
draws dates and proportional shares from such a stream.

Every commune, assignment and the model list draw from their own stream, so a record's bytes
do not depend on the order in which worker processes happen to reach it.
"""

from __future__ import annotations

import datetime as dt
import random


def rng_for(seed: int, *key: object) -> random.Random:
    """An independent, reproducible stream for one record (string seeds hash with SHA-512)."""
    return random.Random("synth|" + "|".join(str(k) for k in (seed,) + key))


def rand_date(rng: random.Random, start: dt.date, end: dt.date) -> dt.date:
    return start + dt.timedelta(days=rng.randint(0, (end - start).days))


_DAYS_CACHE: dict[tuple[int, int, int, int, bool], list[dt.date]] = {}


def days_between(year: int, month: int, first: int, last: int, weekend: bool) -> list[dt.date]:
    """The weekdays (or the Saturdays and Sundays) from day `first` to day `last` of a month;
    cached, since a nation run asks for the same months millions of times."""
    key = (year, month, first, last, weekend)
    days = _DAYS_CACHE.get(key)
    if days is None:
        days = []
        for day in range(first, last + 1):
            try:
                d = dt.date(year, month, day)
            except ValueError:
                break
            if (d.weekday() >= 5) == weekend:
                days.append(d)
        _DAYS_CACHE[key] = days
    return days


def proportional_split(total: int, weights: list[float], rng: random.Random, minimum: int = 1) -> list[int]:
    """Integers proportional to weights adding up to total (largest remainders, ties by rng)."""
    s = sum(weights)
    raw = [total * w / s for w in weights]
    counts = [max(minimum, int(r)) for r in raw]
    order = sorted(range(len(weights)), key=lambda i: (-(raw[i] - int(raw[i])), rng.random()))
    i = 0
    while sum(counts) < total:
        counts[order[i % len(order)]] += 1
        i += 1
    while sum(counts) > total:
        j = max(range(len(counts)), key=lambda k: (counts[k], -k))
        counts[j] -= 1
    return counts
