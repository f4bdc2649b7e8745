/**
 * The OkHttp transport of the sio4j client: {@link io.sio4j.client.okhttp.OkHttpTransport} plugs
 * OkHttp 5 into the client's public transport seam ({@link
 * io.sio4j.client.transport.TransportFactory}), for polling and WebSocket with permessage-deflate.
 *
 * <pre>{@code
 * Socket socket = IO.socket("https://example.com",
 *     ClientOptions.builder().transportFactory(OkHttpTransport.factory()).build());
 * }</pre>
 */
package io.sio4j.client.okhttp;
