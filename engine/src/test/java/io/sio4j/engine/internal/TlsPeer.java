package io.sio4j.engine.internal;

import io.sio4j.engine.TestEngine;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

/** A TLS client socket for the tests, with host name verification on, and tiny HTTP helpers. */
final class TlsPeer implements AutoCloseable {
  final SSLSocket socket;

  private TlsPeer(SSLSocket socket) {
    this.socket = socket;
  }

  /** Connects and completes the TLS handshake, offering the given ALPN protocols if any. */
  static TlsPeer connect(SSLContext context, int port, String... alpn) throws IOException {
    Socket plain = new Socket("127.0.0.1", port);
    plain.setSoTimeout((int) TestEngine.WAIT.toMillis());
    SSLSocket s =
        (SSLSocket) context.getSocketFactory().createSocket(plain, "127.0.0.1", port, true);
    SSLParameters params = s.getSSLParameters();
    params.setEndpointIdentificationAlgorithm("HTTPS");
    if (alpn.length > 0) params.setApplicationProtocols(alpn);
    s.setSSLParameters(params);
    s.startHandshake();
    return new TlsPeer(s);
  }

  BigInteger peerSerial() throws IOException {
    return ((X509Certificate) socket.getSession().getPeerCertificates()[0]).getSerialNumber();
  }

  /** Sends an Engine.IO polling handshake and returns the response's status line. */
  String handshakeStatusLine() throws IOException {
    socket
        .getOutputStream()
        .write(
            ("GET /engine.io/?EIO=4&transport=polling HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
    socket.getOutputStream().flush();
    InputStream in = socket.getInputStream();
    StringBuilder line = new StringBuilder();
    for (int c = in.read(); c != -1 && c != '\r'; c = in.read()) line.append((char) c);
    return line.toString();
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
