"""textmend as a datatrove pipeline step: one line in a FineWeb-style
pipeline repairs every document's text, each learning from itself (or
applying a reviewed rules file).

    from datatrove.pipeline.readers import JsonlReader
    from datatrove.pipeline.writers import JsonlWriter
    from textmend.datatrove import TextmendMender

    pipeline = [
        JsonlReader("data/"),
        TextmendMender(),                 # <- textmend
        JsonlWriter("mended/"),
    ]

Each document gets ``metadata["textmend_edits"]`` (its number of edits);
the step's stats count documents (``total``), documents changed
(``mended``) and words repaired (``edits``). Importing this module needs
datatrove (``pip install textmend[datatrove]``); ``import textmend`` does
not.
"""

from __future__ import annotations

from typing import Any, Iterator, List, Optional

try:
    from datatrove.data import Document, DocumentsPipeline
    from datatrove.pipeline.base import PipelineStep
    from datatrove.utils.typeshelper import StatHints
except ImportError as e:  # pragma: no cover - exercised without datatrove
    raise ImportError(
        "textmend.datatrove needs datatrove: pip install 'textmend[datatrove]'"
    ) from e

from ._textmend import Mender

__all__ = ["TextmendMender"]


class TextmendMender(PipelineStep):
    """Repairs ``Document.text`` with textmend: rules learned from each
    document (``textmend --jsonl`` does the same per record), or the given
    ``rules`` (a ``Rules`` or a rules file) with nothing learned.

    ``lang``, ``mode``, ``thesaurus``, ``whole_words`` and any other
    keyword are ``textmend.Mender``'s. ``batch_size`` documents are handed
    to the library at a time; ``threads`` (default 1: datatrove runs one
    task per core) is the threads each batch is repaired on. With
    ``keep_edits`` the edits themselves go into
    ``metadata["textmend"]`` as dicts (span, before, after, rule, ...).
    With ``lang_metadata`` (``"language"``, where datatrove's
    ``LanguageFilter`` puts its verdict) each document's language is taken
    from that metadata key instead of being detected, as
    ``textmend --lang-field`` takes it; a document without it is detected.
    """

    name = "🩹 textmend"
    type = "✂️ - FORMAT"

    def __init__(
        self,
        lang: str = "auto",
        mode: str = "auto",
        thesaurus: Any = None,
        whole_words: bool = False,
        *,
        rules: Any = None,
        batch_size: int = 64,
        threads: Optional[int] = 1,
        keep_edits: bool = False,
        lang_metadata: Optional[str] = None,
        **options: Any,
    ) -> None:
        super().__init__()
        self.options = dict(
            lang=lang, mode=mode, thesaurus=thesaurus, whole_words=whole_words, rules=rules, threads=threads, **options
        )
        self.batch_size = batch_size
        self.keep_edits = keep_edits
        self.lang_metadata = lang_metadata
        self._mender: Optional[Mender] = None

    @property
    def mender(self) -> Mender:
        """The mender, built on first use (in the worker, not where the
        pipeline is defined)."""
        if self._mender is None:
            self._mender = Mender(**self.options)
        return self._mender

    def __getstate__(self) -> dict:
        state = self.__dict__.copy()
        state["_mender"] = None
        return state

    def run(self, data: DocumentsPipeline, rank: int = 0, world_size: int = 1) -> DocumentsPipeline:
        if data is None:
            return
        batch: List[Document] = []
        for doc in data:
            batch.append(doc)
            if len(batch) >= self.batch_size:
                yield from self._mend(batch)
                batch = []
        if batch:
            yield from self._mend(batch)

    def _mend(self, batch: List[Document]) -> Iterator[Document]:
        with self.track_time(unit="batch"):
            labels = None
            if self.lang_metadata is not None:
                labels = [_label(doc.metadata.get(self.lang_metadata)) for doc in batch]
            results = self.mender.mend_many([doc.text for doc in batch], labels=labels)
        for doc, mended in zip(batch, results):
            self.stat_update(StatHints.total)
            edits = mended.edits
            doc.metadata["textmend_edits"] = len(edits)
            if self.keep_edits:
                doc.metadata["textmend"] = [e.to_dict() for e in edits]
            if edits:
                doc.text = mended.text
                self.stat_update("mended")
                self.stat_update("edits", value=len(edits))
            yield doc


def _label(value: Any) -> Optional[str]:
    """A metadata value as a language label: a string, else none."""
    return value if isinstance(value, str) else None
