// Opens a page in headless Chromium (Debian's chromium, driven by playwright-core) and reports
// what the Socket.IO browser bundles served by our server define, for BrowserBundleTest.
//   node browser-bundle.mjs <pageUrl>
// The page loads the classic bundles with <script> and the ESM one with import; prints
//   {"type":"result", ...} or {"type":"error","message":...}
import { chromium } from "playwright-core";

const out = (o) => process.stdout.write(JSON.stringify(o) + "\n");
const url = process.argv[2];
const executablePath = process.env.CHROMIUM_PATH || "/usr/bin/chromium";

let browser;
let page;
try {
  browser = await chromium.launch({ executablePath, args: ["--no-sandbox"] });
  page = await browser.newPage();
  const failed = [];
  page.on("requestfailed", (r) => failed.push(r.url()));
  page.on("pageerror", (e) => out({ type: "pageerror", message: String(e) }));
  const response = await page.goto(url, { waitUntil: "load", timeout: 15000 });
  await page.waitForFunction(() => window.results && window.results.done, null, { timeout: 15000 });
  const results = await page.evaluate(() => window.results);
  out({ type: "result", status: response.status(), failed, ...results });
} catch (e) {
  const partial = page ? await page.evaluate(() => window.results).catch(() => null) : null;
  out({ type: "error", message: String(e && e.stack || e), partial });
} finally {
  if (browser) await browser.close();
}
