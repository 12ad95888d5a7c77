import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.microsoft.graph.models.Call;
import com.microsoft.graph.models.ContentSharingSession;
import com.microsoft.graph.models.DeltaParticipants;
import com.microsoft.graph.models.Participant;
import com.microsoft.graph.models.ResultInfo;
import com.microsoft.graph.models.odataerrors.ODataError;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.kiota.serialization.JsonParseNode;
import com.microsoft.kiota.serialization.Parsable;
import com.microsoft.kiota.serialization.ParsableFactory;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;

/**
 * A calling bot built on the official Microsoft Graph SDK for Java (com.microsoft.graph:microsoft-graph), speaking
 * PROTOCOL.md: requests are the SDK's models (Requests) sent by its GraphServiceClient; notifications are parsed with
 * the SDK's models through Kiota's JSON parse node; what the bot believes follows PROTOCOL.md's rules (CallState).
 *
 *   scripts/setup-toolchains.sh && implementations/sdk-java/run-bot.sh
 */
public final class CallingBot {
  private static final Gson GSON = new GsonBuilder().serializeNulls().create();
  private final Map<String, CallState> calls = new HashMap<>();
  private GraphServiceClient client;
  private NotificationTokens tokens;
  private String ownTenant;
  /** The tenant of each call the bot created: its notifications must carry that tenant. */
  private final Map<String, String> callTenants = new HashMap<>();
  private String callbackUri;
  private String callbackUrl;

  private static void log(String message) {
    System.err.println("[sdk-java-bot] " + message);
  }

  private synchronized CallState call(String id) {
    return calls.computeIfAbsent(id, k -> new CallState());
  }

  // ---- notifications ----------------------------------------------------------------------------------------------

  /** One JSON value as an SDK model, through Kiota's JSON parse node; null when the SDK cannot read it (logged). */
  private static <T extends Parsable> T parse(JsonElement value, ParsableFactory<T> factory, String what) {
    try {
      return new JsonParseNode(value).getObjectValue(factory);
    } catch (RuntimeException e) {
      log("the SDK could not parse a " + what + ": " + e);
      return null;
    }
  }

  private static Long number(Object v) {
    if (v instanceof Number) return ((Number) v).longValue();
    if (v instanceof com.microsoft.kiota.serialization.UntypedNode) {
      Object value = ((com.microsoft.kiota.serialization.UntypedNode) v).getValue();
      if (value instanceof Number) return ((Number) value).longValue();
    }
    return null;
  }

  private static String text(Object v) {
    if (v instanceof String) return (String) v;
    if (v instanceof com.microsoft.kiota.serialization.UntypedNode) {
      Object value = ((com.microsoft.kiota.serialization.UntypedNode) v).getValue();
      if (value instanceof String) return (String) value;
    }
    return null;
  }

  private static boolean isDelta(JsonElement item) {
    if (!item.isJsonObject()) return false;
    JsonObject o = item.getAsJsonObject();
    String type = Requests.str(o, "@odata.type");
    if (type != null && type.toLowerCase(Locale.ROOT).endsWith("deltaparticipants")) return true;
    return o.has("participants") && o.has("sequenceNumber");
  }

  private synchronized void route(JsonObject notification) {
    String resource = Requests.str(notification, "resourceUrl");
    String changeType = Requests.str(notification, "changeType");
    JsonElement data = notification.get("resourceData");
    if (resource == null) return;
    String path = resource.split("[?#]", 2)[0];
    List<String> segments = new ArrayList<>();
    for (String s : path.split("/")) if (!s.isEmpty()) segments.add(URLDecoder.decode(s, StandardCharsets.UTF_8));
    int at = -1;
    for (int i = 0; i < segments.size(); i++) if (segments.get(i).equalsIgnoreCase("calls")) { at = i; break; }
    if (at < 0 || at + 1 >= segments.size()) {
      log("ignored a notification for " + resource);
      return;
    }
    CallState call = call(segments.get(at + 1));
    List<String> rest = segments.subList(at + 2, segments.size());
    String collection = rest.isEmpty() ? "" : rest.get(0).toLowerCase(Locale.ROOT);
    switch (collection) {
      case "": {
        String state = null;
        Map<String, Object> result = null;
        String reason = null;
        Call model = data != null && data.isJsonObject() ? parse(data, Call::createFromDiscriminatorValue, "call") : null;
        if (model != null) {
          if (model.getState() != null) state = model.getState().getValue();
          ResultInfo info = model.getResultInfo();
          if (info != null && info.getCode() != null) {
            result = new LinkedHashMap<>();
            result.put("code", info.getCode());
            // subCode (the docs' other spelling) is not in the model: it lands in the additional data.
            result.put("subcode", info.getSubcode() != null ? Long.valueOf(info.getSubcode()) : number(info.getAdditionalData().get("subCode")));
          }
          reason = text(model.getAdditionalData().get("terminationReason")); // not in the v1.0 model
        }
        call.applyCall(changeType, state, result, reason);
        break;
      }
      case "participants": {
        if (rest.size() > 1) {
          call.applyParticipant(changeType, rest.get(1));
          break;
        }
        if (data == null || !data.isJsonArray()) break; // a roster is always an array
        boolean anyDelta = false;
        Map<String, Long> full = new LinkedHashMap<>();
        for (JsonElement item : data.getAsJsonArray()) {
          if (isDelta(item)) {
            anyDelta = true;
            DeltaParticipants delta = parse(item, DeltaParticipants::createFromDiscriminatorValue, "deltaParticipants");
            if (delta == null || delta.getParticipants() == null) continue;
            for (Participant p : delta.getParticipants()) {
              if (p.getId() == null) continue;
              Long sequence = p.getRosterSequenceNumber() != null ? p.getRosterSequenceNumber() : delta.getSequenceNumber();
              call.applyDeltaParticipant(p.getId(), sequence, p.getRemovedState() != null);
            }
          } else {
            Participant p = parse(item, Participant::createFromDiscriminatorValue, "participant");
            if (p != null && p.getId() != null) full.put(p.getId(), p.getRosterSequenceNumber());
          }
        }
        if (!anyDelta) call.replaceRoster(full);
        break;
      }
      case "contentsharingsessions": {
        List<String> ids = new ArrayList<>();
        JsonArray items = new JsonArray();
        if (data != null && data.isJsonArray()) items = data.getAsJsonArray();
        else if (data != null && data.isJsonObject()) items.add(data);
        for (JsonElement item : items) {
          ContentSharingSession s = parse(item, ContentSharingSession::createFromDiscriminatorValue, "contentSharingSession");
          if (s != null && s.getId() != null) ids.add(s.getId());
        }
        if (ids.isEmpty() && rest.size() > 1) ids.add(rest.get(1));
        call.applySharing(changeType, ids);
        break;
      }
      default:
        log("ignored a notification about " + String.join("/", rest));
    }
  }

  private void serve(HttpExchange exchange) {
    try (exchange) {
      int status = 202;
      try {
        if (!"POST".equals(exchange.getRequestMethod())) {
          status = 405;
        } else {
          InputStream in = exchange.getRequestBody();
          byte[] raw = in.readNBytes(10 << 20);
          JsonElement body = JsonParser.parseString(new String(raw, StandardCharsets.UTF_8));
          status = authenticate(exchange.getRequestHeaders().getFirst("Authorization"), body);
          if (status != 202) {
            // refused: nothing applied
          } else if (!body.isJsonObject() || !body.getAsJsonObject().has("value") || !body.getAsJsonObject().get("value").isJsonArray()) {
            status = 400;
          } else {
            for (JsonElement n : body.getAsJsonObject().getAsJsonArray("value")) {
              try {
                if (n.isJsonObject()) route(n.getAsJsonObject());
              } catch (RuntimeException e) { // one odd element must not stop the others
                log("skipped a notification: " + e);
              }
            }
          }
        }
      } catch (RuntimeException e) {
        status = 400;
      }
      exchange.sendResponseHeaders(status, -1);
    } catch (java.io.IOException e) {
      log("callback: " + e);
    }
  }

  /** 202 when the token is Graph's, for this bot, and for the tenant of every call the body names; else 401/403. */
  private int authenticate(String authorization, JsonElement body) {
    NotificationTokens verifier;
    synchronized (this) {
      verifier = tokens;
    }
    if (verifier == null) return 202; // a harness that does not sign notifications (no appId in start)
    try {
      String tid = verifier.verify(authorization);
      if (body.isJsonObject() && body.getAsJsonObject().has("value") && body.getAsJsonObject().get("value").isJsonArray()) {
        for (JsonElement n : body.getAsJsonObject().getAsJsonArray("value")) {
          String resource = n.isJsonObject() ? Requests.str(n.getAsJsonObject(), "resourceUrl") : null;
          java.util.regex.Matcher m = resource == null ? null : java.util.regex.Pattern.compile("(?i)/calls/([^/?#]+)").matcher(resource);
          String tenant;
          synchronized (this) {
            tenant = m != null && m.find() ? callTenants.get(URLDecoder.decode(m.group(1), StandardCharsets.UTF_8)) : null;
          }
          if (tenant != null && !tenant.equals(tid)) throw new NotificationTokens.Refused(403, "the token is for tenant " + tid + ", the call is in " + tenant);
        }
      }
      return 202;
    } catch (NotificationTokens.Refused refused) {
      log("refused a notification (" + refused.status + "): " + refused.getMessage());
      return refused.status;
    }
  }

  // ---- protocol methods -------------------------------------------------------------------------------------------

  private static RuntimeException graphError(RuntimeException e) {
    if (e instanceof ODataError) {
      ODataError odata = (ODataError) e;
      String message = odata.getError() != null ? odata.getError().getMessage() : odata.getMessage();
      return new RuntimeException("Graph refused the request: " + odata.getResponseStatusCode() + " " + message);
    }
    return new RuntimeException("Graph request failed: " + e);
  }

  private Object handle(String method, JsonObject params) throws Exception {
    switch (method) {
      case "start": {
        String base = Requests.str(params, "graphBaseUrl");
        String token = Requests.str(params, "accessToken");
        callbackUri = Requests.str(params, "callbackUri");
        if (base == null || token == null || callbackUri == null) throw new IllegalArgumentException("start: graphBaseUrl, accessToken and callbackUri are required");
        client = new GraphServiceClient(GraphClients.adapter(base, token));
        String appId = Requests.str(params, "appId");
        String configuration = Requests.str(params, "openIdConfigurationUrl");
        synchronized (this) {
          tokens = appId != null && configuration != null ? new NotificationTokens(appId, configuration) : null;
          ownTenant = Requests.str(params, "tenantId");
        }
        if (callbackUrl == null) {
          HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
          server.createContext("/api/calls", this::serve);
          server.setExecutor(Executors.newFixedThreadPool(4, r -> { Thread t = new Thread(r); t.setDaemon(true); return t; }));
          server.start();
          callbackUrl = "http://127.0.0.1:" + server.getAddress().getPort() + "/api/calls";
        }
        return Map.of("callbackUrl", callbackUrl);
      }
      case "createCall": {
        if (client == null) throw new IllegalStateException("start must be called first");
        Call created;
        try {
          created = client.communications().calls().post(Requests.call(Requests.object(params, "intent"), callbackUri));
        } catch (RuntimeException e) {
          throw graphError(e);
        }
        if (created == null || created.getId() == null) throw new IllegalStateException("Graph created the call but the SDK's Call has no id");
        call(created.getId());
        // The call's tenant: Graph's answer says it; else the request's, else the bot's own.
        String tenant = created.getTenantId() != null ? created.getTenantId() : Requests.str(Requests.object(params, "intent"), "tenantId");
        synchronized (this) {
          callTenants.put(created.getId(), tenant != null ? tenant : ownTenant);
        }
        return Map.of("callId", created.getId());
      }
      case "transfer": {
        if (client == null) throw new IllegalStateException("start must be called first");
        String callId = Requests.str(params, "callId");
        if (callId == null || callId.isEmpty()) throw new IllegalArgumentException("transfer: callId must be a non-empty string");
        try {
          client.communications().calls().byCallId(callId).transfer().post(Requests.transfer(Requests.object(params, "intent")));
        } catch (RuntimeException e) {
          throw graphError(e);
        }
        synchronized (this) {
          call(callId).transferRequested = true;
        }
        return Map.of();
      }
      case "observe": {
        String callId = Requests.str(params, "callId");
        synchronized (this) {
          CallState c = calls.get(callId);
          return (c != null ? c : new CallState()).observation();
        }
      }
      case "stop":
        return Map.of();
      default:
        throw new IllegalArgumentException("unknown method " + method);
    }
  }

  public static void main(String[] args) throws Exception {
    if (args.length > 0 && args[0].equals("--version")) {
      System.out.println("sdk-java-bot (com.microsoft.graph:microsoft-graph, see implementations/sdk-java/pom.xml)");
      return;
    }
    PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true, StandardCharsets.UTF_8);
    System.setOut(System.err); // nothing but responses on stdout, whatever a library prints
    CallingBot bot = new CallingBot();
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    for (String line = in.readLine(); line != null; line = in.readLine()) {
      JsonObject request;
      try {
        request = JsonParser.parseString(line).getAsJsonObject();
      } catch (RuntimeException e) {
        log("ignored a line that is not JSON");
        continue;
      }
      if (!request.has("id") || !request.get("id").isJsonPrimitive()) continue;
      long id = request.get("id").getAsLong();
      String method = Requests.str(request, "method");
      Map<String, Object> response = new LinkedHashMap<>();
      response.put("id", id);
      try {
        if (!request.has("protocol") || request.get("protocol").getAsInt() != 1) throw new IllegalArgumentException("unsupported protocol; this bot speaks 1");
        JsonObject params = Requests.object(request, "params");
        response.put("result", bot.handle(method == null ? "" : method, params == null ? new JsonObject() : params));
      } catch (Exception e) {
        response.put("error", Map.of("message", String.valueOf(e.getMessage())));
      }
      out.println(GSON.toJson(response));
      if ("stop".equals(method) && response.containsKey("result")) break;
    }
    System.exit(0);
  }
}
