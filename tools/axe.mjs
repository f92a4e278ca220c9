// Runs axe-core (WCAG 2.0/2.1 A and AA rules, and best practices) in
// headless Chromium over pages of a served site; prints one JSON object:
// { "<path>": [violation, ...], ... } and exits 1 when any page has one.
//
//   node tools/axe.mjs http://127.0.0.1:8321 /fr/ /en/meetings/ ...
//
// axe is evaluated through the DevTools protocol, which the site's
// Content-Security-Policy does not apply to: the pages are checked as
// served, policy included.
import { readFile, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, dirname } from "node:path";
import { createRequire } from "node:module";
import puppeteer from "puppeteer-core";

const require = createRequire(import.meta.url);
const [base, ...paths] = process.argv.slice(2);
if (!base || paths.length === 0) {
  console.error("usage: node tools/axe.mjs BASE_URL PATH...");
  process.exit(2);
}
const axeSource = await readFile(join(dirname(require.resolve("axe-core")), "axe.min.js"), "utf8");
const profile = await mkdtemp(join(tmpdir(), "axe-profile-"));
const browser = await puppeteer.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  headless: true,
  userDataDir: profile,
  args: [
    "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync",
  ],
});
const results = {};
let failed = false;
try {
  for (const path of paths) {
    const page = await browser.newPage();
    // A phone first, then a desktop: the layout differs.
    for (const viewport of [{ width: 375, height: 740 }, { width: 1280, height: 900 }]) {
      await page.setViewport(viewport);
      await page.goto(base + path, { waitUntil: "load" });
      await page.evaluate(axeSource);
      const r = await page.evaluate(() =>
        // eslint-disable-next-line no-undef
        axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"] } }),
      );
      const found = r.violations.map((v) => ({
        id: v.id, impact: v.impact, help: v.help, width: viewport.width,
        nodes: v.nodes.slice(0, 5).map((n) => n.target.join(" ")),
      }));
      results[path] = (results[path] || []).concat(found);
      if (found.length) failed = true;
    }
    await page.close();
  }
} finally {
  await browser.close();
  await rm(profile, { recursive: true, force: true });
}
console.log(JSON.stringify(results, null, 1));
process.exit(failed ? 1 : 0);
