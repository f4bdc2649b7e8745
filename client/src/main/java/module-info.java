/**
 * sio4j-client: the Java Socket.IO client. {@code io.sio4j.client} is the API; the Engine.IO client
 * ({@code io.sio4j.client.internal.engine}) and the JDK HTTP connector ({@code
 * io.sio4j.client.internal.http}) are implementation and are not exported.
 */
module io.sio4j.client {
  requires transitive io.sio4j.protocol;
  requires java.net.http;
  requires org.slf4j;

  exports io.sio4j.client;
  exports io.sio4j.client.transport;
}
