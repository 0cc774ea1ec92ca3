// The unit's desk (/unit/): a staff list in, every person's verdict and
// checklist out, through the checker's own worker (boot.js starts it) and the
// same Python rules (checker.batch, see web/checker/batch.js).
// Nothing leaves the browser and nothing is stored: the roster is held in this
// page's memory and the worker's only. Text from the roster is only ever
// inserted with textContent, never parsed as HTML.

import { startPage } from "./connect.js";
import { $, el } from "./dom.js";
import { countsBar, placeCountsBar } from "./chart.js";
import { renderers } from "./render.js";

const root = document.getElementById("unit-app");
const DATA = JSON.parse(document.getElementById("unit-data").textContent);
const LABELS = DATA.labels;
const html = document.documentElement;

// Clause links, findings and checklist items, as on /checker/ (render.js).
const render = renderers(DATA);
const questionLabel = (key) => (DATA.questions[key] ? DATA.questions[key].label : key);
// The person's own check, prefilled (relative on screen, absolute in exports and QR codes).
// The answers go after "#": a browser never sends the fragment to the server.
const checkerHref = (query) => `../checker/${query ? `#${query}` : ""}`;
const NOT_CHECKED = "表格有误（未检查）";
const absolute = (href) => new URL(href, location.href).href;
const siteRoot = () => new URL("../", location.href).href;

// ---- the worker -------------------------------------------------------------

let worker = null;
let ready = false;
let nextId = 1;
const waiting = new Map();
let busyCount = 0;

function setBusy(delta) {
  busyCount += delta;
  root.dataset.busy = busyCount > 0 ? "true" : "false"; // testing hook
}

// The start, its watchdog and its failures, as on /checker/ (connect.js; set
// by startWorker): a failure shows the page's sentence for its kind
// (generated with the page, sitegen/unit_page.py).
let page = null;

function setStatus(text, value, max = 100) {
  $("unit-status").hidden = false;
  $("unit-status-text").textContent = text;
  if (value !== undefined) {
    $("unit-progress").max = max || 1;
    $("unit-progress").value = value;
  }
}

/** Call checker.batch.web.<call>(JSON) in the worker; resolves with the parsed reply. */
function call(name, args, needs = []) {
  const id = nextId++;
  return new Promise((resolve, reject) => {
    waiting.set(id, { resolve, reject });
    worker.postMessage({ type: "batch", id, call: name, args, needs });
  });
}

function settle(data) {
  const pending = waiting.get(data.id);
  if (!pending) return;
  waiting.delete(data.id);
  if (data.type === "batch-error") {
    pending.reject(new Error(data.message));
    return;
  }
  const reply = JSON.parse(data.payload);
  if (data.rowTexts) reply.batch.rowTexts = data.rowTexts; // a long roster's rows, parsed by parseRows
  pending.resolve(reply);
}

// The checker's worker protocol (worker.js), plus the unit's batch replies.
const ON_MESSAGE = {
  progress: (data) => {
    setStatus(`正在下载自查工具……（${Math.round(data.loaded / 1024)} / ${Math.round(data.total / 1024)} KB）`,
              data.loaded, data.total);
  },
  phase: () => {
    setStatus("下载完成，正在启动……");
  },
  ready: (data) => {
    // Python is up; load the batch code (and what a CSV needs) before saying
    // "ready", so that checking a CSV or a pasted table needs no request.
    setStatus("正在加载自查工具的批量部分……");
    call("ping", {}).then(() => {
      page.started();
      ready = true;
      root.dataset.boot = data.boot;
      $("unit-status").hidden = true;
      html.dataset.checker = "ready";
      root.dataset.busy = "false";
      performance.mark("checker-ready"); // read by bench/unit.py
      if (source) check(); // a file chosen while Python was starting
    }, (error) => page.fail("start", error.message));
  },
  // openpyxl, segno … are kept: .xlsx, exports and printing work offline (testing hook).
  "unit-stored": () => { root.dataset.offline = "ready"; },
  "batch-result": settle,
  "batch-error": settle,
  error: (data) => {
    console.error("unit:", data.message);
    for (const [id, { reject }] of waiting) {
      waiting.delete(id);
      reject(new Error("计算出错，请刷新页面重试。"));
    }
  },
};

/** Take the worker over from boot.js (connect.js), as the checker page does. */
function startWorker() {
  page = startPage({
    name: "unit",
    handlers: ON_MESSAGE,
    isReady: () => ready,
    onStart: (bootWorker) => {
      worker = bootWorker;
      setStatus("正在准备自查工具……", 0);
    },
    // The calls still waiting will never be answered.
    onFail: (kind) => {
      for (const { reject } of waiting.values()) reject(new Error(kind));
      waiting.clear();
    },
  });
  page.connect();
}

// ---- input ------------------------------------------------------------------

let source = null; // {text} or {file: base64, filename}: in memory only
let lastBatch = null;
let checks = 0;

function unitAnswers() {
  const answers = {};
  for (const key of DATA.unit_keys) {
    const checked = document.querySelector(`#unit-form input[name="${key}"]:checked`);
    if (!checked || checked.value === "") continue;
    answers[key] = checked.value === "true" ? true : checked.value === "false" ? false : checked.value;
  }
  return answers;
}

function readAsBase64(file) {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ""));
    reader.onerror = () => reject(new Error("无法读取这个文件"));
    reader.readAsDataURL(file);
  });
}

// What a file needs loaded, by its first bytes: a zip ("PK\x03\x04") is .xlsx,
// an OLE container (D0 CF 11 E0 …) an old .xls; CSV needs nothing more.
const needsFor = (base64) => (base64.startsWith("UEsDB") ? ["openpyxl"] : base64.startsWith("0M8R4KGxGuE") ? ["xlrd"] : []);

// Issue 18, 6-7: the newest input always wins. Every new input (a file, a
// paste, a unit answer) takes a new number; a check whose input is no longer
// the newest drops its result. One check runs at a time (the worker's Python
// is one thread): what changes meanwhile is checked once when it ends, not
// queued once per change; changes of a unit answer wait RECHECK_MS for the next.
let latest = 0;
let running = null;
let again = false;
const RECHECK_MS = 300;
let recheckTimer = 0;
// Long work shows its progress and a cancel button after this long.
const LONG_MS = 800;

function newInput() {
  latest += 1;
  return latest;
}

function recheckSoon() {
  newInput();
  clearTimeout(recheckTimer);
  recheckTimer = setTimeout(check, RECHECK_MS);
}

async function check() {
  if (!ready || !source) return;
  if (running) {
    again = true; // the newest input is checked once this one ends
    return;
  }
  const mine = latest;
  setBusy(+1);
  const long = setTimeout(() => showWorking(mine), LONG_MS);
  running = (async () => {
    try {
      const needs = source.file ? needsFor(source.file) : [];
      const reply = await call("check", { ...source, unit: unitAnswers() }, needs);
      if (mine !== latest) return; // an older input's result: dropped
      if (reply.error) showMessage(reply.error);
      else if (await parseRows(reply.batch, () => mine === latest)) await show(reply.batch, () => mine === latest);
      if (mine === latest) root.dataset.checked = String(++checks); // testing hook: checks shown
    } catch (error) {
      if (mine !== latest || error.cancelled) return;
      showMessage(`检查出错：${error.message}`);
      root.dataset.checked = String(++checks);
    }
  })();
  try {
    await running;
  } finally {
    clearTimeout(long);
    hideWorking();
    running = null;
    setBusy(-1);
  }
  if (again) {
    again = false;
    check();
  }
}

/** Long work: an indeterminate progress bar, the seconds spent, and a button
 * that cancels it (the worker is stopped and started again: Python cannot be
 * interrupted from here). */
let workingTimer = 0;
function showWorking(mine) {
  if (mine !== latest || !running) return;
  const started = Date.now();
  const rows = source && source.text ? source.text.split("\n").filter((line) => line.trim()).length - 1 : 0;
  const text = () => `正在检查${rows > 0 ? ` ${rows} 行` : ""}……（已用 ${Math.round((Date.now() - started) / 1000 + LONG_MS / 1000)} 秒）`;
  setStatus(text());
  $("unit-status").classList.add("unit-working");
  $("unit-progress").removeAttribute("value"); // indeterminate: Python reports no steps
  $("unit-progress").setAttribute("aria-label", "检查进度");
  if (!$("unit-cancel")) {
    $("unit-status").append(el("button", { type: "button", class: "md-button", id: "unit-cancel", text: "取消检查" }));
    $("unit-cancel").addEventListener("click", cancel);
  }
  $("unit-cancel").hidden = false;
  clearInterval(workingTimer);
  workingTimer = setInterval(() => { $("unit-status-text").textContent = text(); }, 1000);
}

function hideWorking() {
  clearInterval(workingTimer);
  $("unit-status").classList.remove("unit-working");
  if (!ready) return;
  $("unit-status").hidden = true;
  if ($("unit-cancel")) $("unit-cancel").hidden = true;
}

/** Stop the check at once: a new worker replaces the busy one (ready again in
 * about a second, from the memory snapshot); the roster is forgotten. */
function cancel() {
  newInput();
  source = null;
  again = false;
  clearInterval(workingTimer);
  if ($("unit-cancel")) $("unit-cancel").hidden = true;
  const old = worker;
  ready = false;
  for (const { reject } of waiting.values()) reject(Object.assign(new Error("已取消"), { cancelled: true }));
  waiting.clear();
  old.onmessage = null;
  old.terminate();
  showMessage("已取消检查。可以重新选择文件或粘贴表格。");
  root.dataset.checked = String(++checks);
  setStatus("正在重新准备自查工具……", 0);
  worker = page.restart();
}

function showMessage(text) {
  lastBatch = null;
  $("unit-results").hidden = true;
  arranging += 1; // a sorting under way stops
  tableRows = [];
  clearTable($("unit-table")); // no row of an earlier roster stays behind the message
  $("row-errors").replaceChildren();
  $("print-bundle").replaceChildren();
  const box = $("unit-message");
  box.replaceChildren(el("p", { text }));
  box.hidden = false;
  box.focus();
}

// ---- results ----------------------------------------------------------------

// ---- long tables (issue 18, 7: no task over 200 ms on the main thread) ------
// A table's rows go by groups of GROUP, a <tbody> each (several <tbody> make
// one table for keyboards and screen readers alike). A group off screen is
// neither styled, laid out nor painted until scrolled to, and its text is
// still found by find-in-page (content-visibility: auto, unit.css); the
// browser tests each such element for being on screen every frame, so 20,000
// rows are 200 tests, not 20,000. Rows are appended a chunk at a time, each in
// its own task after the browser has drawn the chunk before; a chunk's size
// follows what one took on this machine. Sorting and filtering move the rows
// between the groups a slice of work per task (arrange).
const GROUP = 100;
const FIRST_CHUNK = 100;
const CHUNK_MS = 80; // a chunk's script, style, layout and paint together
const SLICE_MS = 30; // sorting and filtering: the work of one task

/** Resolves once the next frame is drawn; at once in a hidden tab (it draws no frames). */
function nextFrame() {
  return new Promise((resolve) => {
    if (document.hidden) {
      setTimeout(resolve, 0);
      return;
    }
    const late = setTimeout(resolve, 200); // hidden meanwhile
    requestAnimationFrame(() => setTimeout(() => { clearTimeout(late); resolve(); }, 0));
  });
}

/** A task's share of long work: ``pause()`` once SLICE_MS are used lets the
 * browser draw and answer before going on; false if no longer ``current()``. */
function slices(current) {
  let began = performance.now();
  return {
    async pause() {
      if (performance.now() - began < SLICE_MS) return true;
      await new Promise((resolve) => setTimeout(resolve, 0));
      began = performance.now();
      return current();
    },
  };
}

const decoder = new TextDecoder();

/** A long roster's rows, from the texts they crossed in (batch.js rowsApart,
 * as UTF-8 bytes), one text per task; false if a newer input came meanwhile. */
async function parseRows(batch, current) {
  const texts = batch.rowTexts || [];
  delete batch.rowTexts;
  for (const [n, text] of texts.entries()) {
    if (n > 0) await new Promise((resolve) => setTimeout(resolve, 0));
    if (!current()) return false;
    batch.rows.push(...JSON.parse(decoder.decode(text)));
  }
  return true;
}

// A row's height in each table, measured on its first rows once drawn (a phone's
// rows are a block of lines): a group's size until it is drawn.
const rowHeights = new WeakMap();

function sizeGroup(table, group, rows = group.rows.length) {
  const height = rowHeights.get(table);
  group.style.containIntrinsicSize = height ? `auto ${Math.round(rows * height)}px` : `auto ${(rows * 2.6).toFixed(1)}em`;
}

function measureRows(table) {
  const rows = table.tBodies[0].rows;
  if (rowHeights.has(table) || rows.length === 0) return;
  // A row's box lays its group out even when off screen: once, for the first chunk.
  const height = (rows[rows.length - 1].getBoundingClientRect().bottom - rows[0].getBoundingClientRect().top) / rows.length;
  if (height <= 0) return;
  rowHeights.set(table, height);
  for (const group of table.tBodies) sizeGroup(table, group);
}

/** Empty ``table``: one group left, empty. */
function clearTable(table) {
  for (const extra of [...table.tBodies].slice(1)) extra.remove();
  table.tBodies[0].replaceChildren();
  table.tBodies[0].hidden = false;
}

/** ``make(item)`` for every item into ``table``'s groups, a chunk per frame;
 * false if ``current()`` says a newer input came meanwhile. */
async function appendInChunks(table, items, make, current) {
  clearTable(table);
  let size = FIRST_CHUNK;
  for (let start = 0; start < items.length;) {
    const began = performance.now();
    const from = start;
    const end = Math.min(items.length, start + size);
    while (start < end) {
      let group = table.tBodies[table.tBodies.length - 1];
      if (group.rows.length >= GROUP) group = table.appendChild(document.createElement("tbody"));
      const part = items.slice(start, Math.min(end, start + GROUP - group.rows.length));
      group.append(...part.map(make));
      sizeGroup(table, group);
      start += part.length;
    }
    await nextFrame(); // this chunk laid out and painted
    if (!current()) return false;
    measureRows(table);
    const perRow = (performance.now() - began) / (end - from);
    // At least 100 rows: on a busy machine the wait for a frame would otherwise
    // shrink the chunks until 20,000 rows took minutes (rows off screen cost little).
    size = Math.max(100, Math.min(1000, Math.round(CHUNK_MS / Math.max(perRow, 0.05))));
  }
  return true;
}

async function show(batch, current = () => true) {
  lastBatch = batch;
  $("unit-message").hidden = true;
  $("unit-results").hidden = false;
  $("print-bundle").replaceChildren();
  clearTable($("publicity")); // filled last: a show cut short must not leave the roster before's draft
  $("unit-source").textContent = `${source.filename ? `文件：${source.filename}，` : "粘贴的表格："}${batch.read_as}共 ${batch.rows.length} 人。`;
  $("unit-ignored").hidden = batch.ignored.length === 0;
  $("unit-ignored").replaceChildren(el("strong", { text: "未用于判断的列：" }),
    ...batch.ignored.map((c, n) => el("span", {}, n ? "、" : "", `${c.header}（${c.letter}列）`,
      c.problem ? el("span", { class: "unit-ignored-why", text: `：${c.problem}` }) : null)),
    "。这些列不影响结论，导出时原样带回。");
  for (const verdict of DATA.verdicts) {
    document.querySelector(`[data-count="${verdict}"]`).textContent = String(batch.counts[verdict] || 0);
  }
  document.querySelector('[data-count="not_checked"]').textContent = String(batch.not_checked);
  document.querySelector('[data-count="all"]').textContent = String(batch.rows.length);
  placeCountsBar($("unit-counts"), batch, DATA.verdicts, LABELS.verdict, NOT_CHECKED);
  document.querySelector("[data-fee-total]").textContent = String(batch.fee_total);
  document.querySelector("[data-fee-applying]").textContent = String(batch.fee_applying);
  $("unit-fee-detail").textContent = batch.fees.length
    ? `（${batch.fees.map((f) => `${f.label} ${f.fee}元 × ${f.persons}人 = ${f.yuan}元`).join("；")}）`
    : "";

  const problems = groupProblems(batch.rows);
  $("row-errors").replaceChildren(...problems.map(problemItem));
  $("row-errors-block").hidden = problems.length === 0;

  $("unit-checklist").replaceChildren(...batch.unit_checklist.map(unitItem));
  arranging += 1; // a sorting of the table before stops
  tableRows = [];
  filling = true;
  try {
    if (!await appendInChunks($("unit-table"), batch.rows, (r) => {
      const tr = resultRow(r);
      tableRows.push(tr);
      return tr;
    }, current)) return;
  } finally {
    filling = false;
  }
  if ($("unit-filter").value || $("unit-sort").value !== "row") await arrange(); // rows come in row order
  else $("unit-shown").textContent = "";
  await appendInChunks($("publicity"), batch.publicity, (p) =>
    el("tr", {}, el("td", { text: p.row }), el("td", { text: p.name }), el("td", { text: p.level }),
      el("td", { text: p.current_title }), el("td", { text: p.route })), current);
}

/** The same problem in many rows of one column is one line listing its cells. */
function groupProblems(rows) {
  const groups = new Map();
  for (const r of rows) {
    for (const p of r.problems) {
      const text = p.text.replace(/^收到“[^”]*”，/, "");
      const key = `${p.column}\u0000${text}`;
      if (!groups.has(key)) groups.set(key, { column: p.column, text, cells: [] });
      groups.get(key).cells.push({ row: r.row, name: r.name, cell: p.cell, got: p.text.match(/^收到“([^”]*)”/) });
    }
  }
  return [...groups.values()];
}

function problemItem(group) {
  return el("li", { dataset: { rowError: String(group.cells[0].row) } },
    el("strong", { text: `“${group.column}”列：` }), el("span", { text: group.text }), " ",
    el("span", { class: "problem-cells" }, ...group.cells.flatMap((c, n) => [n ? "、" : "",
      el("a", { href: `#unit-row-${c.row}`, text: `${c.cell}${c.name ? `（${c.name}` : "（"}${c.got ? `，${c.got[1]}` : ""}）` })])));
}

const VERDICT_ORDER = [...DATA.verdicts, null];
let tableRows = []; // the results table's rows, in row order
let filling = false; // rows being appended: show() arranges them once all are in
let arranging = 0; // the newest arrangement: an older one stops

/** Filter and sort the results table (by verdict, name or row), in place, a
 * slice of work per task (a long table's data-busy is "true" meanwhile). */
async function arrange() {
  if (!lastBatch || filling) return;
  const mine = ++arranging;
  setBusy(+1);
  try {
    await arrangeRows(() => mine === arranging);
  } finally {
    setBusy(-1);
  }
}

async function arrangeRows(current) {
  const work = slices(current);
  const filter = $("unit-filter").value;
  const sort = $("unit-sort").value;
  let order = tableRows;
  if (sort !== "row") {
    const collator = new Intl.Collator("zh-CN");
    // Each row's key once, not once per comparison (20,000 rows); equal keys keep the row order.
    const keyed = tableRows.map((tr) => [sort === "name" ? tr.cells[1].textContent : VERDICT_ORDER.indexOf(tr.dataset.verdict || null), tr]);
    const sorted = await sortInSlices(keyed, sort === "name" ? ([a], [b]) => collator.compare(a, b) : ([a], [b]) => a - b, work);
    if (!sorted) return;
    order = sorted.map(([, tr]) => tr);
  }
  const hides = (tr) => Boolean(filter) && (tr.dataset.verdict || "error") !== filter;
  const shown = order.filter((tr) => !hides(tr));
  // The rows shown fill the first groups, the hidden ones come last: a group's
  // size until drawn stays right, and a group with no row shown is hidden.
  const placed = shown.length === order.length ? order : [...shown, ...order.filter(hides)];
  if (!await placeInGroups($("unit-table"), placed, hides, work)) return;
  $("unit-shown").textContent = filter ? `显示 ${shown.length} / ${order.length} 人` : "";
}

/** ``items`` sorted by ``compare`` (stable): runs sorted, then merged in
 * pairs, a slice of ``work`` per task; null if it is no longer current. */
async function sortInSlices(items, compare, work) {
  const RUN = 256;
  let from = items.slice();
  let to = new Array(from.length);
  for (let start = 0; start < from.length; start += RUN) {
    const run = from.slice(start, start + RUN).sort(compare);
    for (let k = 0; k < run.length; k++) from[start + k] = run[k];
    if (!await work.pause()) return null;
  }
  for (let width = RUN; width < from.length; width *= 2) {
    for (let low = 0; low < from.length; low += 2 * width) {
      const middle = Math.min(low + width, from.length);
      const high = Math.min(low + 2 * width, from.length);
      let a = low;
      let b = middle;
      for (let k = low; k < high; k++) to[k] = b >= high || (a < middle && compare(from[a], from[b]) <= 0) ? from[a++] : from[b++];
      if (!await work.pause()) return null;
    }
    [from, to] = [to, from];
  }
  return from;
}

/** Put ``rows`` in this order into ``table``'s groups (as many as before:
 * GROUP rows each), group by group, a slice of ``work`` per task. Every row
 * stays in the table meanwhile: one a group no longer holds waits in the next. */
async function placeInGroups(table, rows, hides, work) {
  const groups = [...table.tBodies];
  for (const [g, group] of groups.entries()) {
    const want = rows.slice(g * GROUP, (g + 1) * GROUP);
    let shown = 0;
    for (const tr of want) {
      const hide = hides(tr);
      if (tr.hidden !== hide) tr.hidden = hide; // an unchanged row is left alone: no re-layout
      if (!hide) shown += 1;
    }
    if (want.length !== group.rows.length || want.some((tr, k) => tr !== group.rows[k])) { // moved only when changed
      const wanted = new Set(want);
      const others = [...group.rows].filter((tr) => !wanted.has(tr));
      if (others.length) groups[g + 1].append(...others); // the last group holds no other row
      group.append(...want);
    }
    group.hidden = shown === 0;
    sizeGroup(table, group, shown);
    if (!await work.pause()) return false;
  }
  return true;
}

function resultRow(r) {
  const tr = el("tr", { id: `unit-row-${r.row}`, dataset: { row: String(r.row) } });
  if (r.verdict) tr.dataset.verdict = r.verdict;
  const reasons = r.findings || []; // [severity, message, clause, id], notes left out
  tr.append(
    el("td", { text: String(r.row) }),
    el("th", { scope: "row", text: r.name || "（无姓名）" }),
    el("td", { text: r.level }),
    el("td", { class: r.verdict ? `verdict-cell verdict-cell--${r.verdict}` : "verdict-cell" },
      r.verdict ? LABELS.verdict[r.verdict] : NOT_CHECKED),
    el("td", { text: (r.missing || []).map(questionLabel).join("；") }),
    el("td", {}, ...reasons.map(([severity, message, clause, id]) =>
      render.finding("div", { severity, message, clause, id }, { lead: " " }))),
    el("td", { text: r.fee_yuan === null || r.verdict === "ineligible" ? "" : `${r.fee_yuan}元` }),
    el("td", { class: "person-actions" }, ...(r.verdict ? [el("a", {
      href: checkerHref(r.query), class: "person-link", text: "打开", "aria-label": `打开${r.name || `第${r.row}行`}的自查`,
    }), " ", el("button", {
      type: "button", class: "person-print", dataset: { printOne: String(r.row) }, text: "打印",
      "aria-label": `打印${r.name || `第${r.row}行`}的一页`,
    })] : [])),
  );
  return tr;
}

function unitItem(item) {
  const whom = item.rows.length === 0 || item.everyone ? "全部人员" : `第${item.rows.join("、")}行`;
  return render.checklistItem(item, {
    dataset: { clause: item.clause.id, item: item.id }, concerns: `；涉及：${whom}`,
  });
}

// ---- out: downloads and the print bundle ------------------------------------

function download(base64, filename, type) {
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type }));
  const link = el("a", { href: url, download: filename });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60000);
}

const TYPES = {
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  csv: "text/csv;charset=utf-8",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
};

async function action(label, work) {
  if (!ready) return;
  setBusy(+1);
  $("unit-action-status").textContent = `正在${label}……`;
  try {
    await work();
    $("unit-action-status").textContent = `${label}：完成。`;
  } catch (error) {
    $("unit-action-status").textContent = `${label}失败：${error.message}`;
  } finally {
    setBusy(-1);
  }
}

const unitName = () => $("unit-name").value.trim();

function exportAs(kind) {
  const docx = kind === "docx";
  return action(docx ? "下载公示名单草稿" : `导出 ${kind.toUpperCase()}`, async () => {
    const reply = await call("export", { kind, base_url: siteRoot(), unit_name: unitName() }, kind === "xlsx" ? ["openpyxl"] : []);
    if (reply.error) throw new Error(reply.error);
    download(reply.data, docx ? `${unitName() || "本单位"}公示名单（草稿）.docx` : `单位批量自查结果.${kind}`, TYPES[kind]);
  });
}

function template(kind) {
  return action("下载模板", async () => {
    const reply = await call("template", { kind }, kind === "xlsx" ? ["openpyxl"] : []);
    download(reply.data, `花名册模板.${kind}`, TYPES[kind]);
  });
}

// segno's inline SVG has no xmlns (it is made for HTML), so it is parsed as
// HTML (inert: nothing in it runs) and only a plain <svg> is taken over.
function svgNode(text) {
  const svg = new DOMParser().parseFromString(text, "text/html").body.firstElementChild;
  if (!svg || svg.localName !== "svg" || svg.querySelector("script, foreignObject, [href], [src]")) return null;
  return document.importNode(svg, true);
}

function personPage(r, qr) {
  const url = absolute(checkerHref(r.query));
  const reasons = r.findings;
  const title = `${unitName() ? `${unitName()}　` : ""}${r.name || "（无姓名）"}　申报自查${r.verdict === "ineligible" ? "结果" : "清单"}`;
  const head = [
    el("h2", { text: title }),
    el("p", { class: "print-verdict", text: `结论：${LABELS.verdict[r.verdict]}${r.level ? `　申报级别：${r.level}` : ""}${r.fee_yuan === null || r.verdict === "ineligible" ? "" : `　评审费：${r.fee_yuan}元`}　（花名册第${r.row}行）` }),
  ];
  const qrBlock = el("div", { class: "print-qr" }, qr, el("p", {}, el("span", { text: "扫码在手机上打开本人的自查（答案已预先填好）：" }), el("br"), el("span", { class: "print-url", text: url })));
  const why = reasons.length ? el("ul", {}, ...reasons.map(([severity, message, clause, id]) =>
    render.printedFinding({ severity, message, clause, id }))) : null;
  const answers = [el("h3", { text: "已填的回答" }),
    el("dl", { class: "print-answers" }, ...r.answers.flatMap(([key, value]) => [el("dt", { text: questionLabel(key) }), el("dd", { text: value })]))];
  if (r.verdict === "ineligible") {
    // Nothing to prepare and nothing to pay: why, and whom to ask.
    return el("section", { class: "print-page print-person", dataset: { printRow: String(r.row) } }, ...head,
      el("h3", { text: "不能申报的原因" }), why, el("p", { class: "print-ask", text: DATA.whom_to_ask }), qrBlock, ...answers);
  }
  return el("section", { class: "print-page print-person", dataset: { printRow: String(r.row) } }, ...head, qrBlock,
    r.missing.length ? el("p", { text: `还需回答：${r.missing.map(questionLabel).join("；")}` }) : null,
    why,
    el("h3", { text: "材料与步骤清单" }),
    el("ul", { class: "checklist print-checklist" }, ...r.checklist.map(([title, who, clause]) =>
      render.printedItem({ title, who, clause }))),
    ...answers,
    el("p", { class: "signature", text: "申报人签名：________________　　单位审核人：________________　　日期：____________" }));
}

function buildBundle(batch, svgs, only = null) {
  const people = batch.rows.filter((r) => r.verdict && (only === null || r.row === only));
  const pages = people.map((r, n) => personPage(r, svgs ? svgNode(svgs[n]) : null));
  if (only !== null) {
    $("print-bundle").replaceChildren(...pages);
    return;
  }
  const today = new Date().toLocaleDateString("zh-CN");
  const unit = unitName();
  const summary = el("section", { class: "print-page print-summary" },
    el("h2", { text: `${unit ? `${unit}　` : ""}单位批量自查汇总` }),
    el("p", { text: `打印日期：${today}　依据：${DATA.notice_number}　共 ${batch.rows.length} 人` }),
    el("p", { text: [...DATA.verdicts.map((v) => `${LABELS.verdict[v]} ${batch.counts[v] || 0} 人`), `${NOT_CHECKED} ${batch.not_checked} 人`].join("　") }),
    countsBar(batch, DATA.verdicts, LABELS.verdict, NOT_CHECKED),
    el("p", { text: `可以申报和满足条件后可以申报的人员，评审费合计 ${batch.fee_applying} 元；连同还需回答问题的人员 ${batch.fee_total} 元${$("unit-fee-detail").textContent}。不能申报的人员不计。` }),
    el("table", { class: "print-table" },
      el("thead", {}, el("tr", {}, ...["行", "姓名", "申报级别", "结论", "评审费"].map((t) => el("th", { text: t })))),
      el("tbody", {}, ...batch.rows.map((r) => el("tr", {},
        el("td", { text: String(r.row) }), el("td", { text: r.name }), el("td", { text: r.level }),
        el("td", { text: r.verdict ? LABELS.verdict[r.verdict] : NOT_CHECKED }),
        el("td", { text: r.fee_yuan === null || r.verdict === "ineligible" ? "" : String(r.fee_yuan) }))))));
  const unitPage = el("section", { class: "print-page print-unit" },
    el("h2", { text: `${unit ? `${unit}　` : ""}本单位的工作清单（本批）` }),
    el("ul", { class: "checklist" }, ...batch.unit_checklist.map(unitItem)),
    el("h3", { text: `${unit ? `${unit}　` : ""}公示名单（草稿）` }),
    el("table", { class: "print-table" },
      el("thead", {}, el("tr", {}, ...["行", "姓名", "申报级别", "现有职称", "申报方式"].map((t) => el("th", { text: t })))),
      el("tbody", {}, ...batch.publicity.map((p) => el("tr", {}, ...[p.row, p.name, p.level, p.current_title, p.route]
        .map((t) => el("td", { text: t })))))));
  $("print-bundle").replaceChildren(summary, unitPage, ...pages);
}

/** The whole bundle, or one person's page (``only``: their row). */
function printBundle(only = null) {
  return action("准备打印", async () => {
    const people = lastBatch.rows.filter((r) => r.verdict && (only === null || r.row === only));
    const reply = await call("qr", { urls: people.map((r) => absolute(checkerHref(r.query))) }, ["segno"]);
    buildBundle(lastBatch, reply.svgs, only);
    root.dataset.print = "ready"; // testing hook: the bundle, QR codes included, is in place
    window.print();
  });
}

// Ctrl+P without the button: print what is known, links as text.
window.addEventListener("beforeprint", () => {
  if (lastBatch && !$("print-bundle").hasChildNodes()) buildBundle(lastBatch, null);
});
// After one person's page was printed, Ctrl+P prints the whole bundle again.
window.addEventListener("afterprint", () => {
  if (!$("print-bundle").querySelector(".print-summary")) $("print-bundle").replaceChildren();
});

// ---- wiring -----------------------------------------------------------------

// A file this large is not a staff list: said before reading it (a 285 MB CSV
// crashed the tab). The same limit as checker/batch/limits.py MAX_FILE_BYTES.
const MAX_FILE_BYTES = 20 * 1024 * 1024;

$("roster").addEventListener("change", async (event) => {
  const file = event.target.files[0];
  if (!file) return;
  if (file.size > MAX_FILE_BYTES) {
    $("roster").value = "";
    showMessage(`文件太大（${Math.round(file.size / 1048576)} MB），超过 20 MB 的上限，不像是一份花名册：请只保留要检查的人员，或分批检查。`);
    root.dataset.checked = String(++checks); // testing hook: this choice has its answer
    return;
  }
  const mine = newInput();
  setBusy(+1);
  try {
    const read = { file: await readAsBase64(file), filename: file.name };
    if (mine !== latest) return; // something newer came while the file was read
    source = read;
    // Choosing the same file again (after editing it) must fire "change" again:
    // the file is read, so the input can be emptied (its name is in the results).
    event.target.value = "";
    $("paste").value = "";
    await check();
  } catch (error) {
    showMessage(error.message);
  } finally {
    setBusy(-1);
  }
});
$("paste-check").addEventListener("click", () => {
  newInput();
  source = { text: $("paste").value };
  $("roster").value = "";
  check();
});
$("unit-form").addEventListener("change", (event) => {
  if (event.target.name !== "unit_name") recheckSoon(); // the unit's name changes no verdict
});
$("unit-form").addEventListener("submit", (event) => event.preventDefault());
$("export-xlsx").addEventListener("click", () => exportAs("xlsx"));
$("export-csv").addEventListener("click", () => exportAs("csv"));
$("export-docx").addEventListener("click", () => exportAs("docx"));
$("print-bundle-button").addEventListener("click", () => printBundle());
$("unit-table").addEventListener("click", (event) => {
  const button = event.target.closest("[data-print-one]");
  if (button) printBundle(Number(button.dataset.printOne));
});
$("unit-filter").addEventListener("change", arrange);
$("unit-sort").addEventListener("change", arrange);
for (const button of document.querySelectorAll("[data-template]")) {
  button.addEventListener("click", () => template(button.dataset.template));
}

startWorker();
