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
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { joinRoom, loginFree, loginTaken, out, runInChromium, send, shows, texts, users } from "./chat-pages.mjs";

const [url, shots] = process.argv.slice(2);
const INJECTION = "<img src=x onerror=\"window.__pwned=1\"> is just text";

mkdirSync(shots, { recursive: true });
await runInChromium(15000, async (run) => {
  run.step = "browser client bundle";
  const bundle = await fetch(new URL("/socket.io/socket.io.js", url));
  const servedByServer = bundle.ok && /javascript/.test(bundle.headers.get("content-type") || "");
  out({ type: "bundle", servedBy: servedByServer ? "server" : "nobody", status: bundle.status });

  run.step = "open pages";
  const a = await run.openPage("A", url);
  const b = await run.openPage("B", url);

  run.step = "A picks a free name";
  await loginFree(a, "A", "ada");

  run.step = "B picks the taken name";
  const takenShot = join(shots, "chat-page-b-name-taken.png");
  await loginTaken(b, "B", "ada", takenShot);

  run.step = "B picks another name";
  await loginFree(b, "B", "bob");

  run.step = "both join a room";
  for (const [name, page] of [["A", a], ["B", b]]) {
    await joinRoom(page, "java");
    out({ type: "joined", page: name, title: await page.textContent("#room-title") });
  }
  await a.waitForFunction(() => document.querySelectorAll("#presence li").length === 2);
  out({ type: "presence", page: "A", users: await users(a) });

  run.step = "A types, B sees it";
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

  run.step = "A sends, B receives";
  await a.click("#message-form button[type=submit]");
  await shows(b, "Hello from ada");
  await b.waitForFunction(() => document.getElementById("typing").textContent === "");
  out({ type: "received", page: "B", texts: await texts(b), typing: await b.textContent("#typing") });

  run.step = "B sends markup, A shows it as text";
  await send(b, INJECTION);
  await shows(a, INJECTION);
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

  run.step = "screenshots";
  const files = [join(shots, "chat-page-a.png"), join(shots, "chat-page-b.png"), takenShot];
  await a.screenshot({ path: files[0] });
  await b.screenshot({ path: files[1] });
  out({ type: "screenshots", files });

  run.step = "A reloads and keeps its user, rooms and the room's last messages";
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
});
