package io.sio4j.engine;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;

/**
 * A minimal WebSocket client over a plain socket, so tests can send frames no real client would
 * (RSV bits, unmasked, fragment floods). Server frames are read unmasked, as RFC 6455 requires.
 */
public final class RawWebSocket implements AutoCloseable {
  /** A frame read from the server. */
  public record Frame(int opcode, byte[] payload) {
    public String text() {
      return new String(payload, StandardCharsets.UTF_8);
    }
  }

  private final Socket socket;
  private final DataInputStream in;
  public final String handshakeResponse;

  /** The reason text of the close frame {@link #awaitClosed()} saw, or null. */
  public String closeReason;

  private RawWebSocket(Socket socket, String handshakeResponse) throws IOException {
    this.socket = socket;
    this.in = new DataInputStream(socket.getInputStream());
    this.handshakeResponse = handshakeResponse;
  }

  /** Connects and sends the upgrade request; the response head is in {@link #handshakeResponse}. */
  public static RawWebSocket connect(int port, String request) throws IOException {
    Socket s = new Socket("127.0.0.1", port);
    s.setSoTimeout((int) TestEngine.WAIT.toMillis());
    s.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
    s.getOutputStream().flush();
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int matched = 0;
    while (matched < 4) {
      int b = s.getInputStream().read();
      if (b < 0) break;
      head.write(b);
      matched = (b == (matched % 2 == 0 ? '\r' : '\n')) ? matched + 1 : (b == '\r' ? 1 : 0);
    }
    return new RawWebSocket(s, head.toString(StandardCharsets.ISO_8859_1));
  }

  public void write(byte[] bytes) throws IOException {
    socket.getOutputStream().write(bytes);
    socket.getOutputStream().flush();
  }

  public Frame read() throws IOException {
    int b0 = in.readUnsignedByte();
    int b1 = in.readUnsignedByte();
    long len = b1 & 0x7f;
    if (len == 126) len = in.readUnsignedShort();
    else if (len == 127) len = in.readLong();
    byte[] payload = new byte[(int) len];
    in.readFully(payload);
    return new Frame(b0 & 0x0f, payload);
  }

  /**
   * Reads until the server closes the connection; returns the close code it sent (or -1 if it
   * dropped the connection without a close frame).
   */
  public int awaitClosed() throws IOException {
    int code = -1;
    try {
      while (true) {
        Frame f = read();
        if (f.opcode() == 8 && f.payload().length >= 2) {
          code = ((f.payload()[0] & 0xff) << 8) | (f.payload()[1] & 0xff);
          closeReason = new String(f.payload(), 2, f.payload().length - 2, StandardCharsets.UTF_8);
        }
      }
    } catch (EOFException | SocketException e) {
      return code;
    }
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
