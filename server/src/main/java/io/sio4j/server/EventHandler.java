package io.sio4j.server;

import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.function.Consumer;

/**
 * The internal form of every event listener: the received arguments and, when the sender asked for
 * one, the function that sends the acknowledgement (null otherwise).
 */
@FunctionalInterface
interface EventHandler {
  void handle(ArrayNode args, Consumer<Object[]> ack) throws Exception;
}
