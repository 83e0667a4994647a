"""A live tool keeps te reo Māori words marked lang="mi" as a person uses it: on the site (where the
form drawn at build time is replaced by the live one) and in Voila, where nothing was marked at
build time. What the tool draws after an answer (next steps, guidance) is marked too."""
import json
import re

from playwright.sync_api import expect

from dpup_toolkit import load_checklist, te_reo

from ..conftest import ROOT

TERMS = te_reo.load_terms()
WORD = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(t["term"]) for t in TERMS) + r")(?!\w)", re.I)
LABELS = {"yes": "Yes", "no": "No"}


def shown_after_an_answer():
    """A tool, one of its questions and an answer whose guidance (drawn only once it is given)
    has a listed word in it."""
    for path in sorted((ROOT / "checklists").glob("*.yml")):
        tool = load_checklist(path)
        for section in tool.sections:
            for item in section.items:
                for key, text in (getattr(item, "guidance", None) or {}).items():
                    if key in LABELS and WORD.search(str(text)):
                        return tool, item, key
    raise AssertionError("no tool's guidance uses a listed word")


TOOL, ITEM, ANSWER = shown_after_an_answer()

# Every listed word in the tool's text, whole, that is not inside an element in its language.
UNMARKED = r"""(form, terms) => {
  const escape = (word) => word.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const words = terms.map((t) => t.term.split(" ").map(escape).join("\\s+"));
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}_/#@])(?:${words.join("|")})(?![\\p{L}\\p{N}_/@])`, "giu");
  const found = [];
  const walker = document.createTreeWalker(form, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement;
    if (parent.closest("script, style, code, pre, textarea, option, select, svg")) continue;
    for (const match of node.data.matchAll(pattern)) {
      const lang = parent.closest("[lang]")?.lang;
      if (lang !== "mi" && lang !== "sm") found.push(`${match[0]} in "${node.data.trim().slice(0, 60)}"`);
    }
  }
  return found;
}"""


def marked_words(page, selector):
    return {" ".join(text.split()) for text in page.locator(f'{selector} span[lang="mi"]').all_inner_texts()}


def answer_and_check_marks(page):
    form = page.locator(".dpup-checklist").first
    expect(form).to_be_visible()
    item = page.locator(f"#dpup-{TOOL.id}-item-{ITEM.id}")
    other = next(label for key, label in LABELS.items() if key != ANSWER)
    word = WORD.search(str(ITEM.guidance[ANSWER]))[0]
    for label in (LABELS[ANSWER], other, LABELS[ANSWER]):  # drawn, replaced, drawn again
        item.get_by_label(label, exact=True).check()
        guidance = item.locator(".dpup-guidance")
        expect(guidance).to_be_visible()
        if label == LABELS[ANSWER]:
            # The guidance the answer brought is marked, as is everything else the tool shows.
            expect(guidance.locator('span[lang="mi"]', has_text=word).first).to_be_visible()
        assert form.evaluate(UNMARKED, TERMS) == []


def test_the_live_tool_on_the_site_keeps_the_marks_after_use(visit, site_url):
    v = visit()
    page = v.page
    page.goto(f"{site_url}/checklists/{TOOL.id}.html", wait_until="load")
    assert marked_words(page, ".static-widget[data-drawn]")  # drawn at build time
    answer_and_check_marks(page)
    expect(page.locator(".static-widget[data-drawn]")).to_have_count(0)  # the live form now
    assert page.locator("html").get_attribute("lang") == "en-NZ"
    assert v.real_errors() == []


def test_the_tool_in_voila_marks_te_reo_words_as_it_draws(visit, voila_url):
    v = visit()
    page = v.page
    page.goto(f"{voila_url}/voila/render/checklists/{TOOL.id}.ipynb")
    page.wait_for_selector(".dpup-checklist", timeout=60_000)
    expect(page.locator('.dpup-checklist span[lang="mi"]').first).to_be_attached()
    answer_and_check_marks(page)
    stored = page.evaluate(f"Object.keys(localStorage).filter(k => k.includes({json.dumps(TOOL.id)}))")
    assert stored, "the answer was saved as usual"
