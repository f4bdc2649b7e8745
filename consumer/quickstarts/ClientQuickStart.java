package quickstart;

import io.sio4j.client.ClientOptions;
import io.sio4j.client.IO;
import io.sio4j.client.Socket;
import java.time.Duration;
import java.util.Map;

/** README, "Java client quick start". */
final class ClientQuickStart {
  static void run() {
    // @README@
  }
}
