package io.sio4j.engine.internal;

import io.sio4j.protocol.engineio.EnginePacket;
import io.sio4j.protocol.engineio.EnginePacketType;
import io.sio4j.protocol.time.Cancellable;
import io.sio4j.protocol.time.Scheduler;
import java.time.Duration;
import java.util.List;

/**
 * A WebSocket offered as the upgrade of a polling session (docs/engine.io-protocol/v4-current.md,
 * "Upgrade"): answers {@code 2probe} with {@code 3probe}, then releases the waiting poll with NOOP
 * every 100 ms (like the official server) until the client sends {@code 5}; anything else, or no
 * {@code 5} within upgradeTimeout, aborts the upgrade.
 *
 * <p>Threading: confined to the session's event loop; {@code timers} runs its tasks there.
 */
final class UpgradeProbe {
  private static final Duration RELEASE_POLL_EVERY = Duration.ofMillis(100);

  private final EngineSession session;
  private final Transport ws;
  private final Scheduler timers;
  private final Cancellable timeout;
  private Cancellable releaser;

  UpgradeProbe(EngineSession session, Transport ws, Scheduler timers, Duration upgradeTimeout) {
    this.session = session;
    this.ws = ws;
    this.timers = timers;
    this.timeout = timers.schedule(() -> session.abortUpgrade("upgrade timeout"), upgradeTimeout);
  }

  /** The probing WebSocket. */
  Transport transport() {
    return ws;
  }

  /** Whether the probe was answered (the client is pausing polling). */
  boolean probed() {
    return releaser != null;
  }

  void onPacket(EnginePacket packet) {
    if (packet.type() == EnginePacketType.PING && "probe".equals(packet.text())) {
      ws.send(List.of(WirePacket.PONG_PROBE));
      if (releaser != null) releaser.cancel();
      releasePoll();
    } else if (packet.type() == EnginePacketType.UPGRADE) {
      session.completeUpgrade(this);
    } else {
      session.abortUpgrade("unexpected " + packet.type() + " packet on the probe");
    }
  }

  /** Releases the waiting poll now and again every 100 ms until the timers are cancelled. */
  private void releasePoll() {
    session.releasePendingPoll();
    releaser = timers.schedule(this::releasePoll, RELEASE_POLL_EVERY);
  }

  void cancelTimers() {
    timeout.cancel();
    if (releaser != null) releaser.cancel();
  }
}
