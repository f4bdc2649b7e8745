/**
 * Socket.IO server examples: {@link io.sio4j.examples.socketio.Conformance}, the fixture of the
 * official Socket.IO v5 protocol test suite.
 *
 * <pre>
 * java -jar examples/target/sio4j-examples.jar conformance --port 3000
 * </pre>
 */
package io.sio4j.examples.socketio;
