package io.sio4j.client.internal.engine;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;

/**
 * A hostile WebSocket server on a raw socket, for the client's bounds (issue 14): it accepts one
 * connection, completes the upgrade, then runs a script that writes frames as fast as the client
 * reads them. It also reads the client's close frame, so a test can check its code.
 *
 * <p>One connection; the script runs on its own thread; {@link #close()} ends everything.
 */
final class RawWebSocketServer implements AutoCloseable {
  /** What the server does once the upgrade is done. */
  interface Script {
    void run(RawWebSocketServer server) throws IOException;
  }

  private static final String GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

  private final ServerSocket listener;
  private final Thread thread;

  /** The close code the client sent, or -1 when the connection ended without one. */
  final CompletableFuture<Integer> clientCloseCode = new CompletableFuture<>();

  private volatile Socket socket;
  private OutputStream out;

  RawWebSocketServer(Script script) throws IOException {
    listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
    thread =
        new Thread(
            () -> {
              try {
                accept();
                script.run(this);
              } catch (IOException e) {
                // the client went away: what the hostile scripts end with
              }
            },
            "raw-websocket-server");
    thread.start();
  }

  int port() {
    return listener.getLocalPort();
  }

  private void accept() throws IOException {
    socket = listener.accept();
    InputStream in = socket.getInputStream();
    StringBuilder head = new StringBuilder();
    while (!head.toString().endsWith("\r\n\r\n")) {
      int b = in.read();
      if (b < 0) throw new IOException("no upgrade request");
      head.append((char) b);
    }
    String key = null;
    for (String line : head.toString().split("\r\n")) {
      int colon = line.indexOf(':');
      if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase("sec-websocket-key")) {
        key = line.substring(colon + 1).trim();
      }
    }
    String accept;
    try {
      byte[] sha1 =
          MessageDigest.getInstance("SHA-1")
              .digest((key + GUID).getBytes(StandardCharsets.US_ASCII));
      accept = Base64.getEncoder().encodeToString(sha1);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    out = socket.getOutputStream();
    out.write(
        ("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Accept: "
                + accept
                + "\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII));
    out.flush();
    Thread reader = new Thread(() -> readClientFrames(in), "raw-websocket-reader");
    reader.setDaemon(true);
    reader.start();
  }

  /** Writes one frame: {@code opcode} 1 text, 0 continuation; {@code fin} ends the message. */
  void frame(int opcode, boolean fin, byte[] payload) throws IOException {
    int len = payload.length;
    byte[] header;
    if (len < 126) {
      header = new byte[] {(byte) ((fin ? 0x80 : 0) | opcode), (byte) len};
    } else if (len < 65536) {
      header = new byte[] {(byte) ((fin ? 0x80 : 0) | opcode), 126, (byte) (len >> 8), (byte) len};
    } else {
      throw new IllegalArgumentException("frames up to 64 KiB only");
    }
    out.write(header);
    out.write(payload);
  }

  void text(String s) throws IOException {
    frame(1, true, s.getBytes(StandardCharsets.UTF_8));
  }

  void flush() throws IOException {
    out.flush();
  }

  private void readClientFrames(InputStream raw) {
    DataInputStream in = new DataInputStream(raw);
    try {
      while (true) {
        int b0 = in.readUnsignedByte();
        int b1 = in.readUnsignedByte();
        long len = b1 & 0x7f;
        if (len == 126) len = in.readUnsignedShort();
        else if (len == 127) len = in.readLong();
        byte[] mask = new byte[4];
        if ((b1 & 0x80) != 0) in.readFully(mask);
        byte[] payload = new byte[(int) len];
        in.readFully(payload);
        for (int i = 0; i < payload.length; i++) payload[i] ^= mask[i % 4];
        if ((b0 & 0x0f) == 8) {
          int code = payload.length >= 2 ? ((payload[0] & 0xff) << 8) | (payload[1] & 0xff) : -1;
          clientCloseCode.complete(code);
          return;
        }
      }
    } catch (IOException e) {
      clientCloseCode.complete(-1);
    }
  }

  @Override
  public void close() throws Exception {
    listener.close();
    Socket s = socket;
    if (s != null) s.close();
    thread.join(10_000);
  }
}
