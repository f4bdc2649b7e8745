package io.sio4j.server;

import io.sio4j.server.adapter.AdapterFactory;

/** The adapter contract for {@link InMemoryAdapter}. */
class InMemoryAdapterContractTest extends AdapterContractTest {
  @Override
  protected AdapterFactory adapterFactory() {
    return InMemoryAdapter::new;
  }
}
