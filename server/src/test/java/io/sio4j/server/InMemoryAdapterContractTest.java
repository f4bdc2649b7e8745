package io.sio4j.server;

/** The adapter contract for {@link InMemoryAdapter}. */
class InMemoryAdapterContractTest extends AdapterContractTest {
  @Override
  protected AdapterFactory adapterFactory() {
    return InMemoryAdapter::new;
  }
}
