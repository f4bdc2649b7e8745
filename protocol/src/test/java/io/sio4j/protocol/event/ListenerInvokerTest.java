package io.sio4j.protocol.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.BinaryNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Listeners get their arguments bound to the types they declare. */
class ListenerInvokerTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final ListenerInvoker invoker = new ListenerInvoker(JsonBinding.create());
  private final List<Object> calls = new ArrayList<>();

  record Order(String id, int qty) {}

  record Attachment(String name, byte[] data) {}

  /** A bean with setters, the way older Java code models payloads. */
  public static final class Customer {
    private String name;
    private List<Order> orders;

    public String getName() {
      return name;
    }

    public void setName(String name) {
      this.name = name;
    }

    public List<Order> getOrders() {
      return orders;
    }

    public void setOrders(List<Order> orders) {
      this.orders = orders;
    }
  }

  static List<JsonNode> args(String json) throws Exception {
    return JSON.readValue(json, new TypeReference<List<JsonNode>>() {});
  }

  @Test
  void explicitlyTypedLambdaGetsAString() throws Exception {
    invoker.invoke((Listener1<String>) (String msg) -> calls.add(msg), args("[\"hi\"]"), null);
    assertThat(calls).containsExactly("hi");
  }

  @Test
  void recordAndAckAreBound() throws Exception {
    AtomicReference<Object[]> acked = new AtomicReference<>();
    Listener2<Order, Ack> listener =
        (Order o, Ack ack) -> {
          calls.add(o);
          ack.send("ok", o.qty());
        };
    invoker.invoke(listener, args("[{\"id\":\"A1\",\"qty\":3,\"extra\":true}]"), acked::set);
    assertThat(calls).containsExactly(new Order("A1", 3));
    assertThat(acked.get()).containsExactly("ok", 3);
    assertThat(invoker.acceptsAck(listener)).isTrue();
  }

  @Test
  void ackIsANoOpWhenNoneWasAsked() throws Exception {
    invoker.invoke((Listener1<Ack>) (Ack ack) -> calls.add(ack), args("[1]"), null);
    assertThat(calls).containsExactly(Ack.NONE);
  }

  @Test
  void implicitLambdaGetsNaturalValues() throws Exception {
    Listener4<Object, Object, Object, Object> l =
        (a, b, c, d) -> {
          calls.add(a);
          calls.add(b);
          calls.add(c);
          calls.add(d);
        };
    List<JsonNode> values = args("[\"s\",1.5,{\"k\":[1,true,null]},null]");
    invoker.invoke(l, values, null);
    assertThat(calls).containsExactly("s", 1.5, Map.of("k", listOf(1, true, null)), null);

    calls.clear();
    Listener1<Object> binary = calls::add;
    invoker.invoke(binary, List.of(BinaryNode.valueOf(new byte[] {4, 2})), null);
    assertThat((byte[]) calls.get(0)).containsExactly(4, 2);
  }

  @Test
  void lambdaParametersAreErasedSoArraysAreTheWayToTypedCollections() throws Exception {
    // javac writes no generic signature for a lambda body: List<Order> arrives as a List of Maps
    Listener1<List<Order>> erased = (List<Order> orders) -> calls.add(orders);
    assertThat(invoker.parameterTypes(erased)).containsExactly(List.class);
    // arrays are reified, so they bind fully
    Listener1<Order[]> array = (Order[] orders) -> calls.add(orders[1].qty());
    invoker.invoke(array, args("[[{\"id\":\"a\",\"qty\":1},{\"id\":\"b\",\"qty\":2}]]"), null);
    assertThat(calls).containsExactly(2);
  }

  void onOrders(List<Order> orders, Ack ack) {
    calls.add(orders.get(0));
    ack.send(orders.size());
  }

  @Test
  void genericListBindsThroughABoundMethodReference() throws Exception {
    AtomicReference<Object[]> acked = new AtomicReference<>();
    Listener2<List<Order>, Ack> l = this::onOrders;
    invoker.invoke(l, args("[[{\"id\":\"x\",\"qty\":9}]]"), acked::set);
    assertThat(calls).containsExactly(new Order("x", 9));
    assertThat(acked.get()).containsExactly(1);
  }

  static final List<Object> STATIC_CALLS = new ArrayList<>();

  static void onCustomer(Customer c) {
    STATIC_CALLS.add(c.getName() + ":" + c.getOrders().get(0).id());
  }

  @Test
  void pojoBindsThroughAStaticMethodReference() throws Exception {
    STATIC_CALLS.clear();
    invoker.invoke(
        (Listener1<Customer>) ListenerInvokerTest::onCustomer,
        args("[{\"name\":\"ann\",\"orders\":[{\"id\":\"o1\",\"qty\":1}]}]"),
        null);
    assertThat(STATIC_CALLS).containsExactly("ann:o1");
  }

  @Test
  void unboundInstanceMethodReferenceTakesTheReceiverFirst() throws Exception {
    Listener2<StringBuilder, Integer> l = StringBuilder::setLength;
    assertThat(invoker.parameterTypes(l)).containsExactly(StringBuilder.class, int.class);
  }

  static final class Holder {
    Holder(List<Order> orders) {
      STATIC_CALLS.add(orders);
    }
  }

  @Test
  void constructorReferenceIsResolved() throws Exception {
    STATIC_CALLS.clear();
    Listener1<List<Order>> l = Holder::new;
    invoker.invoke(l, args("[[{\"id\":\"c\",\"qty\":5}]]"), null);
    assertThat(STATIC_CALLS).containsExactly(List.of(new Order("c", 5)));
  }

  @Test
  void byteArrayNestedInARecord() throws Exception {
    var node = JSON.createObjectNode().put("name", "a.png");
    node.set("data", BinaryNode.valueOf(new byte[] {7, 8}));
    invoker.invoke((Listener1<Attachment>) (Attachment a) -> calls.add(a), List.of(node), null);
    Attachment a = (Attachment) calls.get(0);
    assertThat(a.name()).isEqualTo("a.png");
    assertThat(a.data()).containsExactly(7, 8);
  }

  @Test
  void capturingLambdasKeepTheirTypes() throws Exception {
    String prefix = "got ";
    int[] counter = {0};
    Listener2<Order, Integer> l =
        (Order o, Integer n) -> {
          counter[0]++;
          calls.add(prefix + o.id() + n + this.calls.size());
        };
    invoker.invoke(l, args("[{\"id\":\"z\",\"qty\":0},4]"), null);
    assertThat(calls).containsExactly("got z40");
    assertThat(invoker.parameterTypes(l)).containsExactly(Order.class, Integer.class);
  }

  @Test
  void missingArgumentsAreNullAndExtraOnesIgnored() throws Exception {
    Listener3<String, Integer, Ack> l =
        (String s, Integer i, Ack ack) -> {
          calls.add(s);
          calls.add(i);
          calls.add(ack);
        };
    invoker.invoke(l, args("[\"only\"]"), null);
    invoker.invoke(l, args("[\"a\",1,\"extra\",2]"), null);
    assertThat(calls).containsExactly("only", null, Ack.NONE, "a", 1, Ack.NONE);
  }

  @Test
  void listener0IgnoresArguments() throws Exception {
    invoker.invoke((Listener0) () -> calls.add("called"), args("[1,2]"), null);
    assertThat(calls).containsExactly("called");
  }

  @Test
  void bindingFailureIsReportedAndTheListenerIsNotCalled() throws Exception {
    Listener2<String, Order> l = (String s, Order o) -> calls.add(o);
    assertThatThrownBy(() -> invoker.invoke(l, args("[\"x\",\"not an order\"]"), null))
        .isInstanceOf(BindingException.class)
        .hasMessageContaining("argument 1");
    Listener1<Integer> n = (Integer i) -> calls.add(i);
    assertThatThrownBy(() -> invoker.invoke(n, args("[{\"a\":1}]"), null))
        .isInstanceOf(BindingException.class);
    assertThat(calls).isEmpty();
  }

  @Test
  void listenerExceptionsPropagateUnchanged() {
    Listener0 l =
        () -> {
          throw new IllegalStateException("boom");
        };
    assertThatThrownBy(() -> invoker.invoke(l, List.of(), null))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("boom");
  }

  @Test
  void anonymousClassDeclaresItsTypes() throws Exception {
    Listener1<Order> l =
        new Listener1<>() {
          @Override
          public void call(Order o) {
            calls.add(o);
          }
        };
    invoker.invoke(l, args("[{\"id\":\"q\",\"qty\":2}]"), null);
    assertThat(calls).containsExactly(new Order("q", 2));
  }

  static <T> void generic(List<Object> sink, T value) {
    sink.add(value);
  }

  @Test
  void typeVariablesFallBackToTheInstantiatedType() throws Exception {
    Listener1<String> l = s -> generic(calls, s);
    Listener1<Object> g = v -> generic(calls, v);
    invoker.invoke(l, args("[\"t\"]"), null);
    invoker.invoke(g, args("[[1]]"), null);
    assertThat(calls).containsExactly("t", List.of(1));
  }

  @Test
  void rawAndAnyListeners() throws Exception {
    AtomicReference<Object[]> acked = new AtomicReference<>();
    invoker.invoke(
        (RawListener)
            (a, ack) -> {
              calls.add(a);
              ack.send(a.size());
            },
        args("[1,\"b\"]"),
        acked::set);
    assertThat(calls).containsExactly(args("[1,\"b\"]"));
    assertThat(acked.get()).containsExactly(2);

    List<Object> seen = new ArrayList<>();
    Ack ack = args -> {};
    invoker.invokeAny(
        (event, a) -> seen.addAll(List.of(event, a)), "ev", args("[1,{\"x\":\"y\"}]"), ack);
    assertThat(seen).containsExactly("ev", List.of(1, Map.of("x", "y"), ack));
  }

  @Test
  void notAListenerIsRefused() {
    assertThatThrownBy(() -> invoker.invoke("nope", List.of(), null))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static List<Object> listOf(Object... values) {
    return new ArrayList<>(java.util.Arrays.asList(values));
  }
}
