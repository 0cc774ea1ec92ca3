// The self-check page. The form and the static checklist are already in the
// HTML (generated from the checker package at build time); this script reads
// answers from the form and the URL, sends them to Python in a Web Worker and
// shows the result. Text from the URL or from results is only ever inserted
// with textContent, never parsed as HTML.

import { startPage } from "./connect.js";
import { $, el } from "./dom.js";
import { renderers } from "./render.js";

const root = document.getElementById("checker-app");
const DATA = JSON.parse(document.getElementById("checker-data").textContent);
const QUESTIONS = DATA.questions;
const BY_ID = new Map(QUESTIONS.map((q) => [q.id, q]));
const LABELS = DATA.labels;
const form = document.getElementById("checker-form");
// Clause links (their labels and links come with the page), findings, items, steps, dates.
const render = renderers(DATA);
const html = document.documentElement;


// ---- answers: one handler per question type ------------------------------
//
// Each type reads its field and puts a value into it; how an answer reads comes
// with the result, from Python. An answer is a JSON value; integers are BigInt
// so that any number typed reaches Python as typed (400 digits are "超出范围",
// not Infinity) and Python's validation names what is wrong with it.

/** What the user typed, as ASCII: full-width digits and signs (１２, －５, typed
 * by Chinese input methods) become 12 and -5. */
const normalise = (text) => text.normalize("NFKC").trim();
const checkedOf = (q) => form.querySelector(`input[name="${q.id}"]:checked`);

// How each kind of field is read and filled. Which field a question type uses,
// and what to write instead of a bad answer, come with the page data
// (sitegen/checker_page.py, for every type of checker/answer_types.py).
const FIELDS = {
  options: {
    // the option's value (a string, or a boolean for a yes/no question)
    read: (q) => {
      const checked = checkedOf(q);
      const option = checked && q.options.find((o) => String(o.value).toLowerCase() === checked.value);
      return option ? option.value : undefined;
    },
    // false when the value is not one of the options (the caller keeps it as text)
    write: (q, text) => {
      const input = form.querySelector(`input[name="${q.id}"][value="${CSS.escape(text)}"]`);
      if (input) input.checked = true;
      return Boolean(input);
    },
  },
  integer: {
    read: (q) => {
      const text = normalise(form.elements[q.id].value);
      if (text === "") return undefined;
      return /^[+-]?[0-9]{1,1000}$/.test(text) ? BigInt(text) : text;
    },
    write: (q, text) => {
      form.elements[q.id].value = text;
      return true;
    },
  },
  date: {
    read: (q) => form.elements[q.id].value || undefined,
    // A date input cannot hold an impossible date such as 2017-02-30.
    write: (q, text) => {
      const field = form.elements[q.id];
      field.value = normalise(text);
      return field.value === normalise(text);
    },
  },
};
const type = (q) => ({ ...FIELDS[q.field], instead: () => q.instead });

// Values from a link that the form cannot hold: sent to Python as they are, so
// that the error summary names them with their question, until the field is
// answered.
const linkValues = new Map();

function readForm() {
  const answers = {};
  for (const q of QUESTIONS) {
    const value = type(q).read(q);
    if (value !== undefined) answers[q.id] = value;
    else if (linkValues.has(q.id)) answers[q.id] = linkValues.get(q.id);
  }
  return answers;
}

/** JSON text of the answers, integers written as typed (no Infinity). */
function toJson(answers) {
  const parts = Object.entries(answers).map(([key, value]) =>
    `${JSON.stringify(key)}:${typeof value === "bigint" ? value.toString() : JSON.stringify(value)}`);
  return `{${parts.join(",")}}`;
}

function shorten(text) {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

// ---- answers in the URL fragment -------------------------------------------
//
// Answers live after "#", which the browser never sends to the server. Links
// with "?" (employers' links made before, and the documented contract) are
// still read, and moved to the fragment at once.

const looksLikeAnswers = (text) => text.includes("=");

function linkParams() {
  const params = new URLSearchParams(location.search);
  const fragment = location.hash.slice(1);
  if (looksLikeAnswers(fragment)) {
    for (const [key, value] of new URLSearchParams(fragment)) params.set(key, value);
  }
  return params;
}

/** Empty the form, and forget the values of an earlier link. */
function resetForm() {
  for (const input of form.querySelectorAll("input")) {
    if (input.type === "radio") input.checked = false;
    else input.value = "";
  }
  linkValues.clear();
}

// Errors in answers that came from a link are announced by moving the focus
// to the error summary (not while the applicant types: that would take the
// field away from them).
let focusErrors = false;

function prefillFromUrl() {
  focusErrors = true;
  const notices = [];
  const params = linkParams();
  for (const [key, value] of params) {
    const q = BY_ID.get(key);
    if (!q) {
      notices.push(`链接中的参数“${shorten(key)}”不是本页的问题，已忽略。`);
      continue;
    }
    if (!type(q).write(q, value)) linkValues.set(q.id, value);
  }
  const box = $("url-notices");
  box.replaceChildren(...notices.map((text) => el("p", { text })));
  box.hidden = notices.length === 0;
  if (location.search) {
    const known = [...params].filter(([key]) => BY_ID.has(key));
    const fragment = new URLSearchParams(known).toString();
    history.replaceState(null, "", `${location.pathname}${fragment ? `#${fragment}` : ""}`);
  }
}

function toParams(answers, keys) {
  const params = new URLSearchParams();
  for (const q of QUESTIONS) {
    if (keys.includes(q.id) && q.id in answers) params.set(q.id, String(answers[q.id]));
  }
  return params.toString();
}

// The answers the address holds now (as this page wrote them): a fragment
// that differs came from another link or from Back/Forward.
let shownFragment = null;

function updateUrl(answers, keys) {
  const params = toParams(answers, keys);
  const keep = looksLikeAnswers(location.hash.slice(1)) ? "" : location.hash; // e.g. a heading's anchor
  const url = `${location.pathname}${params ? `#${params}` : keep}`;
  shownFragment = params;
  if (url !== `${location.pathname}${location.search}${location.hash}`) history.replaceState(null, "", url);
}

// ---- talking to the worker --------------------------------------------------

let worker = null;
let ready = false;
let inFlight = false;
let pending = false;
let lastAnswers = {};
// The answers the last result was computed from, as Python words them, and
// those it refused, as received: [{ q, label }] in the form's order.
let lastAnswered = [];
let firstResultShown = false;
// The start, its watchdog and its failures (connect.js; set by startWorker):
// a failure shows the page's sentence for its kind (generated with the page,
// sitegen/checker_page.py) and the generic checklist.
let page = null;

function showProgress(loaded, total) {
  const progress = $("checker-progress");
  progress.max = total || 1;
  progress.value = loaded;
  const mb = (bytes) => (bytes / 1048576).toFixed(1);
  // Announced once (a live region); the figures below change too often to be read out.
  const text = "正在下载自查工具……";
  if ($("checker-status-text").textContent !== text) $("checker-status-text").textContent = text;
  $("checker-progress-bytes").textContent = `${mb(loaded)} / ${mb(total)} MB（解压后）`;
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
  worker.postMessage({ type: "evaluate", json: toJson(lastAnswers), today: localDate() });
}

function afterResult() {
  inFlight = false;
  if (pending) evaluate();
  else root.dataset.busy = "false";
}

/** One handler per message type from the worker (see worker.js). */
const ON_MESSAGE = {
  progress: (data) => {
    showProgress(data.loaded, data.total);
  },
  phase: () => {
    $("checker-progress").value = $("checker-progress").max;
    $("checker-progress-bytes").textContent = "";
    $("checker-status-text").textContent = "下载完成，正在启动……";
  },
  ready: (data) => {
    page.started();
    ready = true;
    root.dataset.boot = data.boot; // "fresh" or "snapshot" (see worker.js)
    evaluate();
  },
  stored: () => {
    root.dataset.offline = "ready"; // the runtime is kept for offline use
  },
  "snapshot-stored": () => {
    root.dataset.snapshot = "stored"; // the next visit restores Python from it
  },
  result: (data) => {
    show(JSON.parse(data.payload));
    afterResult();
  },
  // A check that raised in Python: a plain sentence here, the traceback on the console.
  error: (data) => {
    console.error("checker:", data.message);
    showErrors([{ key: null, message: "计算出错，请刷新页面重试。" }]);
    afterResult();
  },
};

/** Take the worker over from boot.js (connect.js); boot.js has usually run already. */
function startWorker() {
  page = startPage({
    name: "checker",
    handlers: ON_MESSAGE,
    isReady: () => ready,
    onStart: (bootWorker) => { worker = bootWorker; },
  });
  page.connect();
}

// ---- showing a result -------------------------------------------------------

function applyVisibility(applicable) {
  for (const block of form.querySelectorAll(".q[data-question]")) {
    block.hidden = !applicable.includes(block.dataset.question);
  }
  for (const button of form.querySelectorAll(".q-clear")) {
    const q = BY_ID.get(button.dataset.clear);
    button.hidden = !form.querySelector(`input[name="${q.id}"]:checked`);
  }
}

/** Python's message names the answer key; a person reads the question as the
 * form shows it, what was received and what to write instead. */
function personMessage(q, message) {
  const prefix = `答案“${q.id}”（${q.label}）`;
  const rest = message.startsWith(prefix) ? message.slice(prefix.length) : "";
  const [problem, tail = ""] = rest.split("：收到 ");
  const received = tail.split("，应为 ")[0].replace(/^"(.*)"$/s, "$1");
  return `“${q.label}”${problem || "的答案无法使用"}${received ? `：收到“${received}”` : ""}。${type(q).instead(q)}。`;
}

function showErrors(errors) {
  for (const node of form.querySelectorAll(".q-error")) {
    node.hidden = true;
    node.textContent = "";
  }
  for (const node of form.querySelectorAll("[aria-invalid]")) node.removeAttribute("aria-invalid");
  const items = [];
  for (const error of errors) {
    const q = error.key && BY_ID.get(error.key);
    if (q) {
      const text = personMessage(q, error.message);
      const message = $(`${q.id}-error`);
      message.textContent = text;
      message.hidden = false;
      const field = form.elements[q.id];
      const target = field && field.length === undefined ? field : form.querySelector(`input[name="${q.id}"]`);
      if (target) target.setAttribute("aria-invalid", "true");
      items.push(el("li", {}, el("a", { href: `#${target ? target.id : `q-${q.id}`}`, text })));
    } else {
      items.push(el("li", { text: error.message }));
    }
  }
  // The same errors again (e.g. the change event when a person leaves the
  // field to click an error's link) leave the list alone: a link replaced
  // between the press and the release of a click would swallow the click.
  const list = $("error-list");
  const same = items.length === list.children.length && items.every((item, i) => item.isEqualNode(list.children[i]));
  if (!same) list.replaceChildren(...items);
  $("error-summary").hidden = errors.length === 0;
}

/** After a link's answers are shown (the page laid out, "ready" set): their
 * errors, if any, take the focus. */
function focusErrorSummary() {
  const summary = $("error-summary");
  if (focusErrors && !summary.hidden) {
    summary.scrollIntoView({ block: "start" });
    summary.focus({ preventScroll: true });
  }
  focusErrors = false;
}

function show({ result, errors }) {
  const applicable = result.applicable;
  const labels = new Map([...result.answers.map((a) => [a.key, a.label]),
    ...errors.filter((e) => e.label !== undefined).map((e) => [e.key, e.label])]);
  lastAnswered = QUESTIONS.filter((q) => applicable.includes(q.id) && labels.has(q.id))
    .map((q) => ({ q, label: labels.get(q.id) }));
  applyVisibility(applicable);
  showErrors(errors);
  const wrong = new Set(errors.map((e) => e.key));
  updateUrl(lastAnswers, applicable.filter((key) => !wrong.has(key)));

  const section = $("checker-result");
  section.hidden = false;
  const verdict = $("verdict");
  verdict.dataset.verdict = result.verdict;
  verdict.className = `verdict verdict--${result.verdict}`;
  // The headline gives the reasons of this verdict only: the blockers of
  // 不能申报, the conditions of 满足条件后可以申报.
  const decisive = result.findings.filter((f) => f.severity === (result.verdict === "ineligible" ? "blocker" : "condition"));
  // After the notice's last day the verdict itself says the round has closed.
  const closed = result.findings.find((f) => f.id === DATA.round_closed);
  verdict.replaceChildren(
    el("strong", { class: "verdict-label", text: LABELS.verdict[result.verdict] }),
    el("span", {
      class: "verdict-detail",
      text: result.verdict === "incomplete"
        ? `：还有 ${result.missing.length} 个问题会影响结论。`
        : decisive.length ? `：${decisive.map((f) => f.message).join(" ")}` : "。",
    }),
    ...(closed ? [el("span", { class: "verdict-closed", text: closed.message })] : []),
  );
  showVerdictBar(result);

  // Ineligible: why (the blockers), whether anything could change it and whom
  // to ask; no steps, checklist, fee or signature line (checker/advice.py).
  const ineligible = result.verdict === "ineligible";
  for (const id of ["steps-block", "checklist-block", "fee-block", "signature"]) $(id).hidden = ineligible;
  $("ineligible-advice").hidden = !ineligible;
  $("findings-title").textContent = ineligible ? "为什么不能申报" : "理由与提示";
  $("print-button").textContent = ineligible ? "打印结果" : "打印清单";
  const reasons = result.findings.filter((f) => f !== closed && (!ineligible || f.severity === "blocker"));

  const missing = $("missing-list");
  missing.replaceChildren(...result.missing.map((key) => {
    const q = BY_ID.get(key);
    return el("li", {}, el("a", { href: `#q-${key}`, text: q ? q.label : key }));
  }));
  $("missing-block").hidden = result.missing.length === 0;

  $("findings").replaceChildren(...reasons.map((f) => render.finding("li", f, {
    dataset: { findingClause: f.clause, severity: f.severity },
  })));

  $("steps").replaceChildren(...result.steps.map(render.step));

  $("checklist").replaceChildren(...result.checklist.map((item) =>
    render.checklistItem(item, { dataset: { clause: item.clause, item: item.id, who: item.who } })));

  $("fee").textContent = result.fee_yuan === null
    ? `评审费：请先选择申报级别（${DATA.fees}）。`
    : `评审费：${result.fee_yuan}元（报送材料时一次付清）。`;
  $("dates").replaceChildren(...result.dates.map((d) =>
    render.period(d, { class: d.id === "submission_deadline" ? "deadline" : "" })));

  $("answer-summary").replaceChildren(...lastAnswered.flatMap(({ q, label }) =>
    [el("dt", { text: q.label }), el("dd", { text: label })]));
  $("print-date").textContent = `打印日期：${new Date().toLocaleDateString("zh-CN")}　依据：${DATA.notice.number}`;
  showPrintLink();

  updateEmployerTool();
  $("generic-checklist").open = false;
  if (!firstResultShown) {
    firstResultShown = true;
    html.dataset.checker = "ready";
    performance.mark("checker-ready"); // read by bench/run.py
    loadQr();
  }
  focusErrorSummary();
}

/** This device's date, YYYY-MM-DD in local time: the day of the check. */
function localDate(now = new Date()) {
  const pad = (n) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** The note above the form that the notice's round has closed, shown (as the
 * static page has it) unless this device's date is on or before the deadline. */
function markRoundClosed() {
  const note = $("round-closed");
  if (note) note.hidden = localDate() <= note.dataset.deadline;
}

// ---- phones: the verdict in one line, kept in view ---------------------------
//
// Below the form on a phone, the result is far away: a one-line bar at the
// bottom of the screen says the verdict and links to the full result. It is
// shown only while the result is out of view, and the page keeps room for it
// (scroll-padding, checker.css), so that it never covers the field in use.

let resultInView = false;

function showVerdictBar(result) {
  const bar = $("verdict-bar");
  bar.dataset.shows = result.verdict; // not data-verdict: that names the verdict element only
  bar.textContent = `自查结论：${LABELS.verdict[result.verdict]} · 查看完整结果`;
  placeVerdictBar();
}

function placeVerdictBar() {
  const bar = $("verdict-bar");
  bar.hidden = !bar.dataset.shows || resultInView;
  // Not shown where the result sits beside the form (checker.css).
  html.classList.toggle("has-verdict-bar", bar.getClientRects().length > 0);
}

new IntersectionObserver((entries) => {
  resultInView = entries.some((entry) => entry.isIntersecting);
  placeVerdictBar();
}).observe($("checker-result"));

// ---- the printout's way back: the link and its QR code ----------------------

let qr = null; // qr.js, loaded once a result is shown (never on the way to "ready")
let drawnUrl = null;
let qrTimer = null;

/** The link back to this check (answers after "#") as text, and its QR code
 * drawn soon after (and at once before printing). */
function showPrintLink() {
  $("print-url").textContent = location.href;
  clearTimeout(qrTimer);
  qrTimer = setTimeout(drawQr, 300);
}

function drawQr() {
  if (!qr || drawnUrl === location.href) return;
  drawnUrl = location.href;
  const svg = qr.qrSvg(location.href);
  $("print-qr").replaceChildren(...(svg ? [svg] : []));
}

function loadQr() {
  import("./qr.js").then((module) => {
    qr = module;
    drawQr();
  }).catch((error) => console.error("checker: qr.js", error));
}

// ---- 单位链接 -----------------------------------------------------------------

function updateEmployerTool() {
  const box = $("employer-choices");
  const previous = new Set([...box.querySelectorAll("input:checked")].map((i) => i.value));
  if (lastAnswered.length === 0) {
    box.replaceChildren(el("p", { class: "employer-empty", text: "还没有回答任何问题。" }));
  } else {
    box.replaceChildren(...lastAnswered.map(({ q, label }) => {
      const input = el("input", { type: "checkbox", value: q.id, id: `employer-${q.id}` });
      input.checked = previous.has(q.id);
      return el("div", { class: "employer-choice" }, input,
        el("label", { for: `employer-${q.id}`, text: ` ${q.label} ${label}` }));
    }));
  }
  updateEmployerUrl();
}

function updateEmployerUrl() {
  const keys = [...$("employer-choices").querySelectorAll("input:checked")].map((i) => i.value);
  const params = toParams(lastAnswers, keys);
  $("employer-url").value = `${location.origin}${location.pathname}${params ? `#${params}` : ""}`;
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

// A field the user answers no longer carries a value from the link.
const answered = (event) => {
  if (event.target.name) linkValues.delete(event.target.name);
  evaluate();
};
form.addEventListener("input", answered);
form.addEventListener("change", answered);
form.addEventListener("submit", (event) => event.preventDefault());
form.addEventListener("click", (event) => {
  const id = event.target.dataset && event.target.dataset.clear;
  if (!id) return;
  for (const input of form.querySelectorAll(`input[name="${id}"]`)) input.checked = false;
  linkValues.delete(id);
  evaluate();
});
// Links to a question (error summary, "还需回答") move the focus there without
// touching the URL's fragment, which holds the answers.
root.addEventListener("click", (event) => {
  const link = event.target.closest && event.target.closest('a[href^="#"]');
  if (!link || link.closest("#checker-form")) return;
  const target = document.getElementById(decodeURIComponent(link.getAttribute("href").slice(1)));
  if (!target) return;
  event.preventDefault();
  const field = target.matches("input, select, textarea") ? target : target.querySelector("input");
  target.scrollIntoView({ block: "center" });
  (field || target).focus({ preventScroll: true });
});
$("employer-choices").addEventListener("change", updateEmployerUrl);
$("employer-copy").addEventListener("click", copyEmployerUrl);
$("print-button").addEventListener("click", () => window.print());
window.addEventListener("beforeprint", drawQr);
// Another answer link opened in this tab, or Back/Forward: only the "#" part
// changed, so the page is not reloaded; the form and the result follow it. A
// fragment that is not answers (a heading's anchor) changes nothing.
window.addEventListener("hashchange", () => {
  const fragment = location.hash.slice(1);
  if (fragment && !looksLikeAnswers(fragment)) return;
  if (new URLSearchParams(fragment).toString() === shownFragment) return;
  resetForm();
  prefillFromUrl();
  evaluate();
});

markRoundClosed();
prefillFromUrl();
startWorker();
