/**
 * Plain HTTP next to Socket.IO on the same port: the official browser client bundle ({@link
 * io.sio4j.server.http.BrowserClient}, what the Node server's {@code serveClient} does), static
 * files ({@link io.sio4j.server.http.StaticFiles}) and small routes ({@link
 * io.sio4j.server.http.HttpRoutes}), all {@link io.sio4j.engine.HttpHandler}s that compose into
 * one.
 *
 * <pre>{@code
 * HttpHandler http = HttpRoutes.of(BrowserClient.at("/socket.io"), StaticFiles.fromDirectory(Path.of("public")));
 * EngineOptions options = EngineOptions.builder().httpHandler(http).build();
 * }</pre>
 *
 * <p>Logs under {@code io.sio4j.server}.
 */
package io.sio4j.server.http;
