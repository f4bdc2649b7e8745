/**
 * Mounting sio4j in a Jakarta Servlet 6 container (Jetty 12, Tomcat 11, Undertow): {@link
 * io.sio4j.jakarta.SocketIoJakarta}.
 */
package io.sio4j.jakarta;
