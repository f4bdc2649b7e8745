package io.sio4j.bench.jmh;

import io.sio4j.protocol.ProtocolException;
import io.sio4j.protocol.engineio.EngineCodec;
import io.sio4j.protocol.engineio.EnginePacket;
import io.sio4j.protocol.socketio.EncodedPacket;
import io.sio4j.protocol.socketio.PacketDecoder;
import io.sio4j.protocol.socketio.SocketIoParser;
import io.sio4j.protocol.socketio.SocketPacket;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Engine.IO and Socket.IO (default JSON parser) encode and decode of one event with a 64-character
 * string (the sioload payload) or a 64-byte binary attachment. Run with {@code -prof gc} to see the
 * bytes allocated per operation (docs/PERFORMANCE.md, "JMH").
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class CodecBenchmark {
  static final String PAYLOAD = "0000018c2f5e3a10" + "x".repeat(48);

  private final SocketIoParser parser = SocketIoParser.json();
  private PacketDecoder decoder;
  private final byte[] blob = new byte[64];
  private String eventText;
  private String engineFrame;
  private String binaryHeader;
  private EnginePacket enginePacket;

  @Setup
  public void setUp() {
    decoder = parser.newDecoder();
    eventText = "2[\"echo\",\"" + PAYLOAD + "\"]";
    engineFrame = "4" + eventText;
    enginePacket = EnginePacket.message(eventText);
    binaryHeader = "51-[\"bin\",{\"_placeholder\":true,\"num\":0}]";
  }

  /** Engine.IO: a text frame {@code 42[...]} to a packet. */
  @Benchmark
  public EnginePacket engineDecodeText() throws ProtocolException {
    return EngineCodec.decodeTextFrame(engineFrame);
  }

  /** Engine.IO: a message packet to its text frame. */
  @Benchmark
  public String engineEncodeText() {
    return EngineCodec.encodeText(enginePacket);
  }

  /** Engine.IO: a binary frame to a packet. */
  @Benchmark
  public EnginePacket engineDecodeBinary() {
    return EngineCodec.decodeBinaryFrame(blob);
  }

  /** Socket.IO: {@code 2["echo","..."]} to a packet (a Jackson tree). */
  @Benchmark
  public SocketPacket socketDecodeText() throws ProtocolException {
    return decoder.decodeText(eventText);
  }

  /** Socket.IO: an event with a string argument to its frame. */
  @Benchmark
  public EncodedPacket socketEncodeText() {
    return parser.encoder().encodeEvent("/", -1, "echo", PAYLOAD);
  }

  /** Socket.IO: an event with a byte[] argument to its header frame and attachment. */
  @Benchmark
  public EncodedPacket socketEncodeBinary() {
    return parser.encoder().encodeEvent("/", -1, "bin", (Object) blob);
  }

  /** Socket.IO: a header announcing one attachment, then the attachment. */
  @Benchmark
  public SocketPacket socketDecodeBinary() throws ProtocolException {
    decoder.decodeText(binaryHeader);
    return decoder.decodeBinary(blob);
  }
}
