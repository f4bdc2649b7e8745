package io.sio4j.engine.internal;

import io.sio4j.protocol.engineio.EnginePacket;
import io.sio4j.protocol.engineio.EnginePacketType;
import io.sio4j.protocol.time.Cancellable;
import io.sio4j.protocol.time.Scheduler;
import java.time.Duration;
import java.util.List;

/**
 * A WebSocket offered as the upgrade of a polling session (docs/engine.io-protocol/v4-current.md,
 * "Upgrade"): answers {@code 2probe} with {@code 3probe}, then, like the official server's {@code
 * setInterval(check, 100)}, releases a waiting poll with NOOP 100 ms after the probe and every 100
 * ms after that (never at once, so the client sees nothing unsolicited in its first 100 ms) until
 * the client sends {@code 5}; anything else, or no {@code 5} within upgradeTimeout, aborts the
 * upgrade.
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

  void onPacket(EnginePacket packet) {
    if (packet.type() == EnginePacketType.PING && "probe".equals(packet.text())) {
      ws.send(List.of(WirePacket.PONG_PROBE));
      session.onUpgrading(ws);
      if (releaser != null) releaser.cancel();
      releaser = timers.schedule(this::releasePoll, RELEASE_POLL_EVERY);
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
