// Two headless Chromium pages use the chat example like people would, and report what they saw.
// Usage: node chat-browser.mjs <chat url> <screenshot folder>
// Chromium: process.env.CHROMIUM_PATH or /usr/bin/chromium (Debian's package; .ci/run installs it).
// The pages load the official browser client from the server at /socket.io/socket.io.js.
// Output, one JSON object per line; the Java test asserts on them:
//   {"type":"logged-in","page":"A","me":"ada"}
//   {"type":"name-taken","page":"B","error":"ada username is taken! Try some other username."}
//   {"type":"joined","page":"A","title":"# java"}   {"type":"presence","page":"A","users":[...]}
//   {"type":"typing","page":"B","text":"ada is typing…"}
//   {"type":"received","page":"B","texts":[...]}
//   {"type":"injection","page":"A","shownAsText":true,"imagesInMessages":0,"scriptRan":false,"visible":true}
//   {"type":"screenshots","files":[...]}   {"type":"reloaded","page":"A","me":"ada","rooms":[...],"history":[...]}
//   {"type":"bundle","servedBy":"server"|"nobody","status":N}
//   {"type":"page-errors","errors":[...]}   {"type":"done"}  or {"type":"failed","step":"...","message":"..."}
import { chromium } from "playwright-core";
import { mkdtempSync, mkdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const [url, shots] = process.argv.slice(2);
const out = (o) => process.stdout.write(JSON.stringify(o) + "\n");
const STEP_TIMEOUT = 15000;
const INJECTION = "<img src=x onerror=\"window.__pwned=1\"> is just text";

let step = "launch";
const profile = mkdtempSync(join(tmpdir(), "sio4j-chromium-"));
mkdirSync(shots, { recursive: true });
const context = await chromium.launchPersistentContext(profile, {
  executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
  headless: true,
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
  viewport: { width: 900, height: 640 },
});
context.setDefaultTimeout(STEP_TIMEOUT);
const errors = [];


async function openPage(name) {
  const page = await context.newPage();
  page.on("pageerror", (e) => errors.push(name + ": " + e.message));
  page.on("console", (m) => { if (m.type() === "error") errors.push(name + " console: " + m.text()); });
  await page.goto(url);
  return page;
}

async function login(page, name) {
  await page.fill("#username", name);
  await page.click("#login-form button[type=submit]");
}

const texts = (page) => page.$$eval("#messages li:not(.system)", (items) => items.map((li) => li.textContent));

try {
  step = "browser client bundle";
  const bundle = await fetch(new URL("/socket.io/socket.io.js", url));
  const servedByServer = bundle.ok && /javascript/.test(bundle.headers.get("content-type") || "");
  out({ type: "bundle", servedBy: servedByServer ? "server" : "nobody", status: bundle.status });

  step = "open pages";
  const a = await openPage("A");
  const b = await openPage("B");

  step = "A picks a free name";
  await login(a, "ada");
  await a.waitForSelector("#chat:not([hidden])");
  out({ type: "logged-in", page: "A", me: await a.textContent("#me") });

  step = "B picks the taken name";
  await login(b, "ada");
  await b.waitForFunction(() => document.getElementById("login-error").textContent.length > 0);
  const takenShot = join(shots, "chat-page-b-name-taken.png");
  await b.screenshot({ path: takenShot });
  out({ type: "name-taken", page: "B", error: await b.textContent("#login-error"), chatHidden: await b.isHidden("#chat") });

  step = "B picks another name";
  await login(b, "bob");
  await b.waitForSelector("#chat:not([hidden])");
  out({ type: "logged-in", page: "B", me: await b.textContent("#me") });

  step = "both join a room";
  for (const [name, page] of [["A", a], ["B", b]]) {
    await page.fill("#room-name", "java");
    await page.click("#join-form button[type=submit]");
    await page.waitForFunction(() => document.getElementById("room-title").textContent === "# java");
    out({ type: "joined", page: name, title: await page.textContent("#room-title") });
  }
  await a.waitForFunction(() => document.querySelectorAll("#presence li").length === 2);
  out({ type: "presence", page: "A", users: await a.$$eval("#presence li", (l) => l.map((x) => x.textContent)) });

  step = "A types, B sees it";
  // Record every indicator B shows, so a slow machine cannot miss one that came and went.
  await b.evaluate(() => {
    const typing = document.getElementById("typing");
    window.__typingSeen = [];
    new MutationObserver(() => {
      if (typing.textContent) window.__typingSeen.push(typing.textContent);
    }).observe(typing, { childList: true, characterData: true, subtree: true });
  });
  await a.type("#message", "Hello from ada", { delay: 10 });
  await b.waitForFunction(() => window.__typingSeen.length > 0);
  out({ type: "typing", page: "B", text: await b.evaluate(() => window.__typingSeen[0]) });

  step = "A sends, B receives";
  await a.click("#message-form button[type=submit]");
  await b.waitForFunction(() => [...document.querySelectorAll("#messages li")].some((li) => li.textContent.includes("Hello from ada")));
  await b.waitForFunction(() => document.getElementById("typing").textContent === "");
  out({ type: "received", page: "B", texts: await texts(b), typing: await b.textContent("#typing") });

  step = "B sends markup, A shows it as text";
  await b.fill("#message", INJECTION);
  await b.click("#message-form button[type=submit]");
  await a.waitForFunction((t) => [...document.querySelectorAll("#messages li")].some((li) => li.textContent.includes(t)), INJECTION);
  const item = a.locator("#messages li", { hasText: INJECTION }).last();
  out({
    type: "injection", page: "A",
    shownAsText: (await item.textContent()).includes(INJECTION),
    visible: await item.isVisible(),
    imagesInMessages: await a.locator("#messages img").count(),
    imagesInPage: await a.locator("img").count(),
    scriptRan: await a.evaluate(() => window.__pwned === 1),
    texts: await texts(a),
  });

  step = "screenshots";
  const files = [join(shots, "chat-page-a.png"), join(shots, "chat-page-b.png"), takenShot];
  await a.screenshot({ path: files[0] });
  await b.screenshot({ path: files[1] });
  out({ type: "screenshots", files });

  step = "A reloads and keeps its user, rooms and the room's last messages";
  await a.reload();
  await a.waitForSelector("#chat:not([hidden])");
  await a.waitForFunction(() => [...document.querySelectorAll("#my-rooms li")].some((li) => li.textContent.includes("java")));
  await a.locator("#my-rooms li button", { hasText: "java" }).click();
  await a.waitForFunction(() => document.querySelectorAll("#messages li:not(.system)").length >= 2);
  out({
    type: "reloaded", page: "A", me: await a.textContent("#me"),
    rooms: await a.$$eval("#my-rooms li", (l) => l.map((x) => x.textContent)),
    history: await texts(a),
  });
  out({ type: "page-errors", errors });
  out({ type: "done" });
} catch (e) {
  out({ type: "failed", step, message: String(e && e.message || e), errors });
} finally {
  await context.close().catch(() => {});
  rmSync(profile, { recursive: true, force: true });
}
