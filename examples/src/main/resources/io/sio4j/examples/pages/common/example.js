// Helpers shared by the tutorial example pages. Text always goes in through textContent, never
// innerHTML, so whatever the server or another user sends is shown as text.
"use strict";

/** Appends one line (with the time) to the page's #log list and returns the <li>. */
function logLine(text) {
  const item = document.createElement("li");
  const time = document.createElement("span");
  time.className = "time";
  time.textContent = new Date().toLocaleTimeString();
  item.append(time, document.createTextNode(String(text)));
  document.getElementById("log").append(item);
  return item;
}

/** Keeps the #status element in step with the socket's connection state. */
function showStatus(socket) {
  const status = document.getElementById("status");
  const set = (state) => {
    status.dataset.state = state;
    status.textContent = state === "connected" ? "connected as " + socket.id : state;
  };
  socket.on("connect", () => set("connected"));
  socket.on("disconnect", () => set("disconnected"));
  set("connecting…");
}
