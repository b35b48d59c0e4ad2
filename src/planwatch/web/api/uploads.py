"""Saving an uploaded file to a temporary path, within the size and type limits."""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from fastapi import HTTPException, UploadFile

from planwatch.web.security import suffix_allowed


@contextmanager
def saved_upload(upload: UploadFile, allowed: tuple[str, ...],
                 max_bytes: int) -> Iterator[Path]:
    """The upload as a temporary file named only by its suffix (415 for other types,
    413 when larger than ``max_bytes``); removed afterwards."""
    if not suffix_allowed(upload.filename, allowed):
        raise HTTPException(415, f"不支持的文件类型，可用：{' '.join(allowed)} / "
                                 f"unsupported file type, allowed: {' '.join(allowed)}")
    suffix = Path(upload.filename or "").suffix.lower()
    with tempfile.TemporaryDirectory(prefix="planwatch-upload-") as tmp:
        path = Path(tmp) / f"upload{suffix}"
        with path.open("wb") as out:
            shutil.copyfileobj(upload.file, out, length=1 << 20)
        if path.stat().st_size > max_bytes:
            raise HTTPException(413, "上传文件过大 / upload too large")
        yield path


def display_name(upload: UploadFile) -> str:
    """The client's file name without any directory part."""
    return Path((upload.filename or "upload").replace("\\", "/")).name[:200]
