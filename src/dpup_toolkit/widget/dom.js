// Drawing the form. Text from people and from checklist files only ever goes in as textContent.

function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === false || value === null || value === undefined) continue;
    if (name === "text") element.textContent = value;
    else if (name === "className") element.className = value;
    else element.setAttribute(name, value === true ? "" : value);
  }
  element.append(...children.filter((child) => child !== null && child !== undefined));
  return element;
}

function today() {
  const now = new Date();
  const pad = (n) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

// A date and time for file names: 2026-11-21-0930 (local time).
function stamp() {
  const now = new Date();
  return `${today()}-${String(now.getHours()).padStart(2, "0")}${String(now.getMinutes()).padStart(2, "0")}`;
}

const DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

function download(filename, text, type) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = h("a", { href: url, download: filename, hidden: true });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

function bookHref(page) {
  // On the built book, <html data-content_root="../"> says how far the site root is.
  const root = document.documentElement.dataset.content_root;
  return root === undefined ? null : `${root}${page}.html`;
}

function linksLine(links, lead = "Read more: ") {
  if (!links.length) return null;
  return h("p", { className: "dpup-links" }, lead, ...links.flatMap((link, i) => {
    const href = bookHref(link.page);
    const node = href ? h("a", { href, text: link.title }) : h("span", { text: link.title });
    return i ? ["; ", node] : [node];
  }));
}

function copyText(text) {
  if (navigator.clipboard && window.isSecureContext) return navigator.clipboard.writeText(text);
  const area = h("textarea", { readonly: true, className: "dpup-copy-area" });
  area.value = text;
  document.body.append(area);
  area.select();
  const copied = document.execCommand("copy");
  area.remove();
  return copied ? Promise.resolve() : Promise.reject(new Error("copy refused"));
}

function plural(n, word) {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

export { DOCX_TYPE, bookHref, copyText, download, h, linksLine, plural, stamp, today };
