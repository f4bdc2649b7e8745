package io.sio4j.server.http;

import java.io.IOException;
import java.time.Instant;

/**
 * Where {@link StaticFiles} finds files: a directory or the class path. Implementations are
 * thread-safe.
 */
interface FileSource {

  /** What a lookup found. */
  sealed interface Found permits File, Directory, Missing {}

  /** A regular file, with validators known without reading it. */
  record File(String name, long size, Instant lastModified, Object location) implements Found {}

  /** A directory (the request should end with a slash). */
  record Directory() implements Found {}

  /** Nothing there. */
  record Missing() implements Found {}

  /** Looks a safe relative path up; cheap (a stat at most). */
  Found find(String relative);

  /** Reads a file {@link #find} returned; may block, so call it off the event loop. */
  byte[] read(File file) throws IOException;
}
