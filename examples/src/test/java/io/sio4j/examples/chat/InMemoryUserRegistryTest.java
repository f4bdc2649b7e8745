package io.sio4j.examples.chat;

class InMemoryUserRegistryTest extends UserRegistryContract {
  @Override
  protected UserRegistry newRegistry() {
    return new InMemoryUserRegistry();
  }
}
