"""Exception hierarchy. Every error the project raises on bad input is a PlanwatchError whose
message carries Chinese and English text."""

from __future__ import annotations


class PlanwatchError(Exception):
    """Base of every error planwatch raises on purpose."""

    code = "planwatch-error"

    def __init__(self, zh: str, en: str) -> None:
        super().__init__(f"{zh} / {en}")
        self.zh = zh
        self.en = en


class DocumentError(PlanwatchError):
    """The input document cannot be read (unsupported, empty, damaged, encrypted, too large…)."""

    code = "document-error"

    def __init__(self, code: str, zh: str, en: str) -> None:
        super().__init__(zh, en)
        self.code = code
