// sio4j chat page. Plain JavaScript, no build step. Everything that came from the network is put
// into the page with textContent / createTextNode, never innerHTML, so a message such as
// <img src=x onerror=alert(1)> is shown as the text it is.
"use strict";

(() => {
  const STORAGE_KEY = "sio4j-chat";
  const MAX_SHOWN = 200; // messages kept per room in the page
  const TYPING_IDLE_MS = 2000; // we stop "typing" this long after the last key
  const TYPING_EXPIRY_MS = 6000; // someone else's "typing" is dropped if not renewed

  const $ = (id) => document.getElementById(id);
  const el = (tag, props = {}, ...children) => {
    const node = Object.assign(document.createElement(tag), props);
    node.append(...children);
    return node;
  };

  /** Who we are (kept per tab, so a reload or a reconnection keeps the user). */
  const me = loadMe();
  /** room name -> { messages: [], users: [], unread: 0, typing: Map(user -> timer) } */
  const rooms = new Map();
  let active = null;
  let typingRoom = null;
  let typingTimer = null;

  const socket = io();

  function loadMe() {
    try {
      const saved = JSON.parse(sessionStorage.getItem(STORAGE_KEY) || "{}");
      return { username: saved.username || null, token: saved.token || null, rooms: saved.rooms || [] };
    } catch (e) {
      return { username: null, token: null, rooms: [] };
    }
  }

  function saveMe() {
    sessionStorage.setItem(STORAGE_KEY, JSON.stringify({
      username: me.username, token: me.token, rooms: [...rooms.keys()],
    }));
  }

  function room(name) {
    if (!rooms.has(name)) rooms.set(name, { messages: [], users: [], unread: 0, typing: new Map() });
    return rooms.get(name);
  }

  // --- connection -------------------------------------------------------------------------

  function setStatus(state, text) {
    $("status").dataset.state = state;
    $("status").textContent = text;
  }

  socket.on("connect", () => {
    setStatus("connected", "connected");
    // Reconnection keeps the user: claim our name again with the token the server gave us.
    if (me.username) socket.emit("setUsername", me.username, me.token);
  });
  socket.on("disconnect", (reason) => {
    setStatus("disconnected", socket.active ? "reconnecting…" : "disconnected (" + reason + ")");
    for (const r of rooms.values()) clearTyping(r);
    stopTyping();
    renderTyping();
  });
  socket.io.on("reconnect_attempt", (n) => setStatus("disconnected", "reconnecting… (attempt " + n + ")"));

  // --- username ---------------------------------------------------------------------------

  $("login-form").addEventListener("submit", (event) => {
    event.preventDefault();
    const name = $("username").value.trim();
    if (!name) return;
    $("login-error").textContent = "";
    socket.emit("setUsername", name, me.username === name ? me.token : null);
  });

  socket.on("userExists", (message) => {
    if (me.username) {
      // Our old name was taken while we were away: start over.
      me.username = null;
      me.token = null;
      rooms.clear();
      saveMe();
      showLogin();
    }
    $("login-error").textContent = String(message);
  });

  socket.on("userSet", (data) => {
    const rejoin = me.rooms.length ? me.rooms : [...rooms.keys()];
    me.username = data.username;
    me.token = data.token;
    $("me").textContent = data.username;
    showChat();
    for (const name of rejoin) {
      if (name !== data.room) socket.emit("joinRoom", name);
    }
    me.rooms = [];
    saveMe();
  });

  function showLogin() {
    $("chat").hidden = true;
    $("login").hidden = false;
    $("me").textContent = "";
    $("username").focus();
  }

  function showChat() {
    $("login").hidden = true;
    $("chat").hidden = false;
    $("message").focus();
  }

  // --- rooms ------------------------------------------------------------------------------

  $("join-form").addEventListener("submit", (event) => {
    event.preventDefault();
    const name = $("room-name").value.trim();
    if (!name) return;
    if (rooms.has(name)) {
      select(name);
    } else {
      socket.emit("joinRoom", name);
    }
    $("room-name").value = "";
  });

  $("leave").addEventListener("click", () => {
    if (active) socket.emit("leaveRoom", active);
  });

  socket.on("joined", (data) => {
    const r = room(data.room);
    r.messages = (data.history || []).slice(-MAX_SHOWN);
    r.users = data.users || [];
    r.unread = 0;
    saveMe();
    select(data.room);
  });

  socket.on("left", (data) => {
    rooms.delete(data.room);
    saveMe();
    if (active === data.room) active = null;
    select(active || rooms.keys().next().value || null);
  });

  socket.on("presence", (data) => {
    if (!rooms.has(data.room)) return;
    room(data.room).users = data.users || [];
    if (data.room === active) renderPresence();
  });

  socket.on("rooms", (list) => {
    $("all-rooms").replaceChildren(...list.map((r) => el("option", { value: r.name })));
  });

  function select(name) {
    active = name;
    if (name && rooms.has(name)) room(name).unread = 0;
    renderRooms();
    renderMessages();
    renderPresence();
    renderTyping();
  }

  // --- messages ---------------------------------------------------------------------------

  $("message-form").addEventListener("submit", (event) => {
    event.preventDefault();
    const input = $("message");
    const message = input.value;
    if (!message.trim() || !active) return;
    // The tutorial's payload, plus the room; the server ignores "user" and uses our name.
    socket.emit("msg", { message, user: me.username, room: active });
    input.value = "";
    stopTyping();
  });

  socket.on("newmsg", (m) => {
    const name = m.room || active;
    if (!rooms.has(name)) return;
    const r = room(name);
    r.messages.push(m);
    if (r.messages.length > MAX_SHOWN) r.messages.shift();
    dropTyping(r, m.user);
    if (name === active) {
      for (const placeholder of $("messages").querySelectorAll(".system")) placeholder.remove();
      $("messages").append(messageItem(m));
      scrollDown();
      renderTyping();
    } else {
      r.unread++;
      renderRooms();
    }
  });

  socket.on("chatError", (data) => {
    const where = $("chat").hidden ? "login-error" : "chat-error";
    $(where).textContent = data && data.message ? data.message : String(data);
  });

  // --- typing indicator -------------------------------------------------------------------

  $("message").addEventListener("input", () => {
    $("chat-error").textContent = "";
    if (!active) return;
    if (typingRoom !== active) {
      stopTyping();
      typingRoom = active;
      socket.emit("typing", active, true);
    }
    clearTimeout(typingTimer);
    typingTimer = setTimeout(stopTyping, TYPING_IDLE_MS);
  });

  function stopTyping() {
    clearTimeout(typingTimer);
    if (typingRoom && socket.connected) socket.emit("typing", typingRoom, false);
    typingRoom = null;
  }

  socket.on("typing", (data) => {
    if (!rooms.has(data.room) || data.user === me.username) return;
    const r = room(data.room);
    dropTyping(r, data.user);
    if (data.typing) {
      r.typing.set(data.user, setTimeout(() => {
        r.typing.delete(data.user);
        renderTyping();
      }, TYPING_EXPIRY_MS));
    }
    if (data.room === active) renderTyping();
  });

  function dropTyping(r, user) {
    clearTimeout(r.typing.get(user));
    r.typing.delete(user);
  }

  function clearTyping(r) {
    for (const timer of r.typing.values()) clearTimeout(timer);
    r.typing.clear();
  }

  // --- rendering (textContent only) -------------------------------------------------------

  function renderRooms() {
    const items = [...rooms.entries()].map(([name, r]) => {
      const button = el("button", { type: "button", title: "Show " + name }, el("span", { textContent: "# " + name }));
      if (r.unread) button.append(el("span", { className: "unread", textContent: String(r.unread) }));
      button.setAttribute("aria-current", String(name === active));
      button.addEventListener("click", () => select(name));
      return el("li", {}, button);
    });
    $("my-rooms").replaceChildren(...items);
    $("room-title").textContent = active ? "# " + active : "Join a room to start chatting";
    $("leave").disabled = !active;
    $("message").disabled = !active;
  }

  function renderMessages() {
    const list = active ? room(active).messages : [];
    $("messages").replaceChildren(...list.map(messageItem));
    if (active && !list.length) {
      $("messages").append(el("li", { className: "system", textContent: "No messages in # " + active + " yet." }));
    }
    scrollDown();
  }

  function messageItem(m) {
    const item = el("li", {}, el("span", { className: "who", textContent: String(m.user) }), document.createTextNode(String(m.message)));
    if (m.user === me.username) item.classList.add("mine");
    if (m.time) {
      const when = new Date(m.time);
      item.append(el("time", { dateTime: when.toISOString(), textContent: when.toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" }) }));
    }
    return item;
  }

  function renderPresence() {
    $("presence-room").textContent = active ? "# " + active : "";
    const users = active ? room(active).users : [];
    $("presence").replaceChildren(...users.map((u) => el("li", { textContent: u })));
  }

  function renderTyping() {
    const names = active ? [...room(active).typing.keys()] : [];
    $("typing").textContent = !names.length ? ""
      : names.length === 1 ? names[0] + " is typing…"
      : names.slice(0, 3).join(", ") + (names.length > 3 ? " and others" : "") + " are typing…";
  }

  function scrollDown() {
    const list = $("messages");
    list.scrollTop = list.scrollHeight;
  }

  if (me.username) $("username").value = me.username;
  renderRooms();
})();
