/**
 * The load-test server for the shared load generator ({@code ../shared/sioload}): its three-event
 * contract (echo, broadcast, ack) written with sio4j's public API. See {@link
 * io.sio4j.bench.BenchMain}.
 */
package io.sio4j.bench;
