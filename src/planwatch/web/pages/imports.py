"""导入: upload a plan document → the extracted plan beside the source text (each row linked to
its source line) → correct fields inline → confirm (corrections are recorded and audited by
:func:`planwatch.actions.confirm_upload`)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any

from fastapi import File, Request, UploadFile
from fastapi.responses import RedirectResponse, Response

from planwatch import actions
from planwatch.errors import PlanwatchError
from planwatch.parse import read_document
from planwatch.web.api.uploads import display_name, saved_upload
from planwatch.web.deps import CurrentActor, SettingsDep, StoreDep, WritingActor
from planwatch.web.pages.common import page_router, render
from planwatch.web.security import PLAN_SUFFIXES
from planwatch.workflow.principal import require_reviewer

router = page_router()
INT_FIELDS = frozenset({"period_start", "period_end", "baseline_year", "target_year", "year"})
FLOAT_FIELDS = frozenset({"baseline", "target", "value"})
MAX_SOURCE_BLOCKS = 5000


@dataclass(frozen=True)
class SourceLine:
    """One block of the uploaded document as shown beside the extracted plan."""

    line: int
    kind: str
    text: str


def source_lines(path: Path) -> list[SourceLine]:
    """The document's blocks with their source line (or running number when unknown)."""
    doc = read_document(path)
    out: list[SourceLine] = []
    for n, block in enumerate(doc.blocks[:MAX_SOURCE_BLOCKS], start=1):
        out.append(SourceLine(block.line if block.line is not None else n, block.kind,
                              block.text))
    return out


@router.get("/import")
def import_form(request: Request, actor: CurrentActor) -> Response:
    require_reviewer(actor)
    return render(request, "import.html", {"error": None})


@router.post("/import")
def upload(request: Request, store: StoreDep, settings: SettingsDep, actor: WritingActor,
           file: Annotated[UploadFile, File()]) -> Response:
    """Extract the uploaded document (kept pending until confirmed) and show it for review."""
    require_reviewer(actor)
    try:
        with saved_upload(file, PLAN_SUFFIXES, settings.max_upload_bytes) as path:
            preview = actions.preview_upload(store, actor, path, display_name(file))
            lines = source_lines(path)
    except PlanwatchError as exc:
        if getattr(exc, "code", "") == "forbidden":
            raise
        return render(request, "import.html", {"error": str(exc)}, status_code=422)
    return render(request, "import_review.html", {"p": preview, "plan": preview.plan,
                                                  "source": lines})


def one_line(text: str) -> str:
    """A text box's value on one line (line breaks typed into a name are dropped)."""
    return "".join(text.splitlines()).strip()


def coerce(field: str, text: str) -> Any:
    """The typed JSON value of a corrected field (empty → null)."""
    text = one_line(text)
    name = field.rsplit(".", 1)[-1]
    if not text:
        return None
    try:
        if name in INT_FIELDS:
            return int(float(text))
        if name in FLOAT_FIELDS:
            return float(text.replace(",", ""))
    except ValueError as exc:
        raise actions.Invalid("更正的数值格式错误", f"not a number: {field}",
                              [f"{field}：{text}"]) from exc
    return text


def corrections(form: dict[str, Any]) -> list[actions.Correction]:
    """Fields whose submitted text differs from the extracted value (``o:`` hidden copy)."""
    out = []
    for key, value in form.items():
        if not key.startswith("f:"):
            continue
        field = key[2:]
        original = str(form.get("o:" + field, ""))
        if one_line(str(value)) != one_line(original):
            out.append(actions.Correction(field=field, value=coerce(field, str(value))))
    return out


@router.post("/import/{upload_id}/confirm")
async def confirm(request: Request, upload_id: str, store: StoreDep,
                  actor: WritingActor) -> Response:
    """Store the reviewed plan with its corrections as a new plan version."""
    form = dict(await request.form())
    result = actions.confirm_upload(store, actor, upload_id, corrections(form))
    return RedirectResponse(f"/plans/{result.plan_id}", status_code=303)
