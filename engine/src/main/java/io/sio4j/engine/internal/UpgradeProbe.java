package io.sio4j.engine.internal;

import io.netty.channel.EventLoop;
import io.sio4j.protocol.engineio.EnginePacket;
import io.sio4j.protocol.engineio.EnginePacketType;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A WebSocket offered as the upgrade of a polling session (docs/engine.io-protocol/v4-current.md,
 * "Upgrade"): answers {@code 2probe} with {@code 3probe}, then, like the official server's {@code
 * setInterval(check, 100)}, releases a waiting poll with NOOP 100 ms after the probe and every 100
 * ms after that (never at once, so the client sees nothing unsolicited in its first 100 ms) until
 * the client sends {@code 5}; anything else, or no {@code 5} within upgradeTimeout, aborts the
 * upgrade.
 *
 * <p>Threading: confined to the session's event loop.
 */
final class UpgradeProbe {
  private static final long RELEASE_POLL_EVERY_MILLIS = 100;

  private final EngineSession session;
  private final Transport ws;
  private final EventLoop loop;
  private final ScheduledFuture<?> timeout;
  private ScheduledFuture<?> releaser;

  UpgradeProbe(EngineSession session, Transport ws, EventLoop loop, Duration upgradeTimeout) {
    this.session = session;
    this.ws = ws;
    this.loop = loop;
    this.timeout =
        loop.schedule(
            () -> session.abortUpgrade("upgrade timeout"),
            upgradeTimeout.toMillis(),
            TimeUnit.MILLISECONDS);
  }

  /** The probing WebSocket. */
  Transport transport() {
    return ws;
  }

  void onPacket(EnginePacket packet) {
    if (packet.type() == EnginePacketType.PING && "probe".equals(packet.text())) {
      ws.send(List.of(WirePacket.PONG_PROBE));
      if (releaser != null) releaser.cancel(false);
      releaser =
          loop.scheduleAtFixedRate(
              session::releasePendingPoll,
              RELEASE_POLL_EVERY_MILLIS,
              RELEASE_POLL_EVERY_MILLIS,
              TimeUnit.MILLISECONDS);
    } else if (packet.type() == EnginePacketType.UPGRADE) {
      session.completeUpgrade(this);
    } else {
      session.abortUpgrade("unexpected " + packet.type() + " packet on the probe");
    }
  }

  void cancelTimers() {
    timeout.cancel(false);
    if (releaser != null) releaser.cancel(false);
  }
}
