// The quality gate on site-audit's report (../shared/tools/site-audit): what the audit itself
// fails on (broken links, anchors and resources, pages that fail to load, console errors,
// uncaught exceptions, critical and serious axe violations, Nu HTML checker errors), plus
// what it only reports: axe violations of any impact, and page weights over their budget.
//
//   node .ci/audit-gate.mjs REPORT.json
//
// Budgets (bytes as served, uncompressed, every same-origin file the page loads with a cold
// cache; map tiles come from another host and are not counted): a place page 50 000, any
// page 150 000.
import { readFileSync } from 'node:fs';

const BUDGET_PLACE = 50_000;
const BUDGET_PAGE = 150_000;

const file = process.argv[2];
if (!file) {
  console.error('usage: node .ci/audit-gate.mjs REPORT.json');
  process.exit(2);
}
const report = JSON.parse(readFileSync(file, 'utf8'));
const failures = [...(report.failures || [])];

const axe = report.totals.axeViolations;
const anyAxe = axe.critical + axe.serious + axe.moderate + axe.minor;
if (anyAxe > 0 && !failures.some((f) => /axe/i.test(String(f)))) {
  failures.push(`axe violations: critical ${axe.critical}, serious ${axe.serious}, moderate ${axe.moderate}, minor ${axe.minor}`);
}

// A place page: /lieux/<slug>/, not the list (/lieux/) nor its pages (/lieux/page/N/).
const isPlace = (path) => /^\/lieux\/[^/]+\/$/.test(path) && !/^\/lieux\/page\//.test(path);
let heaviest = { path: '', bytes: 0 };
let heaviestPlace = { path: '', bytes: 0 };
for (const page of report.pages) {
  const bytes = page.weight?.bytes ?? 0;
  if (bytes > heaviest.bytes) heaviest = { path: page.path, bytes };
  const place = isPlace(page.path);
  if (place && bytes > heaviestPlace.bytes) heaviestPlace = { path: page.path, bytes };
  const budget = place ? BUDGET_PLACE : BUDGET_PAGE;
  if (bytes > budget) {
    failures.push(`${page.path} weighs ${bytes} B, over its budget of ${budget} B (${place ? 'place page' : 'page'})`);
  }
}

console.log(`pages audited: ${report.totals.pagesVisited}`);
console.log(`heaviest page: ${heaviest.path} ${heaviest.bytes} B (budget ${BUDGET_PAGE} B)`);
console.log(`heaviest place page: ${heaviestPlace.path} ${heaviestPlace.bytes} B (budget ${BUDGET_PLACE} B)`);
if (failures.length) {
  console.log('QUALITY GATE: FAIL');
  for (const f of failures) console.log(`  - ${typeof f === 'string' ? f : JSON.stringify(f)}`);
  process.exit(1);
}
console.log('QUALITY GATE: PASS');
