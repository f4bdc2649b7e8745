/**
 * sio4j-protocol: the Engine.IO and Socket.IO codecs, the pluggable parser seam, the shared event
 * listener types and the notepack.io msgpack codec. Pure functions: no I/O, threads or clocks.
 *
 * <p>Every package is public API. Jackson is part of that API ({@code JsonNode}, {@code
 * ObjectMapper}), hence {@code requires transitive}. SLF4J logs listener failures and unreadable
 * lambda types. The msgpack codec is written against the MessagePack specification, without a
 * library (msgpack-core declares no module name).
 *
 * <p>Reflection on user code: listener type inference reads a listener lambda's {@code
 * SerializedLambda} through its private {@code writeReplace}, and Jackson binds user types. A named
 * application module therefore {@code opens} the packages that declare listeners and argument types
 * to {@code io.sio4j.protocol} and {@code com.fasterxml.jackson.databind}; on the class path
 * nothing is needed.
 */
module io.sio4j.protocol {
  requires transitive com.fasterxml.jackson.databind;
  requires org.slf4j;

  exports io.sio4j.protocol;
  exports io.sio4j.protocol.engineio;
  exports io.sio4j.protocol.event;
  exports io.sio4j.protocol.msgpack;
  exports io.sio4j.protocol.socketio;
  exports io.sio4j.protocol.time;
}
