package io.sio4j.protocol.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.invoke.LambdaMetafactory;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The one registry behind both sides' {@code on/once/off}, used through the emitter interface. */
class ListenerRegistryTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<Object> STATIC_CALLS = new ArrayList<>();

  record Order(String id, int qty) {}

  private final List<Object> calls = new ArrayList<>();
  private final ListenerRegistry registry = registry(Runnable::run, () -> "test");

  /** A registry logging to {@code io.sio4j.test}, running listeners through {@code runner}. */
  private static ListenerRegistry registry(Executor runner, Supplier<String> owner) {
    return new ListenerRegistry(
        new ListenerInvoker(JsonBinding.create()),
        runner,
        LoggerFactory.getLogger("io.sio4j.test"),
        owner);
  }

  /** The smallest emitter: what the server's and client's sockets are, minus the network. */
  private final class Emitter implements SocketEventEmitter<Emitter> {
    @Override
    public ListenerRegistry listenerRegistry() {
      return registry;
    }
  }

  private final Emitter emitter = new Emitter();

  private static List<JsonNode> args(String json) throws Exception {
    List<JsonNode> out = new ArrayList<>();
    JSON.readTree(json).forEach(out::add);
    return out;
  }

  @Test
  void nullNamesAndListenersThrowNullPointerException() {
    assertThatThrownBy(() -> emitter.on(null, () -> {})).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> emitter.on("a", (Listener0) null))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> emitter.on(null, Order.class, o -> {}))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> emitter.off(null, "x")).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> emitter.onAny(null)).isInstanceOf(NullPointerException.class);
  }

  @Test
  void anEventsOnlyListenerAloneAndAmongOthers() throws Exception {
    // one listener is kept without an array (EventTable): going to two and back must not show
    Listener1<String> first = s -> calls.add("first " + s);
    Listener1<String> second = s -> calls.add("second " + s);
    emitter.on("a", first);
    registry.emitEvent("a", args("[\"1\"]"), null);
    emitter.on("a", second);
    registry.emitEvent("a", args("[\"2\"]"), null);
    emitter.off("a", first);
    registry.emitEvent("a", args("[\"3\"]"), null);
    assertThat(emitter.listeners("a")).containsExactly(second);
    assertThat(emitter.listenerCount("a")).isEqualTo(1);
    emitter.off("a", second);
    registry.emitEvent("a", args("[\"4\"]"), null);
    assertThat(emitter.listenerCount("a")).isZero();
    assertThat(calls).containsExactly("first 1", "first 2", "second 2", "second 3");
  }

  @Test
  void aLoneOnceListenerRunsOnceWhenEventsRace() throws Exception {
    java.util.concurrent.atomic.AtomicInteger runs =
        new java.util.concurrent.atomic.AtomicInteger();
    emitter.once("a", (String s) -> runs.incrementAndGet());
    List<JsonNode> a = args("[\"x\"]");
    java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < 8; t++) {
      Thread thread =
          new Thread(
              () -> {
                try {
                  start.await();
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
                for (int i = 0; i < 100; i++) registry.emitEvent("a", a, null);
              });
      thread.start();
      threads.add(thread);
    }
    start.countDown();
    for (Thread thread : threads) thread.join(10_000);
    assertThat(runs).hasValue(1);
    assertThat(emitter.listenerCount("a")).isZero();
  }

  @Test
  void onceOffRemoveAllAndCounts() throws Exception {
    Listener1<String> kept = s -> calls.add("kept " + s);
    Listener1<String> removed = s -> calls.add("removed " + s);
    Emitter same =
        emitter.on("a", kept).on("a", removed).once("a", (String s) -> calls.add("once " + s));
    assertThat(same).isSameAs(emitter);
    assertThat(emitter.listenerCount("a")).isEqualTo(3);
    emitter.off("a", removed);
    registry.emitEvent("a", args("[\"1\"]"), null);
    registry.emitEvent("a", args("[\"2\"]"), null);
    assertThat(calls).containsExactly("kept 1", "once 1", "kept 2");
    assertThat(emitter.listeners("a")).containsExactly(kept);
    emitter.on("b", () -> {}).removeAllListeners("a");
    assertThat(emitter.hasListeners("a")).isFalse();
    assertThat(emitter.listenerCount("b")).isEqualTo(1);
    emitter.onAny((e, a) -> {}).removeAllListeners();
    assertThat(emitter.listenerCount("b")).isZero();
    assertThat(emitter.listenersAny()).hasSize(1); // catch-alls stay, as in JavaScript
  }

  @Test
  void manyEventsAddedAndRemovedKeepTheirOwnListeners() throws Exception {
    // past a handful of events the registrations are looked up through a hash index
    for (int i = 0; i < 30; i++) {
      int n = i;
      emitter.on("e" + i, (String s) -> calls.add(n + ":" + s));
    }
    for (int i = 0; i < 30; i += 3) emitter.removeAllListeners("e" + i);
    for (int i = 0; i < 30; i++) registry.emitEvent("e" + i, args("[\"x\"]"), null);
    List<Object> expected = new ArrayList<>();
    for (int i = 0; i < 30; i++) if (i % 3 != 0) expected.add(i + ":x");
    assertThat(calls).isEqualTo(expected);
    assertThat(emitter.listenerCount("e3")).isZero();
    assertThat(emitter.listenerCount("e4")).isEqualTo(1);
  }

  @Test
  void registrationsFromManyThreadsAreAllKept() throws Exception {
    int threads = 8;
    int each = 200;
    java.util.concurrent.ExecutorService pool =
        java.util.concurrent.Executors.newFixedThreadPool(threads);
    try {
      java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
      List<java.util.concurrent.Future<?>> done = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        String event = "t" + (t % 3);
        done.add(
            pool.submit(
                () -> {
                  start.await();
                  for (int i = 0; i < each; i++) {
                    emitter.on(event, () -> {});
                    emitter.onAny((e, a) -> {});
                  }
                  return null;
                }));
      }
      start.countDown();
      for (java.util.concurrent.Future<?> f : done)
        f.get(30, java.util.concurrent.TimeUnit.SECONDS);
    } finally {
      pool.shutdownNow();
    }
    int total = 0;
    for (int e = 0; e < 3; e++) total += emitter.listenerCount("t" + e);
    assertThat(total).isEqualTo(threads * each);
    assertThat(emitter.listenersAny()).hasSize(threads * each);
  }

  @Test
  void catchAllFamiliesBothWays() throws Exception {
    AnyListener first = (e, a) -> calls.add("first " + e + a);
    AnyListener second = (e, a) -> calls.add("second " + e + a);
    emitter.onAny(second).prependAny(first).onAnyOutgoing(second).prependAnyOutgoing(first);
    registry.emitAny("in", args("[1]"), null);
    registry.emitOutgoing("out", List.of(2));
    assertThat(calls)
        .containsExactly("first in[1]", "second in[1]", "first out[2]", "second out[2]");
    assertThat(emitter.offAny(first).listenersAny()).containsExactly(second);
    assertThat(emitter.offAnyOutgoing().listenersAnyOutgoing()).isEmpty();
  }

  @Test
  void explicitTypesBindGenericListsToRecords() throws Exception {
    emitter.on("orders", new TypeReference<List<Order>>() {}, orders -> calls.add(orders));
    emitter.on(
        "pair",
        Order.class,
        Integer.class,
        (order, n, ack) -> {
          calls.add(order);
          ack.send(n + 1);
        });
    emitter.once("one", Order.class, order -> calls.add(order));
    registry.emitEvent(
        "orders", args("[[{\"id\":\"a\",\"qty\":1},{\"id\":\"b\",\"qty\":2}]]"), null);
    List<Object> acked = new ArrayList<>();
    registry.emitEvent("pair", args("[{\"id\":\"c\",\"qty\":3},41]"), a -> acked.add(a[0]));
    registry.emitEvent("one", args("[{\"id\":\"d\",\"qty\":4}]"), null);
    registry.emitEvent("one", args("[{\"id\":\"e\",\"qty\":5}]"), null);
    assertThat(calls)
        .containsExactly(
            List.of(new Order("a", 1), new Order("b", 2)), new Order("c", 3), new Order("d", 4));
    assertThat(acked).containsExactly(42);
  }

  @Test
  void argumentsBindToClassesAndTypeReferences() throws Exception {
    Arguments r =
        new Arguments(
            "sid",
            (com.fasterxml.jackson.databind.node.ArrayNode)
                JSON.readTree("[[{\"id\":\"a\",\"qty\":1}],\"x\"]"),
            JsonBinding.create());
    assertThat(r.get(0, new TypeReference<List<Order>>() {})).containsExactly(new Order("a", 1));
    assertThat(r.get(1, String.class)).isEqualTo("x");
    assertThat(r.get(2, String.class)).isNull();
    assertThat(r.socketId()).isEqualTo("sid");
    assertThatThrownBy(() -> r.get(1, Order.class)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void anInlineRunnerRunsListenersBeforeEmitReturnsWhereAnExecutorQueuesThem() throws Exception {
    ListenerRegistry inline = registry(Runnable::run, () -> "inline");
    List<Runnable> queued = new ArrayList<>();
    ListenerRegistry deferred = registry(queued::add, () -> "deferred");
    Thread caller = Thread.currentThread();
    for (ListenerRegistry r : List.of(inline, deferred)) {
      r.add(
          "a",
          (Listener1<String>)
              s -> {
                throw new IllegalStateException("user bug " + s);
              },
          false);
      r.add("a", (Listener1<String>) s -> calls.add(s + (Thread.currentThread() == caller)), false);
    }
    try (LogCapture log = new LogCapture("io.sio4j.test")) {
      inline.emitEvent("a", args("[\"inline \"]"), null);
      inline.run(
          () -> {
            throw new IllegalStateException("user bug in run");
          });
      // both listeners ran before emitEvent returned, the second despite the first's throw
      assertThat(calls).containsExactly("inline true");
      assertThat(log.messages(Level.ERROR)).hasSize(2).allMatch(m -> m.startsWith("inline:"));

      deferred.emitEvent("a", args("[\"deferred \"]"), null);
      assertThat(calls).containsExactly("inline true");
      assertThat(queued).hasSize(2);
      queued.forEach(Runnable::run);
      assertThat(calls).containsExactly("inline true", "deferred true");
      assertThat(log.messages(Level.ERROR)).hasSize(3);
    }
  }

  @Test
  void logLinesNameTheOwnerBySupplierOrByToString() throws Exception {
    Object owner =
        new Object() {
          @Override
          public String toString() {
            return "socket abc";
          }
        };
    ListenerRegistry byObject =
        new ListenerRegistry(
            new ListenerInvoker(JsonBinding.create()),
            Runnable::run,
            LoggerFactory.getLogger("io.sio4j.test"),
            owner);
    try (LogCapture log = new LogCapture("io.sio4j.test")) {
      byObject.run(
          () -> {
            throw new IllegalStateException("user bug");
          });
      registry.run(
          () -> {
            throw new IllegalStateException("user bug");
          });
      assertThat(log.messages(Level.ERROR))
          .satisfiesExactly(
              m -> assertThat(m).startsWith("socket abc: a listener threw"),
              m -> assertThat(m).startsWith("test: a listener threw"));
    }
  }

  @Test
  void bindFailureIsLoggedAtWarnAndListenerFailureAtError() throws Exception {
    emitter.on("order", Order.class, o -> calls.add(o));
    emitter.on(
        "boom",
        () -> {
          throw new IllegalStateException("user bug");
        });
    try (LogCapture log = new LogCapture("io.sio4j.test")) {
      registry.emitEvent("order", args("[\"not an order\"]"), null);
      registry.emitEvent("boom", List.of(), null);
      assertThat(log.messages(Level.WARN)).singleElement().asString().contains("'order'");
      assertThat(log.messages(Level.ERROR)).singleElement().asString().contains("threw");
    }
    assertThat(calls).isEmpty();
  }

  static void onOrder(Order order) {
    STATIC_CALLS.add(order);
  }

  /**
   * A lambda whose types cannot be read (created without {@code writeReplace}, as javac's are not,
   * which stands for an unopened package): one WARN naming the fix, once per class.
   */
  @Test
  @SuppressWarnings("unchecked")
  void unreadableLambdaTypesWarnOncePerListenerClass() throws Throwable {
    MethodHandles.Lookup lookup = MethodHandles.lookup();
    MethodHandle impl =
        lookup.findStatic(
            ListenerRegistryTest.class, "onOrder", MethodType.methodType(void.class, Order.class));
    Listener1<Order> blind =
        (Listener1<Order>)
            LambdaMetafactory.metafactory(
                    lookup,
                    "call",
                    MethodType.methodType(Listener1.class),
                    MethodType.methodType(void.class, Object.class),
                    impl,
                    MethodType.methodType(void.class, Order.class))
                .getTarget()
                .invoke();
    emitter.on("order", blind).on("again", blind);
    try (LogCapture log = new LogCapture("io.sio4j.protocol.event")) {
      registry.emitEvent("order", args("[{\"id\":\"a\",\"qty\":1}]"), null);
      registry.emitEvent("again", args("[{\"id\":\"a\",\"qty\":1}]"), null);
      new ListenerInvoker(JsonBinding.create())
          .parameterTypes(blind); // another invoker: still no second WARN
      List<String> warnings = log.messages(Level.WARN);
      assertThat(warnings).hasSize(1);
      assertThat(warnings.get(0))
          .contains(blind.getClass().getName())
          .contains("on(event, Order.class")
          .contains("opens io.sio4j.protocol.event to io.sio4j.protocol");
    }
    // the listener got a Map, not an Order: exactly the failure the WARN announces
    assertThat(STATIC_CALLS).isEmpty();
  }

  @Test
  void readableLambdasDoNotWarn() throws Exception {
    try (LogCapture log = new LogCapture("io.sio4j.protocol.event")) {
      emitter.on("x", (Order o) -> calls.add(o)).on("y", (Map<String, Object> m) -> calls.add(m));
      registry.emitEvent("x", args("[{\"id\":\"a\",\"qty\":1}]"), null);
      registry.emitEvent("y", args("[{}]"), null);
      assertThat(log.messages(Level.WARN)).isEmpty();
    }
    assertThat(calls).containsExactly(new Order("a", 1), Map.of());
  }
}
