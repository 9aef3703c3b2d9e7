"""Ready-made analyses over a store: dyad time series and actor networks.

Both count either ``"mentions"`` (every stored event) or ``"clusters"`` (each
happening once, after :meth:`Store.recluster`; events not yet clustered count as
their own happening). Negated events are left out unless asked for.
"""

from __future__ import annotations

import datetime as _dt
from typing import TYPE_CHECKING, Any

import pandas as pd

from .errors import StoreError

if TYPE_CHECKING:
    from .store import Store

_FREQS = {"day": ("day", "D"), "week": ("week", "W-MON"), "month": ("month", "MS"),
          "quarter": ("quarter", "QS"), "year": ("year", "YS")}
# One key per happening: the cluster, or the event itself while it has none.
_UNIT = {"mentions": "count(*)",
         "clusters": "count(DISTINCT coalesce('c' || cluster_id::VARCHAR, 'e' || doc_id || '#' || ord::VARCHAR))"}


def _filters(*, event: str | None, since: Any, until: Any, include_negated: bool) -> tuple[list[str], list]:
    from .store import date_filters

    where, args = date_filters(since, until)
    if not include_negated:
        where.append("NOT negated")
    if event is not None:
        where.append("event = ?")
        args.append(event)
    return where, args


def _unit(count: str) -> str:
    if count not in _UNIT:
        raise StoreError(f"count must be 'mentions' or 'clusters', not {count!r}")
    return _UNIT[count]


def dyad_series(
    store: "Store",
    *,
    actor: str,
    recipient: str,
    event: str | None = None,
    freq: str = "week",
    count: str = "mentions",
    since: str | _dt.date | None = None,
    until: str | _dt.date | None = None,
    include_negated: bool = False,
) -> pd.DataFrame:
    """Events from ``actor`` to ``recipient`` (country codes) per period.

    Columns ``period`` (start of the period) and ``count``; periods without events
    between the first and last one are filled with 0 so the series plots as it is.
    """
    if freq not in _FREQS:
        raise StoreError(f"freq must be one of {sorted(_FREQS)}, not {freq!r}")
    trunc, pandas_freq = _FREQS[freq]
    where, args = _filters(event=event, since=since, until=until, include_negated=include_negated)
    where += ["event_date IS NOT NULL", "list_contains(actor_countries, ?)",
              "list_contains(recipient_countries, ?)"]
    args += [actor, recipient]
    df = store.df(
        f"SELECT date_trunc('{trunc}', event_date) AS period, {_unit(count)} AS count "
        f"FROM events WHERE {' AND '.join(where)} GROUP BY 1 ORDER BY 1",
        args,
    )
    if df.empty:
        return pd.DataFrame({"period": pd.Series([], dtype="datetime64[ns]"),
                             "count": pd.Series([], dtype="int64")})
    df["period"] = pd.to_datetime(df["period"])
    full = pd.date_range(df["period"].min(), df["period"].max(), freq=pandas_freq)
    out = df.set_index("period")["count"].reindex(full, fill_value=0).astype("int64")
    return out.rename_axis("period").reset_index()


def actor_network(
    store: "Store",
    *,
    event: str | None = None,
    since: str | _dt.date | None = None,
    until: str | _dt.date | None = None,
    count: str = "mentions",
    include_negated: bool = False,
) -> pd.DataFrame:
    """Directed country network: one row per (source, target) with a total ``weight``
    and one count column per PLOVER event type seen, heaviest edges first.

    An event with several actor or recipient countries adds to every pair; domestic
    events (source == target) are kept as self-loops.
    """
    where, args = _filters(event=event, since=since, until=until, include_negated=include_negated)
    where_sql = f"WHERE {' AND '.join(where)}" if where else ""
    unit = _unit(count)
    df = store.df(
        f"""
        WITH pairs AS (
            SELECT unnest(actor_countries) AS source, recipient_countries, event, cluster_id,
                   doc_id, ord
            FROM events {where_sql}
        ), edges AS (
            SELECT source, unnest(recipient_countries) AS target, event, cluster_id, doc_id, ord
            FROM pairs
        )
        SELECT source, target, event, {unit} AS n FROM edges GROUP BY ALL
        """,
        args,
    )
    if df.empty:
        return pd.DataFrame(columns=["source", "target", "weight"])
    wide = df.pivot_table(index=["source", "target"], columns="event", values="n",
                          aggfunc="sum", fill_value=0)
    wide.columns = [str(c) for c in wide.columns]
    wide = wide.astype("int64")
    # A cluster has one type, so summing the per-type counts is exact for clusters too.
    wide.insert(0, "weight", wide.sum(axis=1))
    return (wide.reset_index().sort_values(["weight", "source", "target"],
                                           ascending=[False, True, True]).reset_index(drop=True))
