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
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { joinRoom, loginFree, loginTaken, out, runInChromium, send, shows, texts, users } from "./chat-pages.mjs";

const [url1, url2, shots] = process.argv.slice(2);
const roomList = (page) => page.$$eval("#all-rooms option", (l) => l.map((o) => o.value));

mkdirSync(shots, { recursive: true });
await runInChromium(20000, async (run) => {
  run.step = "open one page on each node";
  const a = await run.openPage("A", url1);
  const b = await run.openPage("B", url2);

  run.step = "A takes a name on node 1";
  await loginFree(a, "A", "ada");

  run.step = "B asks node 2 for the same name";
  const takenShot = join(shots, "chat-two-nodes-b-name-taken.png");
  await loginTaken(b, "B", "ada", takenShot);

  run.step = "B takes another name on node 2";
  await loginFree(b, "B", "bob");

  run.step = "both join one room";
  await joinRoom(a, "java");
  out({ type: "joined", page: "A", title: await a.textContent("#room-title") });
  await joinRoom(b, "java");
  out({ type: "joined", page: "B", title: await b.textContent("#room-title") });
  for (const [name, page] of [["A", a], ["B", b]]) {
    await page.waitForFunction(() => document.querySelectorAll("#presence li").length === 2);
    out({ type: "presence", page: name, users: await users(page) });
  }

  run.step = "A (node 1) sends, B (node 2) receives";
  await send(a, "Hello from node 1");
  await shows(b, "Hello from node 1");
  out({ type: "received", page: "B", texts: await texts(b) });

  run.step = "B (node 2) sends, A (node 1) receives";
  await send(b, "Hello from node 2");
  await shows(a, "Hello from node 2");
  out({ type: "received", page: "A", texts: await texts(a) });

  run.step = "A opens a room of its own; both pages list the same rooms";
  await joinRoom(a, "lisbon");
  const want = JSON.stringify(["general", "java", "lisbon"]);
  for (const page of [a, b]) {
    await page.waitForFunction(
      (w) => JSON.stringify([...document.querySelectorAll("#all-rooms option")].map((o) => o.value).sort()) === w, want);
  }
  out({ type: "room-lists", a: await roomList(a), b: await roomList(b) });

  run.step = "screenshots";
  const files = [join(shots, "chat-two-nodes-a.png"), join(shots, "chat-two-nodes-b.png"), takenShot];
  await a.screenshot({ path: files[0] });
  await b.screenshot({ path: files[1] });
  out({ type: "screenshots", files });
});
