package dev.spinmixed.tests.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** One call of an exported function with arguments in canonical JSON form ({@link ValueJson}). */
record Call(ExportedFunction target, List<JsonNode> args) {

    Call {
        args = List.copyOf(args);
    }
}
