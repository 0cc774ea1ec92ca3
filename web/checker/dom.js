// Small DOM helpers shared by the checker's pages (app.js, unit.js). Text is
// only ever set with textContent, never parsed as HTML.

export const $ = (id) => document.getElementById(id);

/** An element with attributes (`text` → textContent, `dataset` → data-*) and children. */
export const el = (tag, props = {}, ...children) => {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (key === "text") node.textContent = value;
    else if (key === "dataset") Object.assign(node.dataset, value);
    else node.setAttribute(key, value);
  }
  node.append(...children.filter((c) => c !== null && c !== undefined));
  return node;
};

/** A text's parts, each “解读说明” in it a link to the reading it refers to
 * (`hrefs`, in order), as the static pages have it (sitegen/checker_page.py). */
export const withReadings = (text, hrefs = []) => text.split("解读说明").flatMap((part, i) => (i === 0 ? [part]
  : [hrefs[i - 1] ? el("a", { href: hrefs[i - 1], class: "reading-link", text: "解读说明" }) : "解读说明", part]));
