package io.sio4j.engine.internal;

import static io.sio4j.engine.internal.PollingOutboundBoundTest.awaitTrue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sio4j.engine.EngineOptions;
import io.sio4j.engine.EngineSocket;
import io.sio4j.engine.MemoryBudget;
import io.sio4j.engine.OutboundMessage;
import io.sio4j.engine.TestEngine;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The budget for bytes held on behalf of peers: volatile packets first, then the largest holders.
 */
class MemoryBudgetTest {
  @Test
  void defaultIsAQuarterOfTheHeapSharedByTheProcess() {
    assertThat(EngineOptions.builder().build().memoryBudget()).isSameAs(MemoryBudget.processWide());
    assertThat(MemoryBudget.processWide().limit()).isEqualTo(Runtime.getRuntime().maxMemory() / 4);
    assertThatThrownBy(() -> MemoryBudget.ofBytes(0)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void overTheBudgetTheLargestSessionIsClosedAndTheOthersGoOn() throws Exception {
    MemoryBudget budget = MemoryBudget.ofBytes(100_000);
    try (TestEngine e = new TestEngine(b -> b.memoryBudget(budget))) {
      List<EngineSocket> sockets = new ArrayList<>();
      List<String> sids = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        sids.add(e.openPolling());
        sockets.add(e.await("connection").socket());
      }
      // no poll waits: what is sent stays in the sessions' buffers
      send(sockets.get(0), 60_000);
      send(sockets.get(1), 30_000);
      assertThat(budget.used()).isEqualTo(90_000);
      send(sockets.get(2), 20_000);
      TestEngine.Event closed = e.await("close");
      assertThat(closed.socket()).isSameAs(sockets.get(0));
      assertThat(closed.text()).isEqualTo("transport error");
      assertThat(new String(closed.bytes())).isEqualTo("memory budget exceeded");
      assertThat(sockets.get(1).isOpen()).isTrue();
      assertThat(sockets.get(2).isOpen()).isTrue();
      assertThat(budget.used()).isEqualTo(50_000);
      assertThat(budget.closedHolders()).isEqualTo(1);
      // bytes held by the layer above count too, and closing releases them
      sockets.get(1).holdPeerBytes(80_000);
      closed = e.await("close");
      assertThat(closed.socket()).isSameAs(sockets.get(1));
      awaitTrue(() -> budget.used() == 20_000, Duration.ofSeconds(5));
      // a poll takes the rest: once written, nothing is held
      assertThat(e.get("EIO=4&transport=polling&sid=" + sids.get(2)).body()).hasSize(20_000);
      awaitTrue(() -> budget.used() == 0, Duration.ofSeconds(5));
    }
  }

  @Test
  void volatileBytesAreShedBeforeAnyHolderIsClosed() {
    MemoryBudget budget = MemoryBudget.ofBytes(1_000);
    FakeHolder big = new FakeHolder(600, 0);
    FakeHolder withVolatile = new FakeHolder(300, 200);
    budget.register(big);
    budget.register(withVolatile);
    budget.add(900);
    assertThat(big.shed + withVolatile.shed + withVolatile.dropped).isZero();
    budget.add(250); // 1,150: dropping the 200 volatile bytes is enough
    assertThat(withVolatile.dropped).isEqualTo(1);
    assertThat(big.shed).isZero();
    withVolatile.volatileBytes = 0;
    budget.release(200);
    FakeHolder small = new FakeHolder(10, 0); // under limit/64: never shed
    budget.register(small);
    budget.add(400); // 1,350 with nothing volatile: the largest goes
    assertThat(big.shed).isEqualTo(1);
    assertThat(withVolatile.shed).isZero();
    budget.add(1_000); // far over, but what is left are the 300 and the small one
    assertThat(withVolatile.shed).isEqualTo(1);
    assertThat(small.shed).isZero();
    budget.release(1_000);
    // a request body that does not fit is refused, not counted
    assertThat(budget.tryAdd(10_000)).isFalse();
    assertThat(budget.used()).isEqualTo(1_350);
  }

  private static void send(EngineSocket socket, int bytes) throws Exception {
    socket.eventLoop().submit(() -> socket.send(OutboundMessage.text("x".repeat(bytes - 1)))).get();
  }

  private static final class FakeHolder implements MemoryBudget.Holder {
    final long held;
    long volatileBytes;
    int dropped;
    int shed;

    FakeHolder(long held, long volatileBytes) {
      this.held = held;
      this.volatileBytes = volatileBytes;
    }

    @Override
    public long heldBytes() {
      return held;
    }

    @Override
    public long volatileBytes() {
      return volatileBytes;
    }

    @Override
    public void dropVolatile() {
      dropped++;
    }

    @Override
    public void shed() {
      shed++;
    }
  }
}
