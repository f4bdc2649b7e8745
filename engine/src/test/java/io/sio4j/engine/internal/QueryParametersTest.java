package io.sio4j.engine.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.handler.codec.http.QueryStringDecoder;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link QueryParameters#ofUri} reads a request URI exactly as {@code new
 * QueryStringDecoder(uri).parameters()} does (the engine used that before issue 12), and refuses
 * (null) exactly what Netty's decoder throws on.
 */
class QueryParametersTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/engine.io/",
        "/engine.io/?",
        "/engine.io/?EIO=4&transport=websocket",
        "/engine.io/?EIO=4&transport=polling&t=OkX3a1b",
        "/engine.io/?EIO=4&EIO=3&transport=polling&EIO=4",
        "/engine.io/?a=%20b%2Fc&c+d=e+f&%E2%82%AC=%E2%82%AC",
        "/engine.io/?a=&b&=c&==d&e==f&g=h=i",
        "/engine.io/?a=1;b=2&&c=3;;d",
        "/engine.io/?a=1#b=2&c=3",
        "/engine.io/#?a=1",
        "/engine.io/?t=%zz",
        "/engine.io/?t=%4",
        "/engine.io/?%=1",
        "/engine.io/?a=%C3",
        "/engine.io/?sid=abc&sid=abc&j=0&b64=1",
        "/engine.io/?EIO=4&transport=websocket&t=%41",
        "/engine.io/?=",
        "/engine.io/?&",
        "/engine.io/?é=ü&x=\u20ac",
        "/engine.io?EIO=4",
        "/?",
        ""
      })
  void decodesLikeNettysDecoder(String uri) {
    assertSameAsNetty(uri);
  }

  @Test
  void repeatedNamesKeepEveryValueInOrderAndTheFirstArrivalOrder() {
    Map<String, List<String>> params = QueryParameters.ofUri("/e/?b=1&a=2&b=3&a=&b=4");
    assertThat(params)
        .containsExactly(Map.entry("b", List.of("1", "3", "4")), Map.entry("a", List.of("2", "")));
  }

  @Test
  void aMalformedEscapeIsNullNotAnException() {
    assertThat(QueryParameters.ofUri("/engine.io/?EIO=4&t=%zz")).isNull();
    assertThat(QueryParameters.ofUri("/engine.io/?EIO=4&t=%")).isNull();
  }

  @Test
  void theRawPathIsTheUriBeforeItsQueryOrFragment() {
    assertThat(QueryParameters.ofUri("/engine.io/x%20y?EIO=4").rawPath())
        .isEqualTo("/engine.io/x%20y");
    assertThat(QueryParameters.ofUri("/engine.io/x#f?EIO=4").rawPath()).isEqualTo("/engine.io/x");
    assertThat(QueryParameters.ofUri("/engine.io/").rawPath()).isEqualTo("/engine.io/");
  }

  @Test
  void atMost1024PairsAreReadAndWhatFollowsIsIgnoredAsByNetty() {
    StringBuilder uri = new StringBuilder("/engine.io/?");
    for (int i = 0; i < 1100; i++) uri.append("p").append(i).append("=v&");
    uri.append("bad=%zz");
    Map<String, List<String>> params = QueryParameters.ofUri(uri.toString());
    assertThat(params).hasSize(QueryParameters.MAX_PAIRS);
    assertSameAsNetty(uri.toString());
    assertSameAsNetty("/e/?" + "a=1&".repeat(1100) + "b=2");
  }

  @Test
  void randomQueriesDecodeLikeNettysDecoder() {
    Random random = new Random(12);
    String alphabet = "ab=&;#%+2F4zé\u20ac";
    for (int round = 0; round < 20_000; round++) {
      StringBuilder uri = new StringBuilder("/engine.io/?");
      int n = random.nextInt(24);
      for (int i = 0; i < n; i++) uri.append(alphabet.charAt(random.nextInt(alphabet.length())));
      assertSameAsNetty(uri.toString());
    }
  }

  @Test
  void theMapBehavesAsAnOrdinaryMap() {
    Map<String, List<String>> params = QueryParameters.ofUri("/e/?EIO=4&transport=websocket");
    Map<String, List<String>> expected =
        Map.of("EIO", List.of("4"), "transport", List.of("websocket"));
    assertThat(params).isEqualTo(expected).hasSameHashCodeAs(expected);
    assertThat(params.containsKey("EIO")).isTrue();
    assertThat(params.containsKey("sid")).isFalse();
    assertThat(params.get("sid")).isNull();
    assertThat(params.keySet()).containsExactly("EIO", "transport");
    assertThat(QueryParameters.ofUri("/e/").isEmpty()).isTrue();
  }

  private static void assertSameAsNetty(String uri) {
    Map<String, List<String>> netty = QueryParameters.of(new QueryStringDecoder(uri));
    QueryParameters ours = QueryParameters.ofUri(uri);
    if (netty == null) {
      assertThat(ours).as(uri).isNull();
    } else {
      assertThat(ours).as(uri).isNotNull();
      assertThat(ours.entrySet()).as(uri).containsExactlyElementsOf(netty.entrySet());
      assertThat(ours.rawPath()).as(uri).isEqualTo(new QueryStringDecoder(uri).rawPath());
    }
  }
}
