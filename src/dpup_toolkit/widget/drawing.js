// Pieces the item and result kinds draw with. Text from people and from checklist files only ever
// goes in as textContent (dom.js h).
import { h } from "./dom.js";

// ctx (what every kind is drawn with): { def, id(item), resultId(i), update(itemId, change, options),
// noteOf(itemId) }.

function noteField(ctx, item) {
  const note = h("textarea", { id: `${ctx.id(item)}--note`, rows: 2, className: "dpup-note" });
  note.addEventListener("input", () => ctx.update(item.id, { note: note.value }, { sync: false }));
  note.addEventListener("change", () => ctx.update(item.id, { note: note.value }));
  const label = h("label", { for: note.id, className: "dpup-note-label", text: "Your note (optional)" });
  return { note, label };
}

function radioGroup(ctx, item, options) {
  const id = ctx.id(item);
  const radios = options.map((option) => h("input", {
    type: "radio", name: `${id}--answer`, value: option.value, id: `${id}--option-${option.value}`,
  }));
  for (const radio of radios) {
    radio.addEventListener("change", () => {
      if (radio.checked) ctx.update(item.id, { answer: radio.value });
    });
  }
  const node = h("div", { className: "dpup-options" }, ...options.map((option, i) => h(
    "label", { for: radios[i].id, className: "dpup-option" }, radios[i], h("span", { text: option.label }),
  )));
  return { radios, node };
}

// ---- One drawing function per result kind. Each returns { node, refresh(value) }. ----
// ctx adds: resultId(i), the id of the i-th result's section.

function resultFrame(ctx, result, i, ...children) {
  const headingId = `${ctx.resultId(i)}--heading`;
  return h("section", { className: `dpup-result dpup-result-${result.kind}`, id: ctx.resultId(i), "aria-labelledby": headingId },
    h("h2", { id: headingId, text: result.title }),
    result.intro ? h("p", { className: "dpup-intro", text: result.intro }) : null,
    ...children);
}

export { noteField, radioGroup, resultFrame };
