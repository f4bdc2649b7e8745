package io.sio4j.spring.boot;

import java.lang.reflect.Method;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The listener executor of {@code sio4j.listener-executor}. Virtual threads are found reflectively
 * ({@code Executors.newVirtualThreadPerTaskExecutor()}), since the library is built for Java 17.
 */
final class ListenerExecutors {
  private ListenerExecutors() {}

  /** The executor, or null for the event loop. */
  static ExecutorService create(SocketIoProperties.ExecutorKind kind) {
    return switch (kind) {
      case EVENT_LOOP -> null;
      case AUTO -> virtualThreads();
      case VIRTUAL -> {
        ExecutorService e = virtualThreads();
        if (e == null) {
          throw new IllegalStateException(
              "sio4j.listener-executor=virtual needs Java 21 or later; this is "
                  + Runtime.version());
        }
        yield e;
      }
    };
  }

  private static ExecutorService virtualThreads() {
    try {
      Method factory = Executors.class.getMethod("newVirtualThreadPerTaskExecutor");
      return (ExecutorService) factory.invoke(null);
    } catch (NoSuchMethodException e) {
      return null; // Java 17-20
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot create a virtual thread executor", e);
    }
  }
}
