package io.sio4j.client.okhttp;

import io.sio4j.client.ClientOptions;
import io.sio4j.client.transport.HttpConnector;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.CookieHandler;
import java.net.SocketException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okhttp3.WebSocket;
import okio.ByteString;

/**
 * {@link HttpConnector} on OkHttp, one per Manager (see {@link OkHttpTransport}). Calls still in
 * flight when the Manager closes are cancelled.
 *
 * <p>Thread-safe. OkHttp completes calls on its dispatcher threads and delivers a WebSocket's
 * messages on that socket's reader thread, one at a time, as the seam requires.
 */
final class OkHttpConnector implements HttpConnector {
  private static final MediaType TEXT = MediaType.get("text/plain;charset=UTF-8");

  private final OkHttpClient client;
  private final int maxIncomingBytes;
  private final Set<Call> inFlight = ConcurrentHashMap.newKeySet();

  private OkHttpConnector(OkHttpClient client, int maxIncomingBytes) {
    this.client = client;
    this.maxIncomingBytes = maxIncomingBytes;
  }

  static OkHttpConnector create(OkHttpClient shared, ClientOptions options) {
    if (options.sslContext() != null) {
      throw new IllegalArgumentException(
          "ClientOptions.sslContext is not used by the OkHttp transport: configure TLS on the"
              + " OkHttpClient with sslSocketFactory(factory, trustManager)");
    }
    OkHttpClient.Builder b =
        shared
            .newBuilder()
            .connectTimeout(options.timeout().toMillis(), TimeUnit.MILLISECONDS)
            // A long-polling GET is held by the server up to pingInterval (25 s by default), past
            // OkHttp's 10 s default; liveness is Engine.IO's heartbeat, as with the JDK transport.
            .readTimeout(0, TimeUnit.MILLISECONDS)
            .followRedirects(false)
            .followSslRedirects(false);
    if (options.proxy() != null) b.proxySelector(options.proxy());
    if (options.cookieHandler() != null)
      b.addInterceptor(new CookieInterceptor(options.cookieHandler()));
    return new OkHttpConnector(b.build(), options.maxIncomingBytes());
  }

  @Override
  public CompletableFuture<Response> send(Request request) {
    CompletableFuture<HttpConnector.Response> result = new CompletableFuture<>();
    Call call;
    try {
      okhttp3.Request.Builder b = new okhttp3.Request.Builder().url(request.uri().toString());
      request.headers().forEach((name, values) -> values.forEach(v -> b.addHeader(name, v)));
      RequestBody body = request.body() == null ? null : RequestBody.create(request.body(), TEXT);
      if (body == null && request.method().equals("POST")) body = RequestBody.create("", TEXT);
      b.method(request.method(), body);
      call = client.newCall(b.build());
      if (request.timeout() != null) {
        call.timeout().timeout(request.timeout().toMillis(), TimeUnit.MILLISECONDS);
      }
    } catch (RuntimeException e) {
      result.completeExceptionally(e);
      return result;
    }
    inFlight.add(call);
    call.enqueue(
        new Callback() {
          @Override
          public void onFailure(Call c, IOException e) {
            inFlight.remove(c);
            result.completeExceptionally(e);
          }

          @Override
          public void onResponse(Call c, okhttp3.Response response) {
            inFlight.remove(c);
            try (response) {
              result.complete(
                  new HttpConnector.Response(response.code(), readBounded(response.body())));
            } catch (IOException | RuntimeException e) {
              result.completeExceptionally(e);
            }
          }
        });
    return result;
  }

  private String readBounded(ResponseBody body) throws IOException {
    if (body.contentLength() > maxIncomingBytes) {
      throw new IOException("HTTP response larger than " + maxIncomingBytes + " bytes");
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] chunk = new byte[8192];
    try (InputStream in = body.byteStream()) {
      int n;
      while ((n = in.read(chunk)) != -1) {
        if (out.size() + n > maxIncomingBytes) {
          throw new IOException("HTTP response larger than " + maxIncomingBytes + " bytes");
        }
        out.write(chunk, 0, n);
      }
    }
    return new String(out.toByteArray(), StandardCharsets.UTF_8);
  }

  @Override
  public CompletableFuture<WebSocketConnection> openWebSocket(
      URI uri, Map<String, List<String>> headers, WebSocketListener listener) {
    CompletableFuture<WebSocketConnection> opened = new CompletableFuture<>();
    try {
      okhttp3.Request.Builder b = new okhttp3.Request.Builder().url(uri.toString());
      headers.forEach((name, values) -> values.forEach(v -> b.addHeader(name, v)));
      client.newWebSocket(b.build(), new OkListener(listener, opened, maxIncomingBytes));
    } catch (RuntimeException e) {
      opened.completeExceptionally(e);
    }
    return opened;
  }

  @Override
  public void close() {
    for (Call c : inFlight) c.cancel();
    inFlight.clear();
  }

  /** An open OkHttp WebSocket; OkHttp queues frames in order (up to 16 MiB). */
  private record OkConnection(WebSocket ws) implements WebSocketConnection {
    @Override
    public CompletableFuture<Void> sendText(String text) {
      return queued(ws.send(text));
    }

    @Override
    public CompletableFuture<Void> sendBinary(byte[] data) {
      return queued(ws.send(ByteString.of(data)));
    }

    private static CompletableFuture<Void> queued(boolean accepted) {
      CompletableFuture<Void> f = new CompletableFuture<>();
      if (accepted) {
        f.complete(null);
      } else {
        f.completeExceptionally(new IOException("WebSocket closing or its send queue is full"));
      }
      return f;
    }

    @Override
    public void close() {
      ws.close(1000, null);
    }

    @Override
    public void abort() {
      ws.cancel();
    }
  }

  /**
   * Adapts OkHttp's listener: completes the open future, enforces the size bound (after OkHttp has
   * read the message: it has no limit of its own), and reports the end once. Confined to the
   * socket's reader thread.
   */
  private static final class OkListener extends okhttp3.WebSocketListener {
    private final WebSocketListener listener;
    private final CompletableFuture<WebSocketConnection> opened;
    private final int max;
    private boolean ended;

    OkListener(WebSocketListener listener, CompletableFuture<WebSocketConnection> opened, int max) {
      this.listener = listener;
      this.opened = opened;
      this.max = max;
    }

    @Override
    public void onOpen(WebSocket ws, okhttp3.Response response) {
      opened.complete(new OkConnection(ws));
    }

    @Override
    public void onMessage(WebSocket ws, String text) {
      // A UTF-8 message has at least as many bytes as chars.
      if (ended) return;
      if (text.length() > max) {
        tooBig(ws);
      } else {
        listener.onText(text);
      }
    }

    @Override
    public void onMessage(WebSocket ws, ByteString bytes) {
      if (ended) return;
      if (bytes.size() > max) {
        tooBig(ws);
      } else {
        listener.onBinary(bytes.toByteArray());
      }
    }

    private void tooBig(WebSocket ws) {
      ended = true;
      ws.cancel();
      listener.onError(new IOException("WebSocket message larger than " + max + " bytes"));
    }

    @Override
    public void onClosing(WebSocket ws, int code, String reason) {
      ws.close(code == 1005 ? 1000 : code, null);
      end(code, reason);
    }

    @Override
    public void onClosed(WebSocket ws, int code, String reason) {
      end(code, reason);
    }

    private void end(int code, String reason) {
      if (ended) return;
      ended = true;
      listener.onClose(code, reason);
    }

    @Override
    public void onFailure(WebSocket ws, Throwable error, okhttp3.Response response) {
      if (!opened.isDone()) {
        String status = response == null ? "" : " (HTTP " + response.code() + ")";
        opened.completeExceptionally(
            response == null
                ? error
                : new IOException("WebSocket handshake failed" + status, error));
        return;
      }
      if (ended) return;
      if (error instanceof EOFException || error instanceof SocketException) {
        // The peer went away without a close frame: an abnormal closure (1006), which the JDK
        // transport and the Node ws library report as a close, not an error ("transport close").
        end(1006, "");
        return;
      }
      ended = true;
      listener.onError(error);
    }
  }

  /** Applies a {@link CookieHandler} (the JDK's cookie store) to every request and response. */
  private record CookieInterceptor(CookieHandler handler) implements okhttp3.Interceptor {
    @Override
    public okhttp3.Response intercept(Chain chain) throws IOException {
      okhttp3.Request request = chain.request();
      URI uri = request.url().uri();
      okhttp3.Request.Builder b = request.newBuilder();
      handler
          .get(uri, request.headers().toMultimap())
          .forEach(
              (name, values) -> {
                if (!values.isEmpty()
                    && (name.equalsIgnoreCase("Cookie") || name.equalsIgnoreCase("Cookie2"))) {
                  b.addHeader(name, String.join("; ", values));
                }
              });
      okhttp3.Response response = chain.proceed(b.build());
      handler.put(uri, response.headers().toMultimap());
      return response;
    }
  }
}
