package io.sio4j.admin;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sio4j.engine.EngineServer;
import io.sio4j.server.Namespace;
import io.sio4j.server.ServerInstrumentation;
import io.sio4j.server.SocketIoServer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The {@code server_stats} payload: who this server is, its uptime, client counts, namespaces, and
 * the aggregated events of the last period (connections, disconnections by reason, packets and
 * bytes in and out, per second), which the UI draws as histograms. Fed by the server's
 * instrumentation SPI.
 *
 * <p>Threading: thread-safe; the event buffer is guarded by {@code this}.
 */
final class AdminStats implements ServerInstrumentation {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private final SocketIoServer io;
  private final String serverId;
  private final String hostname = AdminUiOptions.hostname();
  private final long pid = ProcessHandle.current().pid();
  private final long started =
      ProcessHandle.current()
          .info()
          .startInstant()
          .map(java.time.Instant::toEpochMilli)
          .orElse(System.currentTimeMillis());
  private final AtomicInteger pollingClients = new AtomicInteger();
  // guarded by this: "second;type;subType" -> count
  private final Map<String, long[]> buffer = new LinkedHashMap<>();

  AdminStats(SocketIoServer io, String serverId) {
    this.io = io;
    this.serverId = serverId;
  }

  @Override
  public void sessionOpened(String transport) {
    push("rawConnection", null, 1);
    if ("polling".equals(transport)) pollingClients.incrementAndGet();
  }

  @Override
  public void sessionClosed(String transport, String reason) {
    push("rawDisconnection", reason, 1);
    if ("polling".equals(transport)) pollingClients.decrementAndGet();
  }

  @Override
  public void upgraded(String from, String to) {
    if ("polling".equals(from)) pollingClients.decrementAndGet();
  }

  @Override
  public void packetReceived(String transport, int bytes) {
    push("packetsIn", null, 1);
    push("bytesIn", null, bytes);
  }

  @Override
  public void packetsSent(String transport, int packets, long bytes) {
    push("packetsOut", null, packets);
    push("bytesOut", null, bytes);
  }

  /** The stats now; empties the event buffer. */
  ObjectNode snapshot() {
    ObjectNode out = JSON.objectNode();
    out.put("serverId", serverId);
    out.put("hostname", hostname);
    out.put("pid", pid);
    out.put("uptime", (System.currentTimeMillis() - started) / 1000.0);
    EngineServer engine = io.engine();
    out.put("clientsCount", engine == null ? 0 : engine.clientsCount());
    out.put("pollingClientsCount", Math.max(0, pollingClients.get()));
    out.set("aggregatedEvents", drain());
    ArrayNode namespaces = out.putArray("namespaces");
    for (Namespace nsp : io.namespaces()) {
      namespaces.addObject().put("name", nsp.name()).put("socketsCount", nsp.sockets().size());
    }
    return out;
  }

  private synchronized void push(String type, String subType, long count) {
    long second = System.currentTimeMillis() / 1000 * 1000;
    String key = second + ";" + type + ";" + subType;
    long[] c = buffer.get(key);
    if (c == null) buffer.put(key, new long[] {count});
    else c[0] += count;
  }

  private synchronized ArrayNode drain() {
    ArrayNode events = JSON.arrayNode();
    for (Map.Entry<String, long[]> e : buffer.entrySet()) {
      String[] parts = e.getKey().split(";", 3);
      ObjectNode event = events.addObject();
      event.put("timestamp", Long.parseLong(parts[0]));
      event.put("type", parts[1]);
      if (!parts[2].equals("null")) event.put("subType", parts[2]);
      event.put("count", e.getValue()[0]);
    }
    buffer.clear();
    return events;
  }
}
