/**
 * The Postgres cluster adapter: {@link io.sio4j.adapter.postgres.PostgresAdapter} (LISTEN/NOTIFY
 * plus an attachment table, wire-compatible with npm {@code @socket.io/postgres-adapter} 0.5), its
 * {@link io.sio4j.adapter.postgres.PostgresAdapterOptions}, and {@link
 * io.sio4j.adapter.postgres.PostgresAdapters} for command-line tools.
 */
package io.sio4j.adapter.postgres;
