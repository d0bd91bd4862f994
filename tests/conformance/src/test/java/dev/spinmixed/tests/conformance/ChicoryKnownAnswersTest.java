package dev.spinmixed.tests.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.spinmixed.linker.ExecutionMode;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * The host under test on its own: the core modules on Chicory give the answers written down in
 * {@link KnownAnswers}.
 */
class ChicoryKnownAnswersTest {

    @ParameterizedTest
    @FieldSource("dev.spinmixed.tests.conformance.Guests#WORLDS")
    void coreModuleOnChicoryGivesTheKnownAnswers(String world) throws Exception {
        List<KnownAnswers.Answer> answers = KnownAnswers.of(world);
        List<Outcome> outcomes;
        try (ChicoryHost chicory = ChicoryHost.start(world, ExecutionMode.INTERPRETER)) {
            outcomes = chicory.run(answers.stream().map(KnownAnswers.Answer::call).toList());
        }
        for (int i = 0; i < answers.size(); i++) {
            KnownAnswers.Answer answer = answers.get(i);
            assertEquals(
                    answer.expected(),
                    outcomes.get(i).toString(),
                    () -> answer.call().target().describe() + " with " + answer.call().args());
        }
    }
}
