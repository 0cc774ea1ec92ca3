// The self-check page. The form and the static checklist are already in the
// HTML (generated from the checker package at build time); this script reads
// answers from the form and the URL, sends them to Python in a Web Worker and
// shows the result. Text from the URL or from results is only ever inserted
// with textContent, never parsed as HTML.

const root = document.getElementById("checker-app");
const DATA = JSON.parse(document.getElementById("checker-data").textContent);
const QUESTIONS = DATA.questions;
const BY_ID = new Map(QUESTIONS.map((q) => [q.id, q]));
const LABELS = DATA.labels;
const form = document.getElementById("checker-form");
const html = document.documentElement;
// Give up on a runtime that has not become ready after this long (a host that
// serves .wasm with the wrong type can make Pyodide stall without an error).
const TIMEOUT_MS = Number(window.CHECKER_TIMEOUT_MS || 90000);

const $ = (id) => document.getElementById(id);
const el = (tag, props = {}, ...children) => {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (key === "text") node.textContent = value;
    else if (key === "dataset") Object.assign(node.dataset, value);
    else node.setAttribute(key, value);
  }
  node.append(...children.filter((c) => c !== null && c !== undefined));
  return node;
};

// ---- answers: form ⇄ JSON ⇄ URL -------------------------------------------

/** The form's answers as JSON values; text that is not a number is passed on
 * as text so that Python's validation can name what is wrong with it. */
function readForm() {
  const answers = {};
  for (const q of QUESTIONS) {
    if (q.type === "choice" || q.type === "boolean") {
      const checked = form.querySelector(`input[name="${q.id}"]:checked`);
      if (!checked) continue;
      answers[q.id] = q.type === "boolean" ? checked.value === "true" : checked.value;
    } else {
      const raw = form.elements[q.id].value.trim();
      if (raw === "") continue;
      answers[q.id] = q.type === "integer" && /^[0-9]+$/.test(raw) ? Number(raw) : raw;
    }
  }
  return answers;
}

function setField(q, value) {
  if (q.type === "choice" || q.type === "boolean") {
    const input = form.querySelector(`input[name="${q.id}"][value="${String(value)}"]`);
    if (input) input.checked = true;
  } else {
    form.elements[q.id].value = String(value);
  }
}

/** Parse a URL value for a question; null if it cannot be one of its values. */
function fromParam(q, text) {
  if (q.type === "boolean") return text === "true" ? true : text === "false" ? false : null;
  if (q.type === "integer") return /^[0-9]{1,4}$/.test(text) ? Number(text) : null;
  if (q.type === "date") return /^[0-9]{4}-[0-9]{2}-[0-9]{2}$/.test(text) ? text : null;
  return q.options.some((o) => o.value === text) ? text : null;
}

function shorten(text) {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

function prefillFromUrl() {
  const notices = [];
  for (const [key, value] of new URLSearchParams(location.search)) {
    const q = BY_ID.get(key);
    if (!q) {
      notices.push(`链接中的参数“${shorten(key)}”不是本页的问题，已忽略。`);
      continue;
    }
    const parsed = fromParam(q, value);
    if (parsed === null) {
      notices.push(`链接中“${q.label}”的值“${shorten(value)}”无效，已忽略。`);
      continue;
    }
    setField(q, parsed);
  }
  const box = $("url-notices");
  box.replaceChildren(...notices.map((text) => el("p", { text })));
  box.hidden = notices.length === 0;
}

function toQuery(answers, keys) {
  const params = new URLSearchParams();
  for (const q of QUESTIONS) {
    if (keys.includes(q.id) && q.id in answers) params.set(q.id, String(answers[q.id]));
  }
  return params.toString();
}

function updateUrl(answers, applicable) {
  const query = toQuery(answers, applicable);
  const url = `${location.pathname}${query ? `?${query}` : ""}${location.hash}`;
  if (url !== `${location.pathname}${location.search}${location.hash}`) history.replaceState(null, "", url);
}

// ---- talking to the worker --------------------------------------------------

let worker = null;
let ready = false;
let inFlight = false;
let pending = false;
let lastAnswers = {};
let lastApplicable = QUESTIONS.filter((q) => !q.when).map((q) => q.id);
let firstResultShown = false;

function setStatus(text, percent) {
  $("checker-status").hidden = false;
  $("checker-status-text").textContent = text;
  if (percent !== undefined) $("checker-progress").value = percent;
}

function fail(reason) {
  if (html.dataset.checker === "failed") return;
  html.dataset.checker = "failed";
  if (worker) worker.terminate();
  const status = $("checker-status");
  status.classList.add("checker-status--failed");
  status.setAttribute("role", "alert");
  $("checker-progress").hidden = true;
  $("checker-status-text").textContent =
    `自查程序未能加载：${reason}。请刷新页面重试，或换用较新的浏览器。下面的通用材料清单不受影响，仍可对照使用。`;
}

function evaluate() {
  if (!ready) return;
  if (inFlight) {
    pending = true;
    return;
  }
  inFlight = true;
  pending = false;
  root.dataset.busy = "true"; // testing hook: "false" once the shown result matches the form
  lastAnswers = readForm();
  worker.postMessage({ type: "evaluate", answers: lastAnswers });
}

function onWorkerMessage(data, timer) {
  if (data.type === "progress") {
    setStatus(data.text, data.percent);
  } else if (data.type === "ready") {
    clearTimeout(timer);
    ready = true;
    root.dataset.boot = data.boot; // "fresh" or "snapshot" (see worker.js)
    evaluate();
  } else if (data.type === "stored") {
    root.dataset.offline = "ready"; // the runtime is kept for offline use
  } else if (data.type === "snapshot-stored") {
    root.dataset.snapshot = "stored"; // the next visit restores Python from it
  } else if (data.type === "result") {
    inFlight = false;
    show(JSON.parse(data.payload));
    if (pending) evaluate();
    else root.dataset.busy = "false";
  } else if (data.type === "error") {
    clearTimeout(timer);
    if (!ready) {
      fail(data.message);
      return;
    }
    showErrors([{ key: null, message: `计算出错：${data.message}` }]);
    inFlight = false;
    if (pending) evaluate();
    else root.dataset.busy = "false";
  }
}

function startWorker() {
  const boot = window.checkerBoot || { error: "启动脚本未能加载" }; // set by boot.js in <head>
  if (boot.error) {
    fail(boot.error);
    return;
  }
  html.dataset.checker = "loading";
  setStatus("正在准备自查程序……", 2);
  const timer = setTimeout(() => fail(`等待超过 ${Math.round(TIMEOUT_MS / 1000)} 秒仍未完成`), TIMEOUT_MS);
  worker = boot.worker;
  const onError = (event) => {
    clearTimeout(timer);
    fail(event.message || "后台程序出错");
  };
  const onMessage = (event) => onWorkerMessage(event.data, timer);
  for (const event of boot.release()) {
    if (event.type === "error") onError(event);
    else onMessage(event);
  }
  worker.onerror = onError;
  worker.onmessage = onMessage;
}

// ---- showing a result -------------------------------------------------------

// Label and link of each clause come with the page (sitegen/checker_page.py).
const clauseLink = (clause) => {
  const known = DATA.clauses[clause];
  return known ? el("a", { href: known.href, class: "clause-link", text: known.label }) : el("span", { text: clause });
};

function applyVisibility(applicable) {
  for (const block of form.querySelectorAll(".q[data-question]")) {
    block.hidden = !applicable.includes(block.dataset.question);
  }
  for (const button of form.querySelectorAll(".q-clear")) {
    const q = BY_ID.get(button.dataset.clear);
    button.hidden = !form.querySelector(`input[name="${q.id}"]:checked`);
  }
}

function showErrors(errors) {
  for (const node of form.querySelectorAll(".q-error")) {
    node.hidden = true;
    node.textContent = "";
  }
  for (const node of form.querySelectorAll("[aria-invalid]")) node.removeAttribute("aria-invalid");
  const list = $("error-list");
  list.replaceChildren();
  for (const error of errors) {
    const q = error.key && BY_ID.get(error.key);
    if (q) {
      const message = $(`${q.id}-error`);
      message.textContent = error.message;
      message.hidden = false;
      const field = form.elements[q.id];
      const target = field && field.length === undefined ? field : form.querySelector(`input[name="${q.id}"]`);
      if (target) target.setAttribute("aria-invalid", "true");
      list.append(el("li", {}, el("a", { href: `#${target ? target.id : `q-${q.id}`}`, text: error.message })));
    } else {
      list.append(el("li", { text: error.message }));
    }
  }
  $("error-summary").hidden = errors.length === 0;
}

function show({ result, applicable, errors }) {
  lastApplicable = applicable;
  applyVisibility(applicable);
  showErrors(errors);
  updateUrl(lastAnswers, applicable);

  const section = $("checker-result");
  section.hidden = false;
  const verdict = $("verdict");
  verdict.dataset.verdict = result.verdict;
  verdict.className = `verdict verdict--${result.verdict}`;
  const blockers = result.findings.filter((f) => f.severity !== "note");
  verdict.replaceChildren(
    el("strong", { class: "verdict-label", text: LABELS.verdict[result.verdict] }),
    el("span", {
      class: "verdict-detail",
      text: result.verdict === "incomplete"
        ? `：还有 ${result.missing.length} 个问题会影响结论。`
        : blockers.length ? `：${blockers.map((f) => f.message).join(" ")}` : "。",
    }),
  );

  const missing = $("missing-list");
  missing.replaceChildren(...result.missing.map((key) => {
    const q = BY_ID.get(key);
    return el("li", {}, el("a", { href: `#q-${key}`, text: q ? q.label : key }));
  }));
  $("missing-block").hidden = result.missing.length === 0;

  $("findings").replaceChildren(...result.findings.map((f) =>
    el("li", { class: `finding finding--${f.severity}`, dataset: { findingClause: f.clause, severity: f.severity } },
      el("span", { class: "finding-severity", text: `${LABELS.severity[f.severity]}：` }),
      el("span", { text: f.message }), " 依据：", clauseLink(f.clause))));

  $("steps").replaceChildren(...result.steps.map((s) =>
    el("li", { dataset: { stepClause: s.clause } }, el("span", { text: s.title }), " · ", clauseLink(s.clause))));

  $("checklist").replaceChildren(...result.checklist.map((item) =>
    el("li", { class: "checklist-item", dataset: { clause: item.clause, item: item.id, who: item.who } },
      el("span", { class: "checkbox", "aria-hidden": "true" }),
      el("strong", { text: item.title }), el("span", { class: "who", text: `（${LABELS.who[item.who]}）` }),
      el("br"), el("span", { class: "detail", text: item.detail }), " 依据：", clauseLink(item.clause))));

  $("fee").textContent = result.fee_yuan === null
    ? "评审费：请先选择申报级别（高级380元、中级230元、初级150元）。"
    : `评审费：${result.fee_yuan}元（报送材料时一次付清）。`;
  $("dates").replaceChildren(...result.dates.map((d) =>
    el("li", { class: d.id === "submission_deadline" ? "deadline" : "" },
      el("span", { text: `${d.start ? `${d.start} 至 ` : ""}${d.end}：${d.title}` }), " · ", clauseLink(d.clause))));

  $("answer-summary").replaceChildren(...QUESTIONS.filter((q) => applicable.includes(q.id) && q.id in lastAnswers)
    .flatMap((q) => [el("dt", { text: q.label }), el("dd", { text: describe(q, lastAnswers[q.id]) })]));
  $("print-date").textContent = `打印日期：${new Date().toLocaleDateString("zh-CN")}　依据：桂工美职改【2017】4号`;

  updateEmployerTool();
  $("generic-checklist").open = false;
  $("checker-status").hidden = true;
  if (!firstResultShown) {
    firstResultShown = true;
    html.dataset.checker = "ready";
    performance.mark("checker-ready"); // read by bench/run.py
  }
}

function describe(q, value) {
  const option = (q.options || []).find((o) => o.value === value);
  if (option) return option.label;
  return q.unit ? `${value}${q.unit}` : String(value);
}

// ---- 单位链接 -----------------------------------------------------------------

function updateEmployerTool() {
  const box = $("employer-choices");
  const previous = new Set([...box.querySelectorAll("input:checked")].map((i) => i.value));
  const answered = QUESTIONS.filter((q) => lastApplicable.includes(q.id) && q.id in lastAnswers);
  if (answered.length === 0) {
    box.replaceChildren(el("p", { class: "employer-empty", text: "还没有回答任何问题。" }));
  } else {
    box.replaceChildren(...answered.map((q) => {
      const input = el("input", { type: "checkbox", value: q.id, id: `employer-${q.id}` });
      input.checked = previous.has(q.id);
      return el("div", { class: "employer-choice" }, input,
        el("label", { for: `employer-${q.id}`, text: ` ${q.label} ${describe(q, lastAnswers[q.id])}` }));
    }));
  }
  updateEmployerUrl();
}

function updateEmployerUrl() {
  const keys = [...$("employer-choices").querySelectorAll("input:checked")].map((i) => i.value);
  const query = toQuery(lastAnswers, keys);
  $("employer-url").value = `${location.origin}${location.pathname}${query ? `?${query}` : ""}`;
}

async function copyEmployerUrl() {
  const input = $("employer-url");
  try {
    await navigator.clipboard.writeText(input.value);
  } catch {
    input.select();
    document.execCommand("copy");
  }
  $("employer-copied").textContent = "已复制。";
}

// ---- wiring -----------------------------------------------------------------

form.addEventListener("input", evaluate);
form.addEventListener("change", evaluate);
form.addEventListener("submit", (event) => event.preventDefault());
form.addEventListener("click", (event) => {
  const id = event.target.dataset && event.target.dataset.clear;
  if (!id) return;
  for (const input of form.querySelectorAll(`input[name="${id}"]`)) input.checked = false;
  evaluate();
});
$("employer-choices").addEventListener("change", updateEmployerUrl);
$("employer-copy").addEventListener("click", copyEmployerUrl);
$("print-button").addEventListener("click", () => window.print());

prefillFromUrl();
startWorker();
