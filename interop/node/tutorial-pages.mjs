// Opens tutorial example pages in headless Chromium and follows a plan for each.
// Usage: node tutorial-pages.mjs '<plan JSON>' where the plan is
//   [{"name":"hello","url":"http://127.0.0.1:1234/","steps":[{"expect":"text"},{"click":"#id"},...]}]
// "expect" waits until a line of the page's #log contains the text; "click" clicks an element.
// Output, one JSON object per line:
//   {"type":"page","name":"hello","log":["...", ...],"status":"connected as ..."}
//   {"type":"failed","name":"hello","step":{...},"message":"...","log":[...]}
//   {"type":"page-errors","errors":[...]}  {"type":"done"}
// Chromium: process.env.CHROMIUM_PATH or /usr/bin/chromium. While the server cannot serve
// /socket.io/socket.io.js, the browser gets npm's identical dist/socket.io.js instead (reported).
import { chromium } from "playwright-core";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const plan = JSON.parse(process.argv[2]);
const out = (o) => process.stdout.write(JSON.stringify(o) + "\n");
const profile = mkdtempSync(join(tmpdir(), "sio4j-chromium-"));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
  headless: true,
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
});
context.setDefaultTimeout(15000);
const errors = [];
const logOf = (page) => page.$$eval("#log li", (items) => items.map((li) => li.textContent));

try {
  const first = await fetch(new URL("/socket.io/socket.io.js", plan[0].url));
  const served = first.ok && /javascript/.test(first.headers.get("content-type") || "");
  out({ type: "bundle", servedBy: served ? "server" : "nobody" });

  for (const example of plan) {
    const page = await context.newPage();
    page.on("pageerror", (e) => errors.push(example.name + ": " + e.message));
    let current = null;
    try {
      await page.goto(example.url);
      for (const step of example.steps) {
        current = step;
        if (step.click) {
          await page.click(step.click);
        } else {
          await page.waitForFunction(
            (t) => [...document.querySelectorAll("#log li")].some((li) => li.textContent.includes(t)),
            step.expect);
        }
      }
      out({ type: "page", name: example.name, log: await logOf(page), status: await page.textContent("#status") });
    } catch (e) {
      out({ type: "failed", name: example.name, step: current, message: String(e && e.message || e), log: await logOf(page).catch(() => []) });
    } finally {
      await page.close();
    }
  }
  out({ type: "page-errors", errors });
  out({ type: "done" });
} finally {
  await context.close().catch(() => {});
  rmSync(profile, { recursive: true, force: true });
}
