import com.microsoft.graph.core.requests.BaseGraphRequestAdapter;
import com.microsoft.kiota.RequestAdapter;
import com.microsoft.kiota.authentication.AccessTokenProvider;
import com.microsoft.kiota.authentication.AllowedHostsValidator;
import com.microsoft.kiota.authentication.BaseBearerTokenAuthenticationProvider;
import java.net.URI;
import java.util.Map;

/**
 * The SDK's request adapter with a base URL and a static bearer token: what a bot does with the token
 * it got from Entra ID, and what points the SDK at the mock Graph. Kiota attaches the token only to the
 * base URL's host. Everything else (serializers, middleware, OkHttp) is the SDK's own.
 */
public final class GraphClients {
  private GraphClients() {}

  public static RequestAdapter adapter(String baseUrl, String token) {
    String host = URI.create(baseUrl).getHost();
    AccessTokenProvider tokens = new AccessTokenProvider() {
      private final AllowedHostsValidator hosts = new AllowedHostsValidator(host);

      @Override
      public String getAuthorizationToken(URI uri, Map<String, Object> context) {
        return hosts.isUrlHostValid(uri) ? token : "";
      }

      @Override
      public AllowedHostsValidator getAllowedHostsValidator() {
        return hosts;
      }
    };
    RequestAdapter adapter = new BaseGraphRequestAdapter(new BaseBearerTokenAuthenticationProvider(tokens));
    adapter.setBaseUrl(baseUrl);
    return adapter;
  }
}
