package io.sio4j.interop.examples;

import io.sio4j.examples.ExampleServer;
import io.sio4j.examples.TutorialExample;
import io.sio4j.server.SocketIoServer;

/** An example started in-process on 127.0.0.1 and an ephemeral port, with its console captured. */
final class RunningExample implements AutoCloseable {
  final ConsoleLines console = new ConsoleLines();
  final SocketIoServer io;
  final int port;

  RunningExample(TutorialExample example) {
    this.io = ExampleServer.start(example, "127.0.0.1", 0, console.stream());
    this.port = io.address().getPort();
  }

  NodeClients clients() {
    return new NodeClients(port);
  }

  @Override
  public void close() {
    io.close();
  }
}
