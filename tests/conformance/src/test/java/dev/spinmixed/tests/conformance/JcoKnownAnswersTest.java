package dev.spinmixed.tests.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * The independent host on its own: the jco-transpiled guests give the answers written down in
 * {@link KnownAnswers}.
 */
class JcoKnownAnswersTest {

    @ParameterizedTest
    @FieldSource("dev.spinmixed.tests.conformance.Guests#WORLDS")
    void transpiledGuestGivesTheKnownAnswers(String world) throws Exception {
        List<KnownAnswers.Answer> answers = KnownAnswers.of(world);
        assertFalse(answers.isEmpty(), "no known answers for " + world);
        List<Outcome> outcomes =
                JcoHost.run(world, answers.stream().map(KnownAnswers.Answer::call).toList());
        for (int i = 0; i < answers.size(); i++) {
            KnownAnswers.Answer answer = answers.get(i);
            assertEquals(
                    answer.expected(),
                    outcomes.get(i).toString(),
                    () -> answer.call().target().describe() + " with " + answer.call().args());
        }
    }
}
