/**
 * The standalone HTML balance report: one file that opens from disk with no network. The charting library
 * (Chart.js, pinned in package.json) and the report's JSON are inlined; a small script draws the charts.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import type { LabReport } from "./lab.ts";

function chartJs(): string {
  // The package's exports map hides the UMD build; it sits next to the CommonJS entry.
  const require = createRequire(import.meta.url);
  return readFileSync(join(dirname(require.resolve("chart.js")), "chart.umd.min.js"), "utf8");
}

/** Makes text safe inside a <script> element. */
function scriptSafe(text: string): string {
  return text.replace(/<\/(script)/gi, "<\\/$1").replace(/<!--/g, "<\\!--");
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]!);
}

const STYLE = `
body{font:14px/1.45 system-ui,sans-serif;margin:0 auto;max-width:1100px;padding:1.5rem;color:#1d2330}
h1{font-size:1.5rem;margin:.2rem 0}h2{font-size:1.15rem;margin-top:2rem;border-bottom:1px solid #d8dde6;padding-bottom:.2rem}
table{border-collapse:collapse;margin:.5rem 0}td,th{padding:.25rem .6rem;border-bottom:1px solid #e4e7ee;text-align:right}
th{background:#f3f5f9}td:first-child,th:first-child{text-align:left}.meta td{text-align:left}
.pass{color:#116c2e;font-weight:600}.fail{color:#a8201a;font-weight:600}.chart{position:relative;height:320px;margin:.6rem 0}
.small{color:#5b6372;font-size:.9em}select{font:inherit;margin:.3rem .5rem .3rem 0}code{background:#f3f5f9;padding:0 .25rem}
`;

const SCRIPT = `
const R = JSON.parse(document.getElementById("report").textContent);
const pct = (x) => x === null || x === undefined ? "–" : (100 * x).toFixed(1) + "%";
const colours = ["#2f6fdf","#d9622b","#2b9a4a","#a23dbf","#c9a227","#1fa3a3","#d23f6b","#6b7a8f","#8b5a2b"];
const el = (tag, attrs = {}, text) => { const e = document.createElement(tag); Object.assign(e, attrs); if (text !== undefined) e.textContent = text; return e; };
const section = (title, note) => { const s = el("section"); s.append(el("h2", {}, title)); if (note) s.append(el("p", { className: "small" }, note)); document.getElementById("main").append(s); return s; };
const chartBox = (parent) => { const d = el("div", { className: "chart" }); const c = el("canvas"); d.append(c); parent.append(d); return c; };
const name = (p) => "US " + p.us + " vs China " + p.china;
const runLabel = (run) => run.value === null ? "" : R.meta.sweep.path + " = " + run.value;

function checks(run, parent) {
  const c = run.checks; const t = el("table");
  const row = (label, value, ok) => { const tr = el("tr"); tr.append(el("td", {}, label), el("td", {}, value)); const td = el("td", { className: ok === null ? "" : ok ? "pass" : "fail" }, ok === null ? "" : ok ? "pass" : "fail"); tr.append(td); t.append(tr); };
  const iv = (r) => pct(r.usWinRate) + " US [" + pct(r.usInterval.low) + ", " + pct(r.usInterval.high) + "]";
  row("search vs search within 45-55%", c.searchVsSearch ? iv(c.searchVsSearch) : "not played", c.searchVsSearch ? c.searchVsSearch.withinBand : null);
  row("best-persona pairing within 45-55%", c.bestPersonaPairing ? name(c.bestPersonaPairing) + ": " + iv(c.bestPersonaPairing) : "not played", c.bestPersonaPairing ? c.bestPersonaPairing.withinBand : null);
  row("no persona beats every opposing persona", c.dominantPersonas.length ? "dominant: " + c.dominantPersonas.join(", ") : "none dominant", c.dominantPersonas.length === 0);
  for (const s of c.searchVsPersonas) row("search (" + s.side + ") beats every opposing persona 60%+", s.worst ? "worst: " + name(s.worst) + ", " + iv(s.worst) : "not played", s.atLeast60);
  const L = c.leverEffects;
  if (L) {
    const moves = L.everyLeverMoves; const flips = L.noLeverAlwaysFlips;
    row("every lever a persona uses moves the final lead by " + L.minEffectMonths + "+ months the way its text says in some pairing (interval excluding 0)", moves.pass ? "every one does" : "never: " + moves.offending.map((l) => l.side + ":" + l.lever + " (best " + l.largestMonths.toFixed(2) + " mo the promised way)").join(", "), moves.pass);
    row("no lever's removal flips more than " + pct(L.maxFlipShare) + " of the matches of every pairing", flips.pass ? "none does" : "always: " + flips.offending.map((l) => l.side + ":" + l.lever + " (at least " + pct(l.smallestFlipShare) + ")").join(", "), flips.pass);
  }
  parent.append(t);
}

function leverEffects(run, parent) {
  const size = (r) => Math.abs(r.effectMonths);
  const measured = run.leverEffects.filter((r) => r.status === "measured").sort((a, b) => size(b) - size(a));
  const t = el("table"); const h = el("tr");
  for (const x of ["lever","whose lever","against","matches","used in","effect on the US lead (mo)","95% interval","winner flips","US wins with → without"]) h.append(el("th", {}, x));
  t.append(h);
  for (const r of measured) { const tr = el("tr");
    const clear = r.interval.low > 0 || r.interval.high < 0;
    const cells = [r.lever, (r.side === "us" ? "US " : "China ") + r.bot, r.side === "us" ? r.china : r.us, r.matches, pct(r.usedShare), (r.effectMonths > 0 ? "+" : "") + r.effectMonths.toFixed(2), "[" + r.interval.low.toFixed(2) + ", " + r.interval.high.toFixed(2) + "]", pct(r.flipShare), pct(r.usWinRateWith) + " → " + pct(r.usWinRateWithout)];
    cells.forEach((x, i) => { const td = el("td", {}, String(x)); if (i === 5 && clear) td.style.background = r.effectMonths > 0 ? "rgba(47,111,223,.25)" : "rgba(217,98,43,.25)"; tr.append(td); });
    t.append(tr); }
  parent.append(t);
  const unused = new Map();
  for (const r of run.leverEffects) if (r.status === "not used") { const k = name(r) + ": " + (r.side === "us" ? "US " : "China ") + r.bot; unused.set(k, [...(unused.get(k) || []), r.lever]); }
  if (unused.size) { parent.append(el("h3", {}, "Not used (not measured)")); const ul = el("ul"); for (const [k, list] of unused) ul.append(el("li", {}, k + " never orders " + list.join(", "))); parent.append(ul); }
}

function pairingTable(run, parent) {
  const t = el("table"); const h = el("tr");
  for (const x of ["pairing","matches","US wins","95% interval","China wins","95% interval","lead median (mo)","decided by turn (median)","refused","US spending on the final turn","China spending on the final turn","|lead change| on the final turn (mo)"]) h.append(el("th", {}, x));
  t.append(h);
  for (const p of run.pairings) { const tr = el("tr");
    for (const x of [name(p), p.matches, pct(p.usWinRate), pct(p.usInterval.low)+" – "+pct(p.usInterval.high), pct(p.chinaWinRate), pct(p.chinaInterval.low)+" – "+pct(p.chinaInterval.high), p.lead.median.toFixed(2), (p.decidedTurn.median + 1).toFixed(0), p.refused, pct(p.finalTurn.spendShare.us), pct(p.finalTurn.spendShare.china), p.finalTurn.meanAbsLeadChange.toFixed(2)]) tr.append(el("td", {}, String(x)));
    t.append(tr); }
  parent.append(t);
  parent.append(el("p", { className: "small" }, "The last three columns show hoarding: the mean share of each side's total spending that it spent on the final turn, and the mean size of the lead's move on the final turn."));
  const canvas = chartBox(parent);
  new Chart(canvas, { type: "bar", data: { labels: run.pairings.map(name), datasets: [
    { type: "scatter", label: "US win rate", data: run.pairings.map((p, i) => ({ x: p.usWinRate * 100, y: name(p) })), backgroundColor: "#1d2330", pointRadius: 5 },
    { label: "95% Wilson interval", data: run.pairings.map((p) => [p.usInterval.low * 100, p.usInterval.high * 100]), backgroundColor: "#2f6fdf88" } ] },
    options: { indexAxis: "y", maintainAspectRatio: false, scales: { x: { min: 0, max: 100, title: { display: true, text: "US win rate (%)" } }, y: { type: "category" } } } });
}

function matrix(run, parent) {
  const t = el("table"); const h = el("tr"); h.append(el("th", {}, "US \\\\ China"));
  for (const c of run.matrix.china) h.append(el("th", {}, c)); t.append(h);
  run.matrix.us.forEach((u, i) => { const tr = el("tr"); tr.append(el("th", {}, u));
    run.matrix.usWinRate[i].forEach((v) => { const td = el("td", {}, pct(v)); if (v !== null) { const a = Math.abs(v - 0.5) * 1.6; td.style.background = v >= 0.5 ? "rgba(47,111,223," + a + ")" : "rgba(217,98,43," + a + ")"; } tr.append(td); });
    t.append(tr); });
  parent.append(t); parent.append(el("p", { className: "small" }, "Cells: the US bot's win rate against the China bot (blue: US ahead, orange: China ahead)."));
}

function ratings(run, parent) {
  const labels = run.ratings.map((r) => r.side.toUpperCase() + " " + r.bot);
  new Chart(chartBox(parent), { type: "bar", data: { labels, datasets: [
    { type: "scatter", label: "rating (Elo scale)", data: run.ratings.map((r, i) => ({ x: r.elo, y: labels[i] })), backgroundColor: "#1d2330", pointRadius: 5 },
    { label: "95% bootstrap interval", data: run.ratings.map((r) => [r.low, r.high]), backgroundColor: "#2b9a4a88" } ] },
    options: { indexAxis: "y", maintainAspectRatio: false, scales: { x: { title: { display: true, text: "Bradley-Terry rating, Elo scale (400 = 10:1 odds)" } }, y: { type: "category" } } } });
}

function picker(parent, run, draw) {
  const s = el("select"); run.pairings.forEach((p, i) => s.append(el("option", { value: String(i) }, name(p))));
  parent.append(s); const box = el("div"); parent.append(box);
  const go = () => { box.replaceChildren(); draw(run.pairings[Number(s.value)], box, run); };
  s.onchange = go; go();
}

function leadOverYears(p, box, run) {
  const labels = p.leadByTurn.map((r) => r.label);
  const line = (label, key, colour, fill) => ({ label, data: p.leadByTurn.map((r) => r[key]), borderColor: colour, backgroundColor: colour + "33", pointRadius: 0, fill, tension: 0.2 });
  new Chart(chartBox(box), { type: "line", data: { labels, datasets: [ line("10th percentile","p10","#2f6fdf",false), line("90th percentile","p90","#2f6fdf","-1"), line("25th percentile","p25","#1d2330",false), line("75th percentile","p75","#1d2330","-1"), { ...line("median","median","#d9622b",false), borderWidth: 3 },
    { label: "threshold", data: labels.map(() => run.thresholdMonths), borderColor: "#a8201a", borderDash: [6, 4], pointRadius: 0 } ] },
    options: { maintainAspectRatio: false, scales: { y: { title: { display: true, text: "US lead (months)" } } } } });
}

function distributions(p, box) {
  const hm = p.usMargin.histogram;
  new Chart(chartBox(box), { type: "bar", data: { labels: hm.edges.map((e) => e.toFixed(1)), datasets: [{ label: "matches by US lead minus threshold at the end (months; right of 0: US wins)", data: hm.counts, backgroundColor: hm.edges.map((e) => e >= 0 ? "#2f6fdf" : "#d9622b") }] },
    options: { maintainAspectRatio: false, scales: { x: { title: { display: true, text: "margin (months)" } } } } });
  new Chart(chartBox(box), { type: "bar", data: { labels: p.decidedTurn.counts.map((_, i) => "turn " + (i + 1)), datasets: [{ label: "matches by the turn after which the winner never fell behind again", data: p.decidedTurn.counts, backgroundColor: "#2b9a4a" }] },
    options: { maintainAspectRatio: false } });
}

function levers(p, box) {
  for (const side of ["us", "china"]) {
    const list = p.levers[side]; if (!list.length) continue;
    box.append(el("h3", {}, (side === "us" ? "US (" + p.us : "China (" + p.china) + ")"));
    const t = el("table"); const h = el("tr");
    for (const x of ["lever","used in","turns per match","$B per match","win rate when used","when not used","spend–win correlation"]) h.append(el("th", {}, x));
    t.append(h);
    for (const u of list) { const tr = el("tr");
      for (const x of [u.lever, pct(u.usedShare), u.turnsPerMatch.toFixed(1), u.meanSpent.toFixed(1), pct(u.winRateUsed), pct(u.winRateUnused), u.spendWinCorrelation === null ? "–" : u.spendWinCorrelation.toFixed(2)]) tr.append(el("td", {}, String(x)));
      t.append(tr); }
    box.append(t);
  }
}

function sweep(parent) {
  const values = R.runs.map((r) => r.value);
  const pairs = R.runs[0].pairings.map((p) => name(p));
  const datasets = [];
  pairs.forEach((label, i) => { const c = colours[i % colours.length];
    datasets.push({ label: label + " (95% low)", data: R.runs.map((r) => r.pairings[i].usInterval.low * 100), borderColor: c + "00", backgroundColor: c + "22", pointRadius: 0, fill: false });
    datasets.push({ label: label + " (95% high)", data: R.runs.map((r) => r.pairings[i].usInterval.high * 100), borderColor: c + "00", backgroundColor: c + "22", pointRadius: 0, fill: "-1" });
    datasets.push({ label, data: R.runs.map((r) => r.pairings[i].usWinRate * 100), borderColor: c, backgroundColor: c, pointRadius: 3, fill: false }); });
  new Chart(chartBox(parent), { type: "line", data: { labels: values, datasets },
    options: { maintainAspectRatio: false, plugins: { legend: { labels: { filter: (item) => !item.text.includes("(95%") } } },
      scales: { x: { title: { display: true, text: R.meta.sweep.path } }, y: { min: 0, max: 100, title: { display: true, text: "US win rate (%), band: 95% Wilson interval" } } } } });
}

if (R.meta.sweep) sweep(section("Win rate against " + R.meta.sweep.path, "Each line is a pairing; the shaded band is its 95% interval."));
for (const run of R.runs) {
  const suffix = run.value === null ? "" : " — " + runLabel(run);
  checks(run, section("Balance checks" + suffix, "Threshold: the US must lead by " + run.thresholdMonths + " months at the end."));
  pairingTable(run, section("Win rates per pairing" + suffix, "Wilson 95% intervals."));
  matrix(run, section("Pairing matrix" + suffix));
  ratings(run, section("Ratings" + suffix, "Bradley-Terry over all pairings (both sides' bots rated together), 95% intervals from 200 bootstrap redraws."));
  picker(section("Lead in months over the years" + suffix, "Median, 25-75% and 10-90% of matches."), run, leadOverYears);
  picker(section("Margin and decision-turn distributions" + suffix), run, distributions);
  picker(section("Lever usage and winning" + suffix, "How often each side used a lever, and the side's win rate with and without it (association, not cause)."), run, levers);
  if (run.leverEffects) leverEffects(run, section("Lever effects" + suffix, "Each pairing of personas played again on the same seeds with one side's lever removed (cause, not association). Effect: the final US lead with the lever minus without it, in months, mean over paired matches with its 95% interval (mean ± 1.96·sd/√n); positive means the lever helps the US, so a China lever that works is negative. Shaded: the interval excludes 0. Winner flips: the share of matches whose winner changes. Sorted by the size of the effect."));
}
`;

/** The whole report as one HTML page. */
export function toHtml(report: LabReport): string {
  const m = report.meta;
  const rows: [string, string][] = [
    ["command", m.command],
    ["scenario", `${m.scenario.id} (${m.scenario.source})`],
    [
      "matches per pairing",
      m.searchMatches === m.matches
        ? String(m.matches)
        : `${m.matches} (${m.searchMatches} with the search bot)`,
    ],
    ["seeds", m.seeds.rule],
    [
      "lever effects",
      m.leverEffects > 0
        ? `${m.leverEffects} paired matches per lever per pairing of personas`
        : "not measured (--lever-effects 0)",
    ],
    ["code version", `${m.code.commit}${m.code.dirty ? " (with uncommitted changes)" : ""}`],
    [
      "search budget",
      `${m.searchSamples} sampled worlds per candidate per turn (twice as many more for the best two)`,
    ],
  ];
  const meta = rows
    .map(([k, v]) => `<tr><td>${escapeHtml(k)}</td><td><code>${escapeHtml(v)}</code></td></tr>`)
    .join("");
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Compute Frontier balance report: ${escapeHtml(m.scenario.id)}</title>
<meta name="viewport" content="width=device-width, initial-scale=1"><style>${STYLE}</style></head>
<body><h1>Compute Frontier balance report</h1>
<p class="small">Bots play seeded headless matches on the game's rules; win rates carry 95% Wilson intervals. Any match can be replayed with <code>npm run sim -- --scenario ${escapeHtml(m.scenario.source === "built-in" ? m.scenario.id : m.scenario.source)} --seed SEED --us BOT --china BOT</code>.</p>
<table class="meta">${meta}</table>
<div id="main"></div>
<script type="application/json" id="report">${scriptSafe(JSON.stringify(report))}</script>
<script>${scriptSafe(chartJs())}</script>
<script>${scriptSafe(SCRIPT)}</script>
</body></html>
`;
}
