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

/** One bar per verdict, in the page's order, its length the verdict's share of
 * the list, labelled with its verdict and count; the picture's name says all
 * the counts (its text alternative).
 * `counts`: {verdict: n}; `verdicts`: the order; `labels`: {verdict: words}. */
export function countsBar(counts, verdicts, labels) {
  const height = verdicts.length * ROW + 2;
  const total = Math.max(1, verdicts.reduce((sum, v) => sum + (counts[v] || 0), 0));
  const words = verdicts.map((v) => `${labels[v]} ${counts[v] || 0} 人`).join("，");
  const svg = svgEl("svg", {
    class: "diagram-svg diagram-counts", viewBox: `0 0 ${WIDTH} ${height}`, width: WIDTH, height,
    role: "img", "aria-label": `按结论统计：${words}`,
  });
  svg.append(svgEl("title", {}, `按结论统计：${words}`));
  verdicts.forEach((verdict, i) => {
    const n = counts[verdict] || 0;
    const y = i * ROW;
    svg.append(svgEl("text", { x: 0, y: y + 16, "font-size": 14, class: "diagram-count-label" }, `${labels[verdict]}　${n} 人`));
    svg.append(svgEl("rect", { x: 0, y: y + 22, width: WIDTH, height: 12, fill: "#fff", stroke: "#999", "stroke-width": 1, class: "diagram-bar-track" }));
    if (n > 0) {
      const width = Math.max(3, (WIDTH * n) / total);
      svg.append(svgEl("rect", { x: 0, y: y + 22, width, height: 12, fill: "#333", class: `diagram-bar diagram-bar--${verdict}`, "data-bar": verdict }));
    }
  });
  return svg;
}
