package io.sio4j.interop.client;

import io.sio4j.client.ClientOptions;
import io.sio4j.client.okhttp.OkHttpTransport;
import io.sio4j.client.transport.TransportFactory;

/**
 * The client's transports under test: every client interop class runs once per kind
 * ({@code @ParameterizedClass @EnumSource(TransportKind.class)}), building its options with {@link
 * #options()} instead of {@code ClientOptions.builder()}.
 */
enum TransportKind {
  /** The default, on {@code java.net.http}. */
  JDK(TransportFactory.jdk()),
  /** {@code client-okhttp}, on OkHttp 5 (the Android transport). */
  OKHTTP(OkHttpTransport.factory());

  private final TransportFactory factory;

  TransportKind(TransportFactory factory) {
    this.factory = factory;
  }

  /** A builder with the defaults and this transport. */
  ClientOptions.Builder options() {
    return ClientOptions.builder().transportFactory(factory);
  }
}
