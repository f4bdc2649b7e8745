package io.sio4j.interop.client;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A byte-forwarding TCP proxy on 127.0.0.1 for tests: cutting every connection simulates a network
 * failure (the transport closes without a protocol goodbye), and the target can change to simulate
 * a server restart behind a fixed address. Thread-safe; its threads are daemons and end on close.
 */
final class TcpProxy implements AutoCloseable {
  private final ServerSocket listener;
  private final List<Socket> open = new CopyOnWriteArrayList<>();

  /** The first bytes each client sent, as text (to see what a proxy client asked for). */
  final List<String> firstChunks = new CopyOnWriteArrayList<>();

  /** Bytes the clients sent through the proxy (to see whether their frames were compressed). */
  final java.util.concurrent.atomic.AtomicLong clientBytes =
      new java.util.concurrent.atomic.AtomicLong();

  private volatile int targetPort;

  TcpProxy(int targetPort) throws IOException {
    this.targetPort = targetPort;
    this.listener = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
    Thread accept = new Thread(this::acceptLoop, "tcp-proxy-accept");
    accept.setDaemon(true);
    accept.start();
  }

  int port() {
    return listener.getLocalPort();
  }

  void retarget(int port) {
    targetPort = port;
  }

  /** Closes every proxied connection (new ones are still accepted). */
  void dropAll() {
    for (Socket s : open) closeQuietly(s);
    open.clear();
  }

  private void acceptLoop() {
    while (!listener.isClosed()) {
      try {
        Socket client = listener.accept();
        Socket server = new Socket();
        try {
          server.connect(new InetSocketAddress("127.0.0.1", targetPort), 5000);
        } catch (IOException e) {
          closeQuietly(client);
          continue;
        }
        open.add(client);
        open.add(server);
        pump(client, server, true);
        pump(server, client, false);
      } catch (IOException e) {
        return; // closed
      }
    }
  }

  private void pump(Socket from, Socket to, boolean record) {
    Thread t =
        new Thread(
            () -> {
              byte[] buf = new byte[16384];
              try (InputStream in = from.getInputStream();
                  OutputStream out = to.getOutputStream()) {
                int n;
                boolean first = record;
                while ((n = in.read(buf)) >= 0) {
                  if (first) {
                    firstChunks.add(
                        new String(buf, 0, n, java.nio.charset.StandardCharsets.ISO_8859_1));
                    first = false;
                  }
                  if (record) clientBytes.addAndGet(n);
                  out.write(buf, 0, n);
                  out.flush();
                }
              } catch (IOException ignored) {
                // a side closed
              } finally {
                closeQuietly(from);
                closeQuietly(to);
              }
            },
            "tcp-proxy-pump");
    t.setDaemon(true);
    t.start();
  }

  private static void closeQuietly(Socket s) {
    try {
      s.close();
    } catch (IOException ignored) {
      // already closed
    }
  }

  @Override
  public void close() {
    try {
      listener.close();
    } catch (IOException ignored) {
      // already closed
    }
    dropAll();
  }
}
