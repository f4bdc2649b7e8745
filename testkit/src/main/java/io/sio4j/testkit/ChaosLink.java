package io.sio4j.testkit;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.socket.ChannelInputShutdownEvent;
import io.netty.channel.socket.SocketChannel;
import io.netty.util.ReferenceCountUtil;
import java.util.ArrayDeque;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * One relayed connection of a {@link ChaosProxy}: a client channel, a target channel and a {@link
 * Pipe} each way. Everything runs on the channels' one event loop; what a pipe holds is released
 * when the link closes.
 */
final class ChaosLink {
  private final ChaosProxy proxy;
  private final Channel client;
  private final Channel target;
  private final EventLoop loop;
  private final Pipe up;
  private final Pipe down;
  private boolean closed;
  private int endsDelivered;

  ChaosLink(ChaosProxy proxy, Channel client, Channel target) {
    this.proxy = proxy;
    this.client = client;
    this.target = target;
    this.loop = client.eventLoop();
    this.up = new Pipe(proxy.upstream(), client, target);
    this.down = new Pipe(proxy.downstream(), target, client);
    client.closeFuture().addListener(f -> onClose());
    target.closeFuture().addListener(f -> onClose());
  }

  /** Both sides are connected: start relaying. */
  void start() {
    client.pipeline().addLast(new Reader(up));
    target.pipeline().addLast(new Reader(down));
    up.maybeRead();
    down.maybeRead();
  }

  /** Re-reads the settings (a stall ended, a cut was armed). */
  void wake() {
    loop.execute(
        () -> {
          up.maybeRead();
          down.maybeRead();
        });
  }

  void halfClose(Direction direction) {
    loop.execute(() -> (direction == proxy.upstream() ? up : down).endOfStream());
  }

  /** Closes both sides now, dropping what is queued. */
  void cut() {
    loop.execute(
        () -> {
          client.close();
          target.close();
          onClose();
        });
  }

  private void onClose() {
    if (closed) return;
    closed = true;
    proxy.removed(this);
    up.release();
    down.release();
    // the other side goes too, after what was already written to it
    client.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
    target.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
  }

  /** Each way has passed its end-of-stream on: nothing more can flow, close. */
  private void endDelivered() {
    if (++endsDelivered == 2) {
      client.close();
      target.close();
    }
  }

  /** One direction: reads from {@code from}, delays and paces, writes to {@code to}. */
  private final class Pipe {
    private final Direction direction;
    private final Channel from;
    private final Channel to;

    /** Buffers (or the END / CUT markers) with the nano time each is due. */
    private final ArrayDeque<Object> queue = new ArrayDeque<>();

    private final ArrayDeque<Long> due = new ArrayDeque<>();
    private final Object end = new Object();
    private final Object cutMark = new Object();
    private long queuedBytes;
    private long lastDue;
    private long lastSent;
    private long relayed;
    private long read;
    private Direction.Cut seenCut;
    private long cutAt = -1;
    private boolean ended;
    private ScheduledFuture<?> pump;

    Pipe(Direction direction, Channel from, Channel to) {
      this.direction = direction;
      this.from = from;
      this.to = to;
    }

    void maybeRead() {
      if (closed || ended || direction.stalled() || queuedBytes >= ChaosProxy.MAX_QUEUED_BYTES) {
        return;
      }
      if (!to.isWritable()) return;
      from.read();
    }

    void onRead(ByteBuf buf) {
      if (closed || ended) {
        buf.release();
        return;
      }
      Direction.Cut armed = direction.armedCut();
      if (armed != null && armed != seenCut) {
        seenCut = armed;
        cutAt = read + armed.draw();
      } else if (armed == null && seenCut != null) {
        cutAt = -1;
        seenCut = null;
      }
      int n = buf.readableBytes();
      if (cutAt >= 0 && read + n >= cutAt && direction.claim(seenCut)) {
        Direction.Cut claimed = seenCut;
        int keep = (int) (cutAt - read);
        read += keep;
        ended = true;
        enqueue(buf.readRetainedSlice(keep));
        buf.release();
        enqueue(cutMark);
        claimed.done.complete(null);
        return;
      }
      read += n;
      enqueue(buf);
    }

    private void enqueue(Object item) {
      long now = System.nanoTime();
      long size = item instanceof ByteBuf b ? b.readableBytes() : 0;
      long bps = direction.bytesPerSecond();
      if (bps > 0 && size > Math.max(1, bps / 20)) {
        // pace a large read in slices of 1/20 s each
        ByteBuf b = (ByteBuf) item;
        int slice = (int) Math.max(1, bps / 20);
        while (b.readableBytes() > slice) enqueue(b.readRetainedSlice(slice));
        enqueue(b);
        return;
      }
      long sent = Math.max(now, lastSent) + (bps > 0 ? size * 1_000_000_000L / bps : 0);
      lastSent = bps > 0 ? sent : now;
      long at = Math.max(lastDue, sent + direction.latencyNanos());
      lastDue = at;
      queue.add(item);
      due.add(at);
      queuedBytes += size;
      if (pump == null) schedulePump();
    }

    private void schedulePump() {
      Long next = due.peek();
      if (next == null) return;
      long delay = next - System.nanoTime();
      if (delay <= 0) {
        pump = loop.schedule(this::runPump, 0, TimeUnit.NANOSECONDS);
      } else {
        pump = loop.schedule(this::runPump, delay, TimeUnit.NANOSECONDS);
      }
    }

    private void runPump() {
      pump = null;
      if (closed) return;
      long now = System.nanoTime();
      boolean wrote = false;
      while (!queue.isEmpty() && due.peek() - now <= 0) {
        Object item = queue.poll();
        due.poll();
        if (item instanceof ByteBuf b) {
          int size = b.readableBytes();
          queuedBytes -= size;
          relayed += size;
          direction.relayed(size);
          to.write(b);
          wrote = true;
        } else if (item == end) {
          to.flush();
          wrote = false;
          if (to instanceof SocketChannel s) {
            s.shutdownOutput().addListener(f -> endDelivered());
          } else {
            endDelivered();
          }
        } else if (item == cutMark) {
          wrote = false;
          cutBoth();
          return;
        }
      }
      if (wrote) to.flush();
      schedulePump();
      maybeRead();
    }

    /**
     * The sender gets a reset (its connection broke); the receiver gets what was delivered up to
     * the cut, then a FIN (a reset could drop bytes still in its receive buffer).
     */
    private void cutBoth() {
      if (from.isActive()) from.config().setOption(ChannelOption.SO_LINGER, 0);
      from.close();
      to.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
    }

    /** The sender half-closed (or {@link Direction#halfClose()}): pass the FIN on in order. */
    void endOfStream() {
      if (closed || ended) return;
      ended = true;
      enqueue(end);
    }

    void release() {
      if (pump != null) pump.cancel(false);
      pump = null;
      for (Object o : queue) ReferenceCountUtil.release(o);
      queue.clear();
      due.clear();
      queuedBytes = 0;
    }

    void writabilityChanged() {
      maybeRead();
    }
  }

  /** The handler of one side: what it reads goes to its pipe. */
  private final class Reader extends ChannelInboundHandlerAdapter {
    private final Pipe pipe;

    Reader(Pipe pipe) {
      this.pipe = pipe;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
      if (msg instanceof ByteBuf b) {
        pipe.onRead(b);
      } else {
        ReferenceCountUtil.release(msg);
      }
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
      pipe.maybeRead();
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
      if (evt instanceof ChannelInputShutdownEvent) pipe.endOfStream();
      ReferenceCountUtil.release(evt);
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
      // this channel is the destination of the other pipe
      (pipe == up ? down : up).writabilityChanged();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
      ctx.close();
    }
  }
}
