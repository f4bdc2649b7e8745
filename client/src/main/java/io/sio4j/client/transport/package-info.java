/**
 * The client's public transport seam: {@link io.sio4j.client.transport.HttpConnector} (HTTP
 * requests for polling, WebSocket connections) and {@link
 * io.sio4j.client.transport.TransportFactory}, set with {@code
 * ClientOptions.builder().transportFactory(...)}. The default runs on the JDK's {@code
 * java.net.http}; an implementation on another HTTP stack (OkHttp, for Android) plugs in here
 * without touching the client's internals, which never see a {@code java.net.http} type.
 *
 * <pre>{@code
 * ClientOptions options = ClientOptions.builder().transportFactory(TransportFactory.jdk()).build();
 * }</pre>
 */
package io.sio4j.client.transport;
