/**
 * The seed tutorial's chapters, one standalone class per chapter, each reading like the tutorial's
 * {@code app.js}: {@link io.sio4j.examples.tutorial.HelloWorld}, {@link
 * io.sio4j.examples.tutorial.SendMessage}, {@link io.sio4j.examples.tutorial.CustomEvent}, {@link
 * io.sio4j.examples.tutorial.ClientEvent}, {@link io.sio4j.examples.tutorial.Broadcast}, {@link
 * io.sio4j.examples.tutorial.Welcome}, {@link io.sio4j.examples.tutorial.MyNamespace}, {@link
 * io.sio4j.examples.tutorial.Rooms} and {@link io.sio4j.examples.tutorial.ErrorHandling}.
 *
 * <p>Each has a {@code main} and a {@code start(host, port, console)} that builds the server, its
 * page and its handlers and starts it; what the tutorial logs with {@code console.log} goes to
 * {@code console} (standard output from {@code main}). To start a project of your own, copy one
 * class and replace {@code new ExamplePages("hello")} with {@code
 * StaticFiles.fromClasspath("public")} (from {@code io.sio4j.server.http}) and your page in {@code
 * src/main/resources/public/index.html}.
 */
package io.sio4j.examples.tutorial;
