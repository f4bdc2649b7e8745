package io.sio4j.engine.internal;

import io.sio4j.engine.MemoryBudget;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * A session's share of the {@link MemoryBudget}: the bytes it holds for its peer (write buffer,
 * polling responses not yet taken, bytes the layer above holds such as partial packets). When the
 * budget sheds, it hands the request to the session's event loop.
 *
 * <p>Threading: {@link #add}, {@link #release} and {@link #close} on the session's event loop; the
 * {@link MemoryBudget.Holder} methods from any thread (they read volatile mirrors and hop).
 */
final class SessionMemory implements MemoryBudget.Holder {
  private final EngineSession session;
  private final MemoryBudget budget;
  // written on the session's loop with setRelease, read anywhere (volatile reads): mirrors for
  // the budget's other threads, without a full fence per message on the loop
  private volatile long held;
  private volatile long volatileHeld;

  private static final VarHandle HELD;
  private static final VarHandle VOLATILE_HELD;

  static {
    try {
      MethodHandles.Lookup l = MethodHandles.lookup();
      HELD = l.findVarHandle(SessionMemory.class, "held", long.class);
      VOLATILE_HELD = l.findVarHandle(SessionMemory.class, "volatileHeld", long.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private boolean closed;

  SessionMemory(EngineSession session, MemoryBudget budget) {
    this.session = session;
    this.budget = budget;
  }

  void open() {
    budget.register(this);
  }

  /** {@code bytes} more are held (already allocated): counted, and the budget may shed. */
  void add(long bytes) {
    if (closed || bytes == 0) return;
    HELD.setRelease(this, held + bytes);
    budget.add(bytes);
  }

  void release(long bytes) {
    if (closed || bytes == 0) return;
    HELD.setRelease(this, held - bytes);
    budget.release(bytes);
  }

  void volatileBytes(long bytes) {
    if (volatileHeld != bytes) VOLATILE_HELD.setRelease(this, bytes);
  }

  /** The session closed: everything it held is released, later calls count nothing. */
  void close() {
    if (closed) return;
    closed = true;
    budget.unregister(this);
    budget.release(held);
    held = 0;
    volatileHeld = 0;
  }

  @Override
  public long heldBytes() {
    return held;
  }

  @Override
  public long volatileBytes() {
    return volatileHeld;
  }

  @Override
  public void dropVolatile() {
    session.runOnLoop(session::dropQueuedVolatile);
  }

  @Override
  public void shed() {
    session.runOnLoop(() -> session.closeHolding("memory budget exceeded"));
  }
}
