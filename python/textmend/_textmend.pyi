"""Type stubs for the compiled module (crates/python)."""

import os
from typing import Any, Dict, Hashable, Iterable, Iterator, List, Literal, Mapping, Optional, Sequence, Tuple, Union, overload

__version__: str

StrPath = Union[str, "os.PathLike[str]"]
Language = Literal["auto", "en", "de", "fr", "es", "it", "pt", "nl"]
ModeName = Literal["auto", "spinner", "ocr"]
EditKind = Literal["word-swap", "glyph", "mojibake", "broken-word", "whole-word", "furniture", "hygiene"]
RuleKind = Literal["synonym", "word-swap", "glyph", "substring", "whole-word"]

class TextmendError(Exception):
    """Base class of the errors textmend raises."""

class ParseError(TextmendError, ValueError):
    """A rules, stats, word or ignore list, or thesaurus text is malformed."""

    path: str
    line: int
    message: str

class Edit:
    """One change to the text; ``text[start:end] == before`` in the input."""

    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def span(self) -> Tuple[int, int]:
        """``(start, end)`` in characters of the input."""
    @property
    def byte_span(self) -> Tuple[int, int]:
        """``(start, end)`` in bytes of the input encoded as UTF-8."""
    @property
    def before(self) -> str: ...
    @property
    def after(self) -> str: ...
    @property
    def rules(self) -> List[Tuple[str, str]]: ...
    @property
    def rule(self) -> str:
        """``finish→end``, or ``a→b + c→d``; ``furniture: REASON`` for a cleaning edit."""
    @property
    def confidence(self) -> float: ...
    @property
    def kind(self) -> EditKind: ...
    @property
    def reason(self) -> Optional[str]:
        """Why, where the rules do not say it (mojibake, furniture, hygiene)."""
    @property
    def is_cleaning(self) -> bool:
        """Whether its kind is ``furniture`` or ``hygiene``."""
    @property
    def is_whole_word(self) -> bool: ...
    def to_dict(self) -> Dict[str, Any]: ...

class Mended:
    """The result of a repair."""

    @property
    def text(self) -> str:
        """The repaired text (the input object itself when nothing changed)."""
    @property
    def changed(self) -> bool: ...
    @property
    def edits(self) -> List[Edit]: ...
    @property
    def suggestions(self) -> List[Edit]:
        """Whole-word repairs found but not applied."""
    @property
    def rules(self) -> Rules: ...
    @property
    def skipped(self) -> Optional[Literal["unsupported-language"]]: ...
    @property
    def suspects_left(self) -> int: ...
    def input_offset(self, offset: int) -> int:
        """Where character ``offset`` of the repaired text was in the input."""

class Rule:
    """The damaged text says ``from_`` where ``to`` belongs."""

    @property
    def from_(self) -> str: ...
    @property
    def to(self) -> str: ...
    @property
    def pair(self) -> Tuple[str, str]: ...
    @property
    def kind(self) -> RuleKind: ...
    @property
    def words(self) -> int: ...
    @property
    def tokens(self) -> int: ...
    @property
    def confidence(self) -> float: ...
    @property
    def rate(self) -> Optional[float]: ...
    @property
    def keyness(self) -> Optional[float]: ...
    @property
    def examples(self) -> List[Tuple[str, str]]: ...

class Rules:
    """Rules in the rules-file format of ``textmend learn``."""

    def __init__(self, text: str = "", path: str = "<string>") -> None: ...
    @staticmethod
    def parse(text: str, path: str = "<string>") -> Rules: ...
    @staticmethod
    def read(path: StrPath) -> Rules: ...
    def to_text(self) -> str: ...
    def write(self, path: StrPath) -> None: ...
    @property
    def rejected(self) -> List[Tuple[str, str]]: ...
    def __len__(self) -> int: ...
    def __iter__(self) -> Iterator[Rule]: ...
    def __getitem__(self, index: int) -> Rule: ...
    def __contains__(self, pair: Tuple[str, str]) -> bool: ...

class Stats:
    """Mergeable learning statistics in the format of ``textmend learn --stats``."""

    def __init__(self, text: str = "", path: str = "<string>") -> None: ...
    @staticmethod
    def parse(text: str, path: str = "<string>") -> Stats: ...
    @staticmethod
    def read(path: StrPath) -> Stats: ...
    def to_text(self) -> str: ...
    def write(self, path: StrPath) -> None: ...
    def merge(self, other: Stats) -> None: ...
    def __add__(self, other: Union[Stats, Literal[0]]) -> Stats: ...
    def __radd__(self, other: Union[Stats, Literal[0]]) -> Stats: ...
    def __iadd__(self, other: Stats) -> Stats: ...

class Cleaned:
    """The result of cleaning."""

    @property
    def text(self) -> str:
        """The cleaned text (the input object itself when nothing changed)."""
    @property
    def changed(self) -> bool: ...
    @property
    def edits(self) -> List[Edit]:
        """Removals (kind ``furniture``) and fixes (kind ``hygiene``), each with its reason."""
    @property
    def removals(self) -> int:
        """Furniture lines removed."""

class Cleaner:
    """Removes site furniture line by line and fixes Unicode and white space."""

    def __init__(
        self,
        *,
        furniture: bool = True,
        nfc: bool = False,
        invisible: bool = True,
        controls: bool = True,
        nbsp: bool = False,
        trailing_spaces: bool = True,
        max_blank_lines: Optional[int] = 4,
        quotes: bool = False,
        dashes: bool = False,
        repeat_documents: int = 3,
        repeat_share: float = 0.5,
    ) -> None: ...
    def clean(self, text: str) -> Cleaned: ...
    def clean_many(self, texts: Iterable[str], group: Optional[Iterable[Hashable]] = None) -> List[Cleaned]: ...

class Mender:
    """Repairs text: learns substitution rules from each text (or applies
    given ones) and rewrites only the words they explain."""

    def __init__(
        self,
        lang: Language = "auto",
        mode: ModeName = "auto",
        thesaurus: Union[None, StrPath, Mapping[str, StrPath]] = None,
        whole_words: bool = False,
        *,
        words: Union[None, StrPath, Iterable[str]] = None,
        ignore: Union[None, StrPath, Iterable[str]] = None,
        rules: Union[None, Rules, StrPath] = None,
        learn: Optional[bool] = None,
        threads: Optional[int] = None,
        max_word_chars: Optional[int] = None,
        max_suspects: Optional[int] = None,
        time_budget: Optional[float] = None,
        clean: Union[None, bool, Cleaner] = None,
    ) -> None: ...
    def mend(self, text: str, group: Optional[Union[Rules, StrPath]] = None, *, label: Optional[str] = None) -> Mended: ...
    def mend_many(
        self,
        texts: Iterable[str],
        group: Optional[Union[Rules, StrPath]] = None,
        *,
        labels: Optional[Sequence[Optional[str]]] = None,
    ) -> List[Mended]: ...
    def apply(self, text: str, rules: Union[Rules, StrPath]) -> Mended: ...
    def learn(self, texts: Iterable[str]) -> Rules: ...
    @overload
    def stats(self, texts: Iterable[str], group: None = None) -> Stats: ...
    @overload
    def stats(self, texts: Iterable[str], group: Iterable[Hashable]) -> Dict[Any, Stats]: ...
    @overload
    def decide(self, stats: Stats) -> Rules: ...
    @overload
    def decide(self, stats: Mapping[Any, Stats]) -> Dict[Any, Rules]: ...
    @overload
    def mend_jsonl(
        self,
        lines: Iterable[str],
        field: str = "text",
        counts: Literal[False] = False,
        group: Optional[Union[Rules, StrPath]] = None,
    ) -> List[str]: ...
    @overload
    def mend_jsonl(
        self,
        lines: Iterable[str],
        field: str = "text",
        *,
        counts: Literal[True],
        group: Optional[Union[Rules, StrPath]] = None,
    ) -> List[Tuple[str, int]]: ...

def jsonl_value(line: str, field: str = "text") -> Optional[str]:
    """The string value of ``field`` in a JSON-object line, read as the CLI's --jsonl reads it."""

def languages() -> List[str]:
    """The codes of the languages this build has dictionaries for."""
