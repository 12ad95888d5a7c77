/*
 * The SDK defect the Java bot works around (README.md): a Map in a model's additional data is not written. Kiota's
 * JsonSerializationWriter writes the key, has no case for a Map value, and gson then throws "Dangling name" when the
 * object closes. suites/implementations/sdk-defects.test.ts runs this and expects exactly that failure, so the day the
 * SDK writes the map the test fails and the README (and the bot's workaround) can go.
 */
import com.microsoft.graph.models.IdentitySet;
import com.microsoft.kiota.serialization.JsonSerializationWriter;
import java.util.Map;

public final class MapInAdditionalData {
  public static void main(String[] args) throws Exception {
    IdentitySet set = new IdentitySet();
    set.setAdditionalData(Map.of("phone", Map.of("id", "+12345678901")));
    JsonSerializationWriter writer = new JsonSerializationWriter();
    writer.writeObjectValue(null, set);
    System.out.println(new String(writer.getSerializedContent().readAllBytes()));
  }
}
