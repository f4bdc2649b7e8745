/** Examples that use the Engine.IO layer directly. */
package io.sio4j.examples.engine;
