package io.sio4j.client.internal.engine;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sio4j.protocol.ProtocolException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The Engine.IO handshake ({@code 0{"sid":...}}) as the client reads it. A pure function, so that
 * the fuzz target ({@code ClientHandshakeFuzzTest}) reads exactly what the client reads.
 *
 * <pre>{@code
 * Handshake h = Handshake.parse("{\"sid\":\"a\",\"pingInterval\":25000,...}", List.of("websocket"));
 * }</pre>
 *
 * @param sid the session id
 * @param pingInterval the server's ping interval, within {@code [0, MAX_INTERVAL]}
 * @param pingTimeout the server's ping timeout, within {@code [0, MAX_INTERVAL]}
 * @param maxPayload the server's largest polling payload, 0 for none
 * @param upgrades the upgrades the server offers that {@code transports} contains
 */
public record Handshake(
    String sid,
    Duration pingInterval,
    Duration pingTimeout,
    long maxPayload,
    List<String> upgrades) {

  /**
   * The longest interval honoured, as JavaScript timers hold at most 2<sup>31</sup>-1 ms. Longer
   * values used to overflow when scheduled (found by the fuzz target).
   */
  public static final Duration MAX_INTERVAL = Duration.ofMillis(Integer.MAX_VALUE);

  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * Reads a handshake.
   *
   * @throws ProtocolException when it is not a JSON object with a string {@code sid} and an integer
   *     {@code pingInterval}
   */
  public static Handshake parse(String json, List<String> transports) throws ProtocolException {
    JsonNode h;
    try {
      h = JSON.readTree(json);
    } catch (JacksonException e) {
      throw new ProtocolException("invalid handshake");
    }
    if (h == null
        || !h.isObject()
        || !h.path("sid").isTextual()
        || !h.path("pingInterval").canConvertToLong()) {
      throw new ProtocolException("invalid handshake");
    }
    List<String> ups = new ArrayList<>();
    for (JsonNode u : h.path("upgrades")) {
      if (u.isTextual() && transports.contains(u.textValue()) && !ups.contains(u.textValue())) {
        ups.add(u.textValue());
      }
    }
    return new Handshake(
        h.get("sid").textValue(),
        interval(h.path("pingInterval")),
        interval(h.path("pingTimeout")),
        Math.max(0, h.path("maxPayload").asLong(0)),
        List.copyOf(ups));
  }

  private static Duration interval(JsonNode n) {
    long ms = n.asLong(0);
    return Duration.ofMillis(Math.min(Math.max(0, ms), MAX_INTERVAL.toMillis()));
  }
}
