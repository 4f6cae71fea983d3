"""The compare jobs of the web app: a bounded queue and one background worker thread. Each job is a
row of the store's ``jobs`` table (status, progress, inputs as described, the result's JSON and HTML
report), so its page and JSON twin survive a restart and its result keeps a permanent link; jobs a
stopped server left unfinished are marked failed when the next one starts (their inputs were only
in memory)."""

from __future__ import annotations

import queue
import secrets
import threading
from typing import Sequence

from ..errors import NewsprismError
from ..pipeline import CompareInput, compare_inputs
from ..report import html
from ..settings import Settings
from ..store import Store


class CompareJobs:
    """Submit compare jobs; the worker runs them one at a time, recording progress in the store."""

    def __init__(self, db: str, settings: Settings) -> None:
        self.db = db
        self.settings = settings
        self.queue: queue.Queue[tuple[str, list[CompareInput]]] = queue.Queue(maxsize=max(1, settings.web_jobs_kept))
        self.lock = threading.Lock()
        self.thread: threading.Thread | None = None
        with Store(db) as store:
            store.interrupt_jobs()

    def submit(self, items: Sequence[CompareInput]) -> str | None:
        """The new job's id, or None when the queue is full."""
        job_id = secrets.token_hex(8)
        with self.lock:
            if self.queue.full():
                return None
            with Store(self.db) as store:
                store.create_job(job_id, "compare", [i.describe() for i in items], total=2 * len(items))
            self.queue.put_nowait((job_id, list(items)))
            if self.thread is None or not self.thread.is_alive():
                self.thread = threading.Thread(target=self._run, name="newsprism-compare", daemon=True)
                self.thread.start()
        return job_id

    def _run(self) -> None:
        while True:
            job_id, items = self.queue.get()
            try:
                with Store(self.db) as store:
                    self._one(store, job_id, items)
            finally:
                self.queue.task_done()

    def _one(self, store: Store, job_id: str, items: list[CompareInput]) -> None:
        def progress(done: int, detail: str) -> None:
            store.update_job(job_id, "running", detail, done)

        try:
            comparison = compare_inputs(items, self.settings, progress)
            skipped = "; ".join(e.one_line() for e in comparison.errors)
            store.finish_job(job_id, comparison.to_output(), html.render(comparison),
                             f"compared {len(comparison.articles)} articles" + (f"; left out: {skipped}" if skipped else ""))
        except NewsprismError as exc:
            store.update_job(job_id, "failed", exc.one_line())
        except Exception as exc:  # noqa: BLE001 - a job failure is shown on its page, never kills the worker
            store.update_job(job_id, "failed", f"error NP999 (internal): {type(exc).__name__}: {exc}")
