/**
 * The Netty implementation of the Engine.IO server. Nothing here is public API except {@link
 * io.sio4j.engine.internal.NettyEngineServer}, which {@link io.sio4j.engine.EngineServer#create}
 * returns; use the interfaces in {@code io.sio4j.engine}.
 */
package io.sio4j.engine.internal;
