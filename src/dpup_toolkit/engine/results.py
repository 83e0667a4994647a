"""What a tool works out from the answers: the results its YAML declares, in order.

One small interpreter per result kind (unmet, template, rules, score, catalogue). checklist.js has
the same rules in `resultsOf`; tests/test_front_end_logic.py compares the two byte for byte.
Each result is a plain dict, the same in the JSON record, the Markdown record and on the page.
"""
from __future__ import annotations

from .plain_language import check_text
from .progress import Answers, progress, shown_answer, visible_items
from .schema import PLACEHOLDER, Checklist, placeholders


def template(checklist: Checklist, result, answers: Answers, shown: set[str]) -> dict:
    """Parts filled from text and choice answers. A part whose placeholders are all empty is left
    out; a part with some empty shows each gap as [the item's prompt]; nothing written, no parts."""
    def value_of(item_id: str) -> str:
        item = checklist.item(item_id)
        answer = shown_answer(item, answers, shown)
        if not answer:
            return ""
        return item.option_label(answer) if item.kind == "choice" else answer

    parts, written = [], False
    for part in result.parts:
        names = placeholders(part.text)
        if names and not any(value_of(name) for name in names):
            continue
        written = written or bool(names)
        text = PLACEHOLDER.sub(lambda m: value_of(m.group(1)) or f"[{checklist.item(m.group(1)).prompt}]", part.text)
        parts.append({"heading": part.heading, "text": text})
    if not written:
        parts = []
    return {"kind": "template", "id": result.id, "title": result.title, "parts": parts,
            "text": "\n\n".join(f"{p['heading']}\n{p['text']}" if p["heading"] else p["text"] for p in parts),
            "plain_language": check_text([p["text"] for p in parts]) if result.plain_language else None}


def rules(checklist: Checklist, result, answers: Answers, shown: set[str]) -> dict:
    """The first rule whose every condition holds, once every shown item the rules ask about is answered."""
    asked = {item_id for rule in result.rules for item_id in rule.when}
    waiting = any(not shown_answer(checklist.item(item_id), answers, shown) for item_id in asked if item_id in shown)
    chosen = None
    for rule in () if waiting else result.rules:
        if all(shown_answer(checklist.item(item_id), answers, shown) in wanted
               for item_id, wanted in rule.when.items()):
            chosen = rule.result.model_dump(mode="json")
            break
    return {"kind": "rules", "id": result.id, "title": result.title, "recommendation": chosen}


def score(checklist: Checklist, result, answers: Answers, shown: set[str]) -> dict:
    quiz = [item for item in checklist.items if item.id in shown and item.kind == "choice" and item.correct]
    right = sum(1 for item in quiz if shown_answer(item, answers, shown) == item.correct)
    return {"kind": "score", "title": result.title, "correct": right, "total": len(quiz)}


def catalogue(checklist: Checklist, result, answers: Answers, shown: set[str], entries: list[dict]) -> dict:
    """The tools (other than this one) and case studies whose roles and stages hold the chosen ones."""
    role = shown_answer(checklist.item(result.by.role), answers, shown) if result.by.role else None
    stage = shown_answer(checklist.item(result.by.stage), answers, shown) if result.by.stage else None
    fits = [] if not (role or stage) else [
        entry for entry in entries
        if (not role or role in entry["roles"]) and (not stage or stage in entry["stages"])]
    return {"kind": "catalogue", "title": result.title, "role": role, "stage": stage,
            "tools": [entry["id"] for entry in fits if entry["kind"] == "tool" and entry["id"] != checklist.id],
            "cases": [entry["id"] for entry in fits if entry["kind"] == "case"]}


def results_of(checklist: Checklist, answers: Answers, entries: list[dict] | None = None) -> list[dict]:
    """Every result of the tool for these (clean) answers. `entries`: the catalogue (tools and case studies)."""
    shown = {item.id for item in visible_items(checklist, answers)}
    out = []
    for result in checklist.results:
        if result.kind == "unmet":
            unmet = progress(checklist, answers).unmet
            out.append({"kind": "unmet", "title": result.title, "items": [item.id for item in unmet]})
        elif result.kind == "catalogue":
            out.append(catalogue(checklist, result, answers, shown, entries or []))
        else:
            out.append({"template": template, "rules": rules, "score": score}[result.kind](
                checklist, result, answers, shown))
    return out

