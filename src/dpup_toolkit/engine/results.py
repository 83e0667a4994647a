"""What a tool works out from the answers: the results its YAML declares, in order.

One small interpreter per result kind (unmet, template, rules, score, catalogue). checklist.js has
the same rules in `resultsOf`; tests/test_front_end_logic.py compares the two byte for byte.
Each result is a plain dict, the same in the JSON record, the Markdown record and on the page.
"""
from __future__ import annotations

import re

from ..shared import LOWER_AFTER_LEAD_IN, WHITESPACE
from .catalogue import FIT_FIELDS, fit_reason, rank_key
from .plain_language import check_text
from .progress import Answers, progress, shown_answer, visible_items
from .schema import PLACEHOLDER, Checklist, placeholders


_ENDS = re.compile(f"^[{WHITESPACE}]+|[{WHITESPACE}]+$")
_WORDS = re.compile(f"[^{WHITESPACE}]+")
_CLOSED = re.compile(r"[.!?…][\"'”’)\]]*$")  # ends a sentence, after any closing quotes or brackets
_OPEN_END = re.compile(f"[,;:{WHITESPACE}]+$")


_MARKS = ".,;:!?"


def _bare(word: str) -> str:
    return word.strip(_MARKS).lower()


def fit_answer(lead: str, answer: str, after: str) -> str:
    """Typed text as it joins a template: `lead` and `after` are the template's text either side of
    the placeholder. Words the lead ends with are not repeated ("We need it to | to match you"; a
    lead ending in ":" only when typed again in full); an ordinary first word after a lead ending in
    a word is lower case ("for | Your name"); a part the lead starts and the answer ends gets a full
    stop; before the template's own punctuation the answer's is left out ("We collect {what}.")."""
    answer = _ENDS.sub("", answer)
    words = [match for match in _WORDS.finditer(answer)]
    lead_words = _WORDS.findall(lead)
    in_sentence = bool(lead_words) and lead_words[-1][-1].isalnum()
    for k in range(min(len(lead_words), len(words) - 1), 0, -1):
        if (in_sentence or k == len(lead_words)) and \
                [_bare(w) for w in lead_words[-k:]] == [_bare(m.group()) for m in words[:k]]:
            answer = answer[words[k].start():]
            break
    first = _WORDS.match(answer)
    if in_sentence and first and _bare(first.group()) in LOWER_AFTER_LEAD_IN:
        answer = answer[0].lower() + answer[1:]
    after = _ENDS.sub("", after)
    if after and after[0] in _MARKS:
        answer = answer.rstrip(_MARKS)
    elif not after and lead_words and not _CLOSED.search(answer):
        answer = _OPEN_END.sub("", answer) + "."
    return answer


def template(checklist: Checklist, result, answers: Answers, shown: set[str]) -> dict:
    """Parts filled from text and choice answers. A part whose placeholders are all empty is left
    out; a part with some empty shows each gap as [the item's prompt]; nothing written, no parts."""
    def value_of(item_id: str) -> str:
        item = checklist.item(item_id)
        answer = shown_answer(item, answers, shown)
        if not answer:
            return ""
        return item.label(checklist, answer)

    parts, written = [], False
    for part in result.parts:
        names = placeholders(part.text)
        if names and not any(value_of(name) for name in names):
            continue
        written = written or bool(names)
        text, at = "", 0
        for match in PLACEHOLDER.finditer(part.text):
            value = value_of(match.group(1))
            following = PLACEHOLDER.search(part.text, match.end())
            after = part.text[match.end():following.start() if following else len(part.text)]
            text += part.text[at:match.start()] + (
                fit_answer(part.text[at:match.start()], value, after) if value
                else f"[{checklist.item(match.group(1)).prompt}]")
            at = match.end()
        text += part.text[at:]
        parts.append({"heading": part.heading, "text": text})
    if not written:
        parts = []
    return {"kind": "template", "id": result.id, "title": result.title, "parts": parts,
            "text": "\n\n".join(f"{p['heading']}\n{p['text']}" if p["heading"] else p["text"] for p in parts),
            "plain_language": check_text([p["text"] for p in parts]) if result.plain_language else None}


def rules(checklist: Checklist, result, answers: Answers, shown: set[str]) -> dict:
    """The first rule whose every condition holds, once every shown item the rules ask about is
    answered. `because`: the answers that rule asks about, in the tool's order, so the page and
    the record can say which answers led to it; a condition that takes every option decides nothing
    and is left out."""
    asked = {item_id for rule in result.rules for item_id in rule.when}
    waiting = any(not shown_answer(checklist.item(item_id), answers, shown) for item_id in asked if item_id in shown)
    chosen = None
    for rule in () if waiting else result.rules:
        if all(shown_answer(checklist.item(item_id), answers, shown) in wanted
               for item_id, wanted in rule.when.items()):
            deciding = [item_id for item_id, wanted in rule.when.items()
                        if len(set(wanted)) < len(checklist.item(item_id).options)]
            outcome = rule.result.model_dump(mode="json")
            chosen = {"title": outcome["title"], "text": outcome["text"],
                      "because": [{"item": item.id, "answer": shown_answer(item, answers, shown)}
                                  for item in checklist.items if item.id in deciding],
                      "links": outcome["links"]}
            break
    return {"kind": "rules", "id": result.id, "title": result.title, "recommendation": chosen}


def score(checklist: Checklist, result, answers: Answers, shown: set[str]) -> dict:
    # The items with a right answer (a choice's `correct`).
    quiz = [item for item in checklist.items if item.id in shown and getattr(item, "correct", None)]
    right = sum(1 for item in quiz if shown_answer(item, answers, shown) == item.correct)
    wrong = [item.id for item in quiz if shown_answer(item, answers, shown) not in (None, item.correct)]
    return {"kind": "score", "title": result.title, "correct": right, "total": len(quiz), "wrong": wrong}


def catalogue(checklist: Checklist, result, answers: Answers, shown: set[str], entries: list[dict]) -> dict:
    """The tools (other than this one) and case studies that fit one or more of the chosen answers,
    ranked by one rule (catalogue.rank_key), each with which answers it fits and why. The first
    `best` tools fit every chosen answer: the page and the record lead with them."""
    items = {"role": result.by.role, "stage": result.by.stage}
    chosen = {field: shown_answer(checklist.item(item_id), answers, shown) if item_id else None
              for field, item_id in items.items()}
    offered = {field: [option.value for option in checklist.item(item_id).options]
               for field, item_id in items.items() if item_id}
    labels = {field: checklist.item(items[field]).option_label(value) for field, value in chosen.items() if value}
    wanted = [field for field, value in chosen.items() if value]

    def fitted(entry):
        return [field for field, listed in FIT_FIELDS if field in wanted and chosen[field] in entry[listed]]

    listed = sorted((entry for entry in entries if fitted(entry) and (entry["kind"], entry["id"]) != ("tool", checklist.id)),
                    key=lambda entry: rank_key(entry, chosen, offered))
    ranked = {kind: [{"id": entry["id"], "fits": fitted(entry), "why": fit_reason(entry, chosen, labels, offered)}
                     for entry in listed if entry["kind"] == kind] for kind in ("tool", "case")}
    best = min(result.lead, len([entry for entry in ranked["tool"] if len(entry["fits"]) == len(wanted)]))
    return {"kind": "catalogue", "title": result.title, "role": chosen["role"], "stage": chosen["stage"], "best": best,
            "tools": ranked["tool"], "cases": ranked["case"]}


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

