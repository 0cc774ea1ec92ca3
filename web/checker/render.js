// How a result's parts look, on every page on the checker's worker (app.js,
// unit.js, their printouts): a clause link, a finding, a checklist item, a
// step and a period. Their words come with the result (Python) and their
// labels and links with the page's data (sitegen/checker_page.py,
// sitegen/unit_page.py: `labels`, `clauses`); the classes and data-* they set
// are the pages' DOM hooks (the styles, the tests).

import { el, withReadings } from "./dom.js";

/** The renderers for one page, from its data ({ labels, clauses, readings,
 * item_readings }: a finding's reading and an item's readings by id). */
export function renderers({ labels, clauses, readings = {}, item_readings: itemReadings = {} }) {
  /** A clause id (or {id, label}) → the link to it on the notice page. */
  const clauseLink = (clause) => {
    const id = typeof clause === "string" ? clause : clause.id;
    const known = clauses[id];
    return known ? el("a", { href: known.href, class: "clause-link", text: known.label }) : el("span", { text: id });
  };

  /** " · 本站的理解": the link to the reading of 解读说明 finding `id` rests on, or nothing. */
  const readingLink = (id) => {
    const href = readings[id];
    return href ? el("span", {}, " · ", el("a", { href, class: "reading-link", text: "本站的理解" })) : null;
  };

  /** A finding ({ severity, message, clause, id }) as a `tag`: its severity,
   * its words, `lead` and its clause, then the link to its reading. */
  const finding = (tag, f, { dataset = {}, lead = " 依据：" } = {}) =>
    el(tag, { class: `finding finding--${f.severity}`, dataset },
      el("span", { class: "finding-severity", text: `${labels.severity[f.severity]}：` }),
      el("span", { text: f.message }), lead, clauseLink(f.clause), readingLink(f.id));

  /** A finding as one printed line: 须确认：…（clause · 本站的理解）. */
  const printedFinding = (f) =>
    el("li", {}, `${labels.severity[f.severity]}：${f.message}（`, clauseLink(f.clause), readingLink(f.id), "）");

  /** A checklist item ({ title, who, detail, clause }) with a box to tick;
   * `concerns`: whom it concerns, after who does it (the unit's desk);
   * each 解读说明 its detail names links the item's reading (in order). */
  const checklistItem = (item, { dataset = {}, concerns = "" } = {}) =>
    el("li", { class: "checklist-item", dataset },
      el("span", { class: "checkbox", "aria-hidden": "true" }),
      el("strong", { text: item.title }), el("span", { class: "who", text: `（${labels.who[item.who]}${concerns}）` }),
      item.detail ? el("br") : null, item.detail ? el("span", { class: "detail" }, ...withReadings(item.detail, itemReadings[item.id])) : null,
      " 依据：", clauseLink(item.clause));

  /** A checklist item as one printed line, with a box to tick. */
  const printedItem = (item) => el("li", {},
    el("span", { class: "checkbox", "aria-hidden": "true" }), `${item.title}（${labels.who[item.who]}，`, clauseLink(item.clause), "）");

  /** A line of words and the clause they come from: a step, a period. */
  const cited = (props, text, clause) => el("li", props, el("span", { text }), " · ", clauseLink(clause));
  const step = (s) => cited({ dataset: { stepClause: s.clause } }, s.title, s.clause);
  /** A date of the result: its period as Python words it, what happens then. */
  const period = (d, props = {}) => cited(props, `${d.period}：${d.title}`, d.clause);

  return { clauseLink, finding, printedFinding, checklistItem, printedItem, step, period };
}
