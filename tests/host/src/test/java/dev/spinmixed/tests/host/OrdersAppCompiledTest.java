package dev.spinmixed.tests.host;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.spinmixed.linker.ExecutionMode;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** `up --mode compiled` (the CLI's default): the same answers as the interpreter. */
class OrdersAppCompiledTest {

    @Test
    void compiledGuestsAnswerLikeInterpretedOnes() throws Exception {
        ObjectMapper json = new ObjectMapper();
        try (RunningApp app = RunningApp.orders(Optional.empty(), ExecutionMode.COMPILED)) {
            var accepted = app.post("/orders", OrdersAppEndToEndTest.ORDER);
            assertEquals(200, accepted.statusCode(), accepted.body());
            assertEquals(4759, json.readTree(accepted.body()).get("totalCents").asLong());
            var rejected =
                    app.post(
                            "/orders", OrdersAppEndToEndTest.ORDER.replace("MUG-0001", "BTL-0007"));
            assertEquals(422, rejected.statusCode(), rejected.body());
            assertEquals("reserve", json.readTree(rejected.body()).get("step").asText());
            assertEquals(
                    "order-completed",
                    json.readTree(new String(app.app.sink().events().get(0).payload()))
                            .get("event")
                            .asText());
        }
    }
}
