/**
 * sio4j-micrometer: Micrometer meters for a sio4j server ({@code socketio.*}). Micrometer's
 * registry is part of its API, hence {@code requires transitive micrometer.core} (an automatic
 * module whose name Micrometer declares in its manifest).
 */
@SuppressWarnings(
    "requires-transitive-automatic") // Micrometer's name is stable: its manifest sets it
module io.sio4j.micrometer {
  requires transitive io.sio4j.server;
  requires transitive micrometer.core;

  exports io.sio4j.micrometer;
}
