// What chat-browser.mjs and chat-two-nodes.mjs share: a headless Chromium (process.env.CHROMIUM_PATH
// or /usr/bin/chromium) with a throw-away profile, pages whose errors are collected, the chat
// page's actions, and the JSON lines the Java tests read ({"type":"logged-in"|"name-taken"|
// "page-errors"|"done"|"failed",...}).
import { chromium } from "playwright-core";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export const out = (o) => process.stdout.write(JSON.stringify(o) + "\n");

// Launches Chromium, runs scenario(run) and reports "page-errors" and "done", or "failed" with the
// step the scenario last named in run.step; closes Chromium and removes its profile either way.
// run.openPage(name, url) opens a page whose errors are reported under that name.
export async function runInChromium(stepTimeout, scenario) {
  const profile = mkdtempSync(join(tmpdir(), "sio4j-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
    headless: true,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
    viewport: { width: 900, height: 640 },
  });
  context.setDefaultTimeout(stepTimeout);
  const errors = [];
  const run = {
    step: "launch",
    async openPage(name, url) {
      const page = await context.newPage();
      page.on("pageerror", (e) => errors.push(name + ": " + e.message));
      page.on("console", (m) => { if (m.type() === "error") errors.push(name + " console: " + m.text()); });
      await page.goto(url);
      return page;
    },
  };
  try {
    await scenario(run);
    out({ type: "page-errors", errors });
    out({ type: "done" });
  } catch (e) {
    out({ type: "failed", step: run.step, message: String(e && e.message || e), errors });
  } finally {
    await context.close().catch(() => {});
    rmSync(profile, { recursive: true, force: true });
  }
}

export async function login(page, name) {
  await page.fill("#username", name);
  await page.click("#login-form button[type=submit]");
}

// Logs in with a free name and reports {"type":"logged-in","page","me"}.
export async function loginFree(page, pageName, name) {
  await login(page, name);
  await page.waitForSelector("#chat:not([hidden])");
  out({ type: "logged-in", page: pageName, me: await page.textContent("#me") });
}

// Asks for a name someone holds, takes a screenshot of the refusal at shot and reports
// {"type":"name-taken","page","error","chatHidden"}.
export async function loginTaken(page, pageName, name, shot) {
  await login(page, name);
  await page.waitForFunction(() => document.getElementById("login-error").textContent.length > 0);
  await page.screenshot({ path: shot });
  out({ type: "name-taken", page: pageName, error: await page.textContent("#login-error"), chatHidden: await page.isHidden("#chat") });
}

export async function joinRoom(page, room) {
  await page.fill("#room-name", room);
  await page.click("#join-form button[type=submit]");
  await page.waitForFunction((r) => document.getElementById("room-title").textContent === "# " + r, room);
}

export async function send(page, text) {
  await page.fill("#message", text);
  await page.click("#message-form button[type=submit]");
}

export const texts = (page) => page.$$eval("#messages li:not(.system)", (items) => items.map((li) => li.textContent));
export const shows = (page, text) =>
  page.waitForFunction((t) => [...document.querySelectorAll("#messages li")].some((li) => li.textContent.includes(t)), text);
export const users = (page) => page.$$eval("#presence li", (l) => l.map((x) => x.textContent));
