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
