package io.sio4j.engine.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The engine relies on Netty to set TCP_NODELAY on every accepted connection (it does not set the
 * option again, which would cost a system call per connection): held here for each transport the
 * engine may run on, so a Netty upgrade that changed that default would fail this test.
 */
class AcceptedSocketOptionsTest {

  @ParameterizedTest
  @ValueSource(strings = {"epoll", "io_uring", "nio"})
  void acceptedConnectionsHaveNoDelay(String transport) throws Exception {
    NettyTransports.Choice choice = NettyTransports.named(transport);
    assertThat(choice.name()).as("transport available here").isEqualTo(transport);
    EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, choice.handler());
    try {
      CompletableFuture<Boolean> noDelay = new CompletableFuture<>();
      Channel server =
          new ServerBootstrap()
              .group(group)
              .channel(choice.channel())
              .childHandler(
                  new ChannelInitializer<Channel>() {
                    @Override
                    protected void initChannel(Channel ch) {
                      noDelay.complete(ch.config().getOption(ChannelOption.TCP_NODELAY));
                    }
                  })
              .bind("127.0.0.1", 0)
              .sync()
              .channel();
      try (Socket client = new Socket()) {
        client.connect(
            new InetSocketAddress(
                "127.0.0.1", ((InetSocketAddress) server.localAddress()).getPort()));
        assertThat(noDelay.get(10, TimeUnit.SECONDS)).isTrue();
      } finally {
        server.close().sync();
      }
    } finally {
      group.shutdownGracefully(0, 1, TimeUnit.SECONDS).sync();
    }
  }
}
