// Two headless Chromium pages on two chat nodes that share one Redis (adapter, names and rooms),
// used like people would, reporting what they saw. Page A is on node 1, page B on node 2.
// Usage: node chat-two-nodes.mjs <node 1 url> <node 2 url> <screenshot folder>
// Chromium: process.env.CHROMIUM_PATH or /usr/bin/chromium (Debian's package).
// Output, one JSON object per line; the Java test asserts on them:
//   {"type":"logged-in","page":"A","me":"ada"}
//   {"type":"name-taken","page":"B","error":"..."}          (the name A holds on the other node)
//   {"type":"joined","page":"A"|"B","title":"# java"}     {"type":"presence","page":"A"|"B","users":[...]}
//   {"type":"received","page":"B"|"A","texts":[...]}      (a message from the other node's page)
//   {"type":"room-lists","a":[...],"b":[...]}             (the rooms with users, as each page lists them)
//   {"type":"screenshots","files":[...]}  {"type":"page-errors","errors":[...]}
//   {"type":"done"}  or {"type":"failed","step":"...","message":"..."}
import { chromium } from "playwright-core";
import { mkdtempSync, mkdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const [url1, url2, shots] = process.argv.slice(2);
const out = (o) => process.stdout.write(JSON.stringify(o) + "\n");

let step = "launch";
const profile = mkdtempSync(join(tmpdir(), "sio4j-chromium-"));
mkdirSync(shots, { recursive: true });
const context = await chromium.launchPersistentContext(profile, {
  executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
  headless: true,
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
  viewport: { width: 900, height: 640 },
});
context.setDefaultTimeout(20000);
const errors = [];

async function openPage(name, url) {
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

async function joinRoom(page, room) {
  await page.fill("#room-name", room);
  await page.click("#join-form button[type=submit]");
  await page.waitForFunction((r) => document.getElementById("room-title").textContent === "# " + r, room);
}

async function send(page, text) {
  await page.fill("#message", text);
  await page.click("#message-form button[type=submit]");
}

const texts = (page) => page.$$eval("#messages li:not(.system)", (items) => items.map((li) => li.textContent));
const shows = (page, text) =>
  page.waitForFunction((t) => [...document.querySelectorAll("#messages li")].some((li) => li.textContent.includes(t)), text);
const roomList = (page) => page.$$eval("#all-rooms option", (l) => l.map((o) => o.value));
const users = (page) => page.$$eval("#presence li", (l) => l.map((x) => x.textContent));

try {
  step = "open one page on each node";
  const a = await openPage("A", url1);
  const b = await openPage("B", url2);

  step = "A takes a name on node 1";
  await login(a, "ada");
  await a.waitForSelector("#chat:not([hidden])");
  out({ type: "logged-in", page: "A", me: await a.textContent("#me") });

  step = "B asks node 2 for the same name";
  await login(b, "ada");
  await b.waitForFunction(() => document.getElementById("login-error").textContent.length > 0);
  const takenShot = join(shots, "chat-two-nodes-b-name-taken.png");
  await b.screenshot({ path: takenShot });
  out({ type: "name-taken", page: "B", error: await b.textContent("#login-error"), chatHidden: await b.isHidden("#chat") });

  step = "B takes another name on node 2";
  await login(b, "bob");
  await b.waitForSelector("#chat:not([hidden])");
  out({ type: "logged-in", page: "B", me: await b.textContent("#me") });

  step = "both join one room";
  await joinRoom(a, "java");
  out({ type: "joined", page: "A", title: await a.textContent("#room-title") });
  await joinRoom(b, "java");
  out({ type: "joined", page: "B", title: await b.textContent("#room-title") });
  for (const [name, page] of [["A", a], ["B", b]]) {
    await page.waitForFunction(() => document.querySelectorAll("#presence li").length === 2);
    out({ type: "presence", page: name, users: await users(page) });
  }

  step = "A (node 1) sends, B (node 2) receives";
  await send(a, "Hello from node 1");
  await shows(b, "Hello from node 1");
  out({ type: "received", page: "B", texts: await texts(b) });

  step = "B (node 2) sends, A (node 1) receives";
  await send(b, "Hello from node 2");
  await shows(a, "Hello from node 2");
  out({ type: "received", page: "A", texts: await texts(a) });

  step = "A opens a room of its own; both pages list the same rooms";
  await joinRoom(a, "lisbon");
  const want = JSON.stringify(["general", "java", "lisbon"]);
  for (const page of [a, b]) {
    await page.waitForFunction(
      (w) => JSON.stringify([...document.querySelectorAll("#all-rooms option")].map((o) => o.value).sort()) === w, want);
  }
  out({ type: "room-lists", a: await roomList(a), b: await roomList(b) });

  step = "screenshots";
  const files = [join(shots, "chat-two-nodes-a.png"), join(shots, "chat-two-nodes-b.png"), takenShot];
  await a.screenshot({ path: files[0] });
  await b.screenshot({ path: files[1] });
  out({ type: "screenshots", files });
  out({ type: "page-errors", errors });
  out({ type: "done" });
} catch (e) {
  out({ type: "failed", step, message: String(e && e.message || e), errors });
} finally {
  await context.close().catch(() => {});
  rmSync(profile, { recursive: true, force: true });
}
