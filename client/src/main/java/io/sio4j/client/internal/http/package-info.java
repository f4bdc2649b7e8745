/**
 * The JDK implementation of the public {@link io.sio4j.client.transport.HttpConnector} seam, on
 * {@code java.net.http}. Not API: the only package of the client that touches {@code
 * java.net.http}.
 */
package io.sio4j.client.internal.http;
