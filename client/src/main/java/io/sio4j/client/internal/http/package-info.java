/**
 * The HTTP and WebSocket seam under the Engine.IO client ({@link
 * io.sio4j.client.internal.http.HttpConnector}) and its JDK implementation. Not API. The rest of
 * the client never touches {@code java.net.http} types, so another HTTP stack can be plugged in.
 */
package io.sio4j.client.internal.http;
