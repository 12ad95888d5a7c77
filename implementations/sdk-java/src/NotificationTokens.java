import com.google.gson.JsonParser;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Set;

/**
 * Notification tokens (PROTOCOL.md "Notification tokens") with nimbus-jose-jwt: Graph's keys from the OpenID
 * configuration's jwks_uri (JWKSourceBuilder: cached, refetched on an unknown kid, rate-limited), RS256 only, the
 * signature, the audience, exp/nbf with 5 minutes of skew, a tid, and one of Graph's two issuers.
 */
final class NotificationTokens {
  static final Set<String> ISSUERS = Set.of("https://graph.microsoft.com", "https://api.botframework.com");

  /** A refused token: the status to answer (401, or 403 for another tenant) and why. */
  static final class Refused extends Exception {
    final int status;

    Refused(int status, String why) {
      super(why);
      this.status = status;
    }
  }

  private final String configurationUrl;
  private final String appId;
  private DefaultJWTProcessor<SecurityContext> processor;

  NotificationTokens(String appId, String configurationUrl) {
    this.appId = appId;
    this.configurationUrl = configurationUrl;
  }

  private synchronized DefaultJWTProcessor<SecurityContext> processor() throws Exception {
    if (processor == null) {
      HttpResponse<String> configuration = HttpClient.newHttpClient().send(
          HttpRequest.newBuilder(URI.create(configurationUrl)).timeout(Duration.ofSeconds(4)).GET().build(), HttpResponse.BodyHandlers.ofString());
      URL jwksUri = URI.create(JsonParser.parseString(configuration.body()).getAsJsonObject().get("jwks_uri").getAsString()).toURL();
      JWKSource<SecurityContext> keys = JWKSourceBuilder.create(jwksUri).rateLimited(1_000).build();
      DefaultJWTProcessor<SecurityContext> p = new DefaultJWTProcessor<>();
      p.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, keys));
      DefaultJWTClaimsVerifier<SecurityContext> claims = new DefaultJWTClaimsVerifier<>(appId, null, Set.of("exp", "iss", "aud", "tid"));
      claims.setMaxClockSkew(300);
      p.setJWTClaimsSetVerifier(claims);
      processor = p;
    }
    return processor;
  }

  /** The token's tenant (tid), or Refused. */
  String verify(String authorization) throws Refused {
    String[] parts = authorization == null ? new String[0] : authorization.trim().split("\\s+");
    if (parts.length != 2 || !parts[0].equalsIgnoreCase("bearer")) throw new Refused(401, "no bearer token");
    JWTClaimsSet claims;
    try {
      claims = processor().process(parts[1], null);
    } catch (Exception e) {
      throw new Refused(401, e.getClass().getSimpleName() + ": " + e.getMessage());
    }
    if (!ISSUERS.contains(claims.getIssuer())) throw new Refused(401, "issuer " + claims.getIssuer());
    Object tid = claims.getClaim("tid");
    if (!(tid instanceof String) || ((String) tid).isEmpty()) throw new Refused(401, "no tenant claim");
    return (String) tid;
  }
}
