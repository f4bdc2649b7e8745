package io.sio4j.server;

import io.sio4j.protocol.event.Arguments;
import io.sio4j.protocol.socketio.SocketPacket;
import io.sio4j.protocol.time.Cancellable;
import io.sio4j.server.adapter.BroadcastFlags;
import io.sio4j.server.adapter.BroadcastOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * Targets a set of sockets of one namespace: {@code io.to("room1").except("room2").emit(...)}.
 * Every modifier returns a new operator, so an operator can be kept and shared between threads. The
 * packet is encoded once and the same frames are written to every recipient.
 *
 * <pre>{@code
 * BroadcastOperator lobby = io.to("lobby");
 * lobby.emit("news", item);
 * lobby.timeout(Duration.ofSeconds(2)).emitWithAck("vote").thenAccept(answers -> count(answers));
 * lobby.socketsJoin("everyone");
 * }</pre>
 *
 * <p>Immutable; thread-safe.
 */
public final class BroadcastOperator {
  private final Namespace nsp;
  private final Set<String> rooms;
  private final Set<String> except;
  private final BroadcastFlags flags;

  BroadcastOperator(Namespace nsp, Set<String> rooms, Set<String> except, BroadcastFlags flags) {
    this.nsp = nsp;
    this.rooms = Set.copyOf(rooms);
    this.except = Set.copyOf(except);
    this.flags = flags;
  }

  /** Also targets the sockets in these rooms. */
  public BroadcastOperator to(String... rooms) {
    return new BroadcastOperator(nsp, union(this.rooms, rooms), except, flags);
  }

  /** Same as {@link #to(String...)}. */
  public BroadcastOperator in(String... rooms) {
    return to(rooms);
  }

  /** Leaves out the sockets in these rooms. */
  public BroadcastOperator except(String... rooms) {
    return new BroadcastOperator(nsp, this.rooms, union(except, rooms), flags);
  }

  /** Only the sockets of this server node (with a cluster adapter). */
  public BroadcastOperator local() {
    return new BroadcastOperator(nsp, rooms, except, flags.withLocal(true));
  }

  /** The packet may be dropped for clients that cannot take it right away ({@code volatile}). */
  public BroadcastOperator asVolatile() {
    return new BroadcastOperator(nsp, rooms, except, flags.withVolatile(true));
  }

  /** Compression allowed or not. */
  public BroadcastOperator compress(boolean compress) {
    return new BroadcastOperator(nsp, rooms, except, flags.withCompress(compress));
  }

  /** A timeout for {@link #emitWithAck}. */
  public BroadcastOperator timeout(Duration timeout) {
    Objects.requireNonNull(timeout, "timeout");
    return new BroadcastOperator(nsp, rooms, except, flags.withTimeout(timeout));
  }

  /** The targeting, as given to the adapter. */
  public BroadcastOptions options() {
    return new BroadcastOptions(rooms, except, flags);
  }

  /**
   * Sends an event to every targeted socket.
   *
   * @throws IllegalArgumentException for a reserved event name
   */
  public void emit(String event, Object... args) {
    nsp.adapter().broadcast(nsp.eventPacket(event, -1, args), options());
  }

  /** Sends a {@code message} event. */
  public void send(Object... args) {
    emit("message", args);
  }

  /**
   * Sends an event that asks every targeted socket for an acknowledgement. The future completes
   * with one response per socket once all have answered. When the {@link #timeout} fires first, it
   * fails with an {@link AckTimeoutException} whose {@link AckTimeoutException#responses()} holds
   * the answers received so far (the official server passes them with the timeout error). Without a
   * timeout, a socket that disconnects before answering keeps the future waiting forever, as in
   * JavaScript: set one.
   */
  public CompletableFuture<List<Arguments>> emitWithAck(String event, Object... args) {
    CompletableFuture<List<Arguments>> result = new CompletableFuture<>();
    AckCollector collector = new AckCollector(result);
    SocketPacket packet = nsp.eventPacket(event, 0, args);
    if (flags.timeout() != null) {
      Cancellable timer =
          nsp.server()
              .timers()
              .schedule(
                  () -> {
                    if (collector.timeout()) nsp.server().instruments().ackTimedOut(nsp.name());
                  },
                  flags.timeout());
      // all answers in: the timer must not outlive the broadcast
      result.whenComplete((r, e) -> timer.cancel());
    }
    nsp.adapter()
        .broadcastWithAck(
            packet,
            options(),
            collector::addExpectedClients,
            (socketId, answer) ->
                collector.add(new Arguments(socketId, answer, nsp.server().binding())));
    nsp.adapter().serverCount().thenAccept(collector::setServerCount);
    return result;
  }

  /** Makes the targeted sockets join rooms. */
  public void socketsJoin(String... rooms) {
    nsp.adapter().addSockets(options(), Set.of(rooms));
  }

  /** Makes the targeted sockets leave rooms. */
  public void socketsLeave(String... rooms) {
    nsp.adapter().delSockets(options(), Set.of(rooms));
  }

  /** Disconnects the targeted sockets; {@code close} also closes their connections. */
  public void disconnectSockets(boolean close) {
    nsp.adapter().disconnectSockets(options(), close);
  }

  /** Views of the targeted sockets, local and (with a cluster adapter) remote. */
  public CompletableFuture<List<RemoteSocket>> fetchSockets() {
    return nsp.adapter().fetchSockets(options());
  }

  private static Set<String> union(Set<String> a, String... b) {
    Set<String> out = new HashSet<>(a);
    out.addAll(Arrays.asList(b));
    return out;
  }

  /** Gathers one answer per socket, over all server nodes. Thread-safe (synchronized). */
  private static final class AckCollector {
    private final CompletableFuture<List<Arguments>> result;
    private final List<Arguments> responses = new ArrayList<>();
    private int expectedClients;
    private int serversReported;
    private int serverCount = -1;

    AckCollector(CompletableFuture<List<Arguments>> result) {
      this.result = result;
    }

    synchronized void addExpectedClients(int count) {
      expectedClients += count;
      serversReported++;
      check();
    }

    synchronized void setServerCount(int count) {
      serverCount = count;
      check();
    }

    synchronized void add(Arguments response) {
      if (result.isDone()) return;
      responses.add(response);
      check();
    }

    /** Fails the result unless it is complete; returns whether it did. */
    synchronized boolean timeout() {
      return result.completeExceptionally(new AckTimeoutException(responses));
    }

    private void check() {
      if (serverCount == serversReported && responses.size() == expectedClients) {
        result.complete(List.copyOf(responses));
      }
    }
  }
}
