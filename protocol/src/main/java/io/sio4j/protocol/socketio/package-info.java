/**
 * The Socket.IO v5 packet codec: {@link io.sio4j.protocol.socketio.SocketPacket} trees to Engine.IO
 * frames and back, wire-compatible with npm socket.io-parser 4.2.x (the spec is
 * docs/socket.io-protocol/v5-current.md in the socketio/socket.io repository).
 *
 * <pre>{@code
 * SocketIoParser parser = SocketIoParser.json();
 * EncodedPacket out = parser.encoder().encodeEvent("/", -1, "hello", "world", new byte[] {1});
 * // out.frames(): 51-["hello","world",{"_placeholder":true,"num":0}] then <01>
 *
 * PacketDecoder decoder = parser.newDecoder();          // one per connection
 * SocketPacket in = decoder.decodeText("2[\"chat\",\"hi\"]");
 * }</pre>
 *
 * <p>Design: the encoder writes binary placeholders while Jackson serialises (a generator that
 * intercepts {@code writeBinary}), so Java values are serialised exactly once and the same frames
 * can be written to every recipient. The decoder validates like socket.io-parser 4.2.7 and
 * additionally bounds every number it reads and checks placeholders before buffering anything
 * (CVE-2020-36049, CVE-2022-2421, CVE-2023-32695, CVE-2026-33151). Pure functions: no I/O, no
 * threads, no Netty.
 *
 * <p>{@link io.sio4j.protocol.socketio.SocketIoParser#msgpack()} is the alternative format of npm
 * socket.io-msgpack-parser: each packet is one binary MessagePack frame, written and read by {@link
 * io.sio4j.protocol.msgpack.MsgpackCodec}.
 */
package io.sio4j.protocol.socketio;
