// The official admin UI (served by the chat example at /admin-ui/) in headless Chromium: a chat
// user connects with npm socket.io-client and joins a room, the UI logs in, shows the user's socket
// and rooms, and disconnects the socket; the user's client reports why it was disconnected.
// Usage: node admin-ui-browser.mjs <chat url ending in /> <admin password> <screenshot folder>
// Chromium: process.env.CHROMIUM_PATH or /usr/bin/chromium. Requests to other hosts (the page links
// web fonts from CDNs) are aborted: everything the UI needs comes from our server.
// Output, one JSON object per line; the Java test asserts on them:
//   {"type":"chat-user","sid":"..."}   {"type":"logged-in"}
//   {"type":"sockets","ids":[...]}     {"type":"rooms","names":[...]}
//   {"type":"screenshots","files":[...]}   {"type":"user-disconnected","reason":"..."}
//   {"type":"page-errors","errors":[...]}   {"type":"done"}  or {"type":"failed","step":"...","message":"..."}
import { chromium } from "playwright-core";
import { io } from "socket.io-client";
import { mkdtempSync, mkdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const [url, password, shots] = process.argv.slice(2);
const out = (o) => process.stdout.write(JSON.stringify(o) + "\n");
const STEP_TIMEOUT = 20000;
const origin = new URL(url).origin;
const once = (socket, event) => new Promise((resolve) => socket.once(event, resolve));

let step = "chat user";
let context;
let user;
const profile = mkdtempSync(join(tmpdir(), "sio4j-chromium-"));
mkdirSync(shots, { recursive: true });
const errors = [];
try {
  user = io(url, { transports: ["websocket"], reconnection: false });
  await once(user, "connect");
  user.emit("setUsername", "ada");
  await once(user, "userSet");
  user.emit("joinRoom", "java");
  await once(user, "joined");
  const disconnected = once(user, "disconnect");
  out({ type: "chat-user", sid: user.id });

  step = "launch";
  context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
    headless: true,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
    viewport: { width: 1200, height: 800 },
  });
  context.setDefaultTimeout(STEP_TIMEOUT);
  await context.route((u) => u.origin !== origin, (route) => route.abort());
  const page = await context.newPage();
  page.on("pageerror", (e) => errors.push(e.message));

  step = "log in";
  await page.goto(new URL("admin-ui/", url).href);
  await page.getByLabel("Server URL").fill(origin);
  await page.getByLabel("Username").fill("admin");
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Connect" }).click();
  await page.getByLabel("Server URL").waitFor({ state: "hidden" });
  out({ type: "logged-in" });

  step = "sockets";
  await page.goto(new URL("admin-ui/#/sockets/", url).href);
  await page.locator("tbody tr", { hasText: user.id }).waitFor();
  const ids = await page.$$eval("tbody tr td:first-child", (cells) => cells.map((c) => c.textContent.trim()));
  out({ type: "sockets", ids });
  const socketsShot = join(shots, "admin-ui-sockets.png");
  await page.screenshot({ path: socketsShot });

  step = "rooms";
  await page.goto(new URL("admin-ui/#/rooms/", url).href);
  await page.locator("tbody tr", { hasText: "java" }).waitFor();
  const names = await page.$$eval("tbody tr td:first-child", (cells) => cells.map((c) => c.textContent.trim()));
  out({ type: "rooms", names });
  const roomsShot = join(shots, "admin-ui-rooms.png");
  await page.screenshot({ path: roomsShot });

  step = "disconnect from the UI";
  await page.goto(new URL("admin-ui/#/sockets/", url).href);
  const row = page.locator("tbody tr", { hasText: user.id });
  await row.locator("button").last().click();
  const reason = await disconnected;
  // the click also opens the socket's details, which now say "disconnected"
  const afterShot = join(shots, "admin-ui-after-disconnect.png");
  await page.screenshot({ path: afterShot });
  await page.goto(new URL("admin-ui/#/sockets/", url).href);
  await page.waitForFunction(
    (id) => ![...document.querySelectorAll("tbody tr")].some((r) => r.textContent.includes(id)),
    user.id,
  );
  out({ type: "screenshots", files: [socketsShot, roomsShot, afterShot] });
  out({ type: "user-disconnected", reason });

  out({ type: "page-errors", errors });
  out({ type: "done" });
} catch (e) {
  out({ type: "failed", step, message: String(e && e.stack || e) });
} finally {
  if (user) user.close();
  if (context) await context.close();
  rmSync(profile, { recursive: true, force: true });
}
