/**
 * MessagePack in the dialect of npm notepack.io, between Jackson trees and bytes: the one codec
 * that the msgpack Socket.IO parser and the Redis adapter share. See {@link
 * io.sio4j.protocol.msgpack.MsgpackCodec} for what is read and written, and the limits on untrusted
 * input.
 *
 * <pre>{@code
 * byte[] bytes = MsgpackCodec.defaults().encode(tree);
 * }</pre>
 */
package io.sio4j.protocol.msgpack;
