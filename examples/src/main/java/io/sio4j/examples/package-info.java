/** Runnable sio4j examples; {@link io.sio4j.examples.Main} picks one by name. */
package io.sio4j.examples;
