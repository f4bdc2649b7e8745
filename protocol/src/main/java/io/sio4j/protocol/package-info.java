/**
 * Wire codecs of Engine.IO v4 ({@code engineio}) and Socket.IO v5 ({@code socketio}), and the
 * listener and Jackson binding API shared by the server and the client ({@code event}). Pure
 * functions: no I/O, threads, clocks or Netty. Malformed input is reported as {@link
 * io.sio4j.protocol.ProtocolException}.
 */
package io.sio4j.protocol;
