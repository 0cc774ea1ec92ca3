// The unit's desk: the counts by verdict as a small bar chart (SVG), on the
// results and on the print bundle's summary. The other pictures of the site
// are drawn at build time (sitegen/diagrams.py); these numbers exist only in
// the browser, so this one is drawn here, in the same look (diagrams.css).
// Built with DOM calls and textContent: nothing is parsed as markup.

const NS = "http://www.w3.org/2000/svg";
const WIDTH = 340; // as the build-time pictures: fits a 390 px phone unscaled
const ROW = 40; // a line of words, then the bar under it

function svgEl(name, attrs = {}, text) {
  const node = document.createElementNS(NS, name);
  for (const [key, value] of Object.entries(attrs)) node.setAttribute(key, String(value));
  if (text !== undefined) node.textContent = text;
  return node;
}

/** One bar per verdict (and one for the rows not checked, when there are
 * any), in the page's order, its length the share of the list, labelled with
 * its words and count; the picture's name says all the counts (its text
 * alternative). `batch`: the batch result ({counts: {verdict: n}, not_checked});
 * `verdicts`: the order; `labels`: {verdict: words}; `notChecked`: the words
 * for rows that could not be checked. */
export function countsBar(batch, verdicts, labels, notChecked) {
  const rows = verdicts.map((v) => [v, labels[v], batch.counts[v] || 0]);
  if (batch.not_checked) rows.push(["not_checked", notChecked, batch.not_checked]);
  const total = Math.max(1, rows.reduce((sum, [, , n]) => sum + n, 0));
  const words = rows.map(([, label, n]) => `${label} ${n} 人`).join("，");
  const height = rows.length * ROW + 2;
  const svg = svgEl("svg", {
    class: "diagram-svg diagram-counts", viewBox: `0 0 ${WIDTH} ${height}`, width: WIDTH, height,
    role: "img", "aria-label": `按结论统计：${words}`,
  });
  svg.append(svgEl("title", {}, `按结论统计：${words}`));
  rows.forEach(([key, label, n], i) => {
    const y = i * ROW;
    svg.append(svgEl("text", { x: 0, y: y + 16, "font-size": 14, class: "diagram-count-label" }, `${label}　${n} 人`));
    svg.append(svgEl("rect", { x: 0, y: y + 22, width: WIDTH, height: 12, fill: "#fff", stroke: "#767676", "stroke-width": 1, class: "diagram-bar-track" }));
    if (n > 0) {
      svg.append(svgEl("rect", { x: 0, y: y + 22, width: Math.max(3, (WIDTH * n) / total), height: 12, fill: "#333",
        class: `diagram-bar diagram-bar--${key}`, "data-bar": key, "data-count": n }));
    }
  });
  return svg;
}

/** The bar in place after `anchor` (the page's list of counts), replacing the
 * previous check's. */
export function placeCountsBar(anchor, ...args) {
  const svg = countsBar(...args);
  const previous = anchor.nextElementSibling;
  if (previous && previous.classList.contains("diagram-counts")) previous.replaceWith(svg);
  else anchor.after(svg);
}
