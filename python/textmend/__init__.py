"""textmend repairs systematically corrupted text — an article spinner's
synonym swaps inside words (``attfinish`` for ``attend``), a scanner's
misread glyphs (``rnodern`` for ``modern``), mojibake (``â€™`` for ``’``) —
by learning the substitution rules from the text itself, and changes
nothing else.

>>> import textmend
>>> mender = textmend.Mender()
>>> mended = mender.mend("Delegates will attfinish the summit. The agfinisha is long, "
...                      "and every counattempt in the region sent a delegation.")
>>> mended.text
'Delegates will attend the summit. The agenda is long, and every country in the region sent a delegation.'
>>> [(e.before, e.after, e.rule) for e in mended.edits][:2]
[('attfinish', 'attend', 'finish→end'), ('agfinisha', 'agenda', 'finish→end')]

The classes come from the Rust library (``textmend._textmend``); the work
runs with the GIL released. ``Cleaner`` removes site furniture and fixes
Unicode and white space (also before repair: ``Mender(clean=True)``; see
docs/cleaning.md). ``textmend.spark`` and ``textmend.datatrove``
hold the corpus integrations and import pyspark and datatrove only when
used. See docs/python.md.
"""

from ._textmend import (
    Cleaned,
    Cleaner,
    Edit,
    Mended,
    Mender,
    ParseError,
    Rule,
    Rules,
    Stats,
    TextmendError,
    __version__,
    jsonl_value,
    languages,
)

__all__ = [
    "Cleaned",
    "Cleaner",
    "Edit",
    "Mended",
    "Mender",
    "ParseError",
    "Rule",
    "Rules",
    "Stats",
    "TextmendError",
    "__version__",
    "jsonl_value",
    "languages",
]
