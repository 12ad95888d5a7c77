import com.microsoft.kiota.RequestAdapter;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.reflect.InvocationTargetException;
import java.nio.charset.StandardCharsets;

/**
 * Runs the documented Java snippets that compiled (generated classes snippets.S<n>, each a static
 * run(RequestAdapter) around one snippet) with an adapter pointed at the mock Graph.
 * stdin: lines "<key>\t<class>\t<token>\t<baseUrl>"; stdout: one JSON line per snippet.
 */
public final class SnippetHost {
  public static void main(String[] args) throws Exception {
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    for (String line = in.readLine(); line != null; line = in.readLine()) {
      String[] job = line.split("\t");
      if (job.length != 4) continue;
      String outcome = "ran";
      String message = null;
      try {
        RequestAdapter adapter = GraphClients.adapter(job[3], job[2]);
        Class.forName(job[1]).getMethod("run", RequestAdapter.class).invoke(null, adapter);
      } catch (InvocationTargetException e) {
        outcome = "run-error";
        message = e.getCause().getClass().getName() + ": " + e.getCause().getMessage();
      } catch (Exception e) {
        outcome = "run-error";
        message = e.getClass().getName() + ": " + e.getMessage();
      }
      System.out.println("{\"key\":" + Json.quote(job[0]) + ",\"outcome\":\"" + outcome + "\"" + (message == null ? "" : ",\"message\":" + Json.quote(message)) + "}");
      System.out.flush();
    }
    System.exit(0);
  }
}
