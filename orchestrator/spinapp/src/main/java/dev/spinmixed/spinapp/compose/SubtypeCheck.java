package dev.spinmixed.spinapp.compose;

import dev.spinmixed.wit.ComponentType;
import dev.spinmixed.wit.Function;
import dev.spinmixed.wit.Interface;
import dev.spinmixed.wit.WitType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Whether a dependency's export may satisfy an import, as Spin decides it with wac-types 0.8's
 * {@code SubtypeChecker} (wac v0.8.1 {@code crates/wac-types/src/checker.rs}): the exported
 * instance must have every type and function the imported one lists (it may have more); functions
 * must be equal, parameter names included; value types are compared by structure (field, case and
 * flag names and their order count, type names do not). The problem reads as wac's error chain,
 * outermost first, with "expected" the import's side and "found" the export's.
 */
final class SubtypeCheck {

    private SubtypeCheck() {}

    /** The reasons the export is not a subtype of the import, outermost first; empty if it is. */
    static List<String> problems(ComponentType.Item export, ComponentType.Item imported) {
        List<String> chain = new ArrayList<>();
        item(export, imported, chain);
        return chain;
    }

    private static boolean item(
            ComponentType.Item found, ComponentType.Item expected, List<String> chain) {
        if (found instanceof ComponentType.Item.InstanceItem a
                && expected instanceof ComponentType.Item.InstanceItem b) {
            return instance(a.iface(), b.iface(), chain);
        }
        if (found instanceof ComponentType.Item.FunctionItem a
                && expected instanceof ComponentType.Item.FunctionItem b) {
            return function(a.function(), b.function(), chain);
        }
        chain.add("expected " + kind(expected) + ", found " + kind(found));
        return false;
    }

    private static String kind(ComponentType.Item item) {
        return item instanceof ComponentType.Item.InstanceItem ? "instance" : "function";
    }

    private static boolean instance(Interface found, Interface expected, List<String> chain) {
        for (Map.Entry<String, WitType> type : expected.types().entrySet()) {
            WitType actual = found.types().get(type.getKey());
            if (actual == null) {
                chain.add("instance is missing expected type export `" + type.getKey() + "`");
                return false;
            }
            chain.add("mismatched type for export `" + type.getKey() + "`");
            if (!value(actual, type.getValue(), chain)) {
                return false;
            }
            chain.remove(chain.size() - 1);
        }
        for (Function function : expected.functions()) {
            Optional<Function> actual = found.function(function.name());
            if (actual.isEmpty()) {
                chain.add("instance is missing expected function export `" + function.name() + "`");
                return false;
            }
            chain.add("mismatched type for export `" + function.name() + "`");
            if (!function(actual.get(), function, chain)) {
                return false;
            }
            chain.remove(chain.size() - 1);
        }
        return true;
    }

    private static boolean function(Function found, Function expected, List<String> chain) {
        if (found.params().size() != expected.params().size()) {
            chain.add(
                    "expected function with parameter count "
                            + expected.params().size()
                            + ", found parameter count "
                            + found.params().size());
            return false;
        }
        for (int i = 0; i < expected.params().size(); i++) {
            Function.Param e = expected.params().get(i);
            Function.Param f = found.params().get(i);
            if (!e.name().equals(f.name())) {
                chain.add(
                        "expected function parameter "
                                + i
                                + " to be named `"
                                + e.name()
                                + "`, found name `"
                                + f.name()
                                + "`");
                return false;
            }
            chain.add("mismatched type for function parameter `" + e.name() + "`");
            if (!value(f.type(), e.type(), chain)) {
                return false;
            }
            chain.remove(chain.size() - 1);
        }
        if (found.result().isPresent() && expected.result().isPresent()) {
            chain.add("mismatched type for function result");
            if (!value(found.result().get(), expected.result().get(), chain)) {
                return false;
            }
            chain.remove(chain.size() - 1);
            return true;
        }
        if (found.result().isPresent() != expected.result().isPresent()) {
            chain.add(
                    expected.result().isPresent()
                            ? "expected function with a result, found function without a result"
                            : "expected function without a result, found function with a result");
            return false;
        }
        return true;
    }

    private static boolean value(WitType found, WitType expected, List<String> chain) {
        return expected.accept(new ValueCheck(found, chain));
    }

    /** Dispatches on the expected type, then requires the found type to be of the same kind. */
    private static final class ValueCheck implements WitType.Visitor<Boolean> {
        private final WitType found;
        private final List<String> chain;

        ValueCheck(WitType found, List<String> chain) {
            this.found = found;
            this.chain = chain;
        }

        private boolean mismatch(WitType expected) {
            chain.add("expected " + describe(expected) + ", found " + describe(found));
            return false;
        }

        private boolean nested(WitType f, WitType e, String context) {
            chain.add(context);
            if (!value(f, e, chain)) {
                return false;
            }
            chain.remove(chain.size() - 1);
            return true;
        }

        @Override
        public Boolean primitive(WitType.Primitive type) {
            return found == type || mismatch(type);
        }

        @Override
        public Boolean list(WitType.ListType type) {
            return found instanceof WitType.ListType f
                    ? nested(f.element(), type.element(), "mismatched type for list element")
                    : mismatch(type);
        }

        @Override
        public Boolean option(WitType.OptionType type) {
            return found instanceof WitType.OptionType f
                    ? nested(f.some(), type.some(), "mismatched type for option")
                    : mismatch(type);
        }

        @Override
        public Boolean result(WitType.ResultType type) {
            if (!(found instanceof WitType.ResultType f)) {
                return mismatch(type);
            }
            return side("ok", f.ok(), type.ok()) && side("err", f.err(), type.err());
        }

        private boolean side(String name, Optional<WitType> f, Optional<WitType> e) {
            if (f.isPresent() && e.isPresent()) {
                return nested(f.get(), e.get(), "mismatched type for result `" + name + "`");
            }
            if (f.isPresent() != e.isPresent()) {
                chain.add(
                        e.isPresent()
                                ? "expected an `" + name + "` for result type"
                                : "expected no `" + name + "` for result type");
                return false;
            }
            return true;
        }

        @Override
        public Boolean tuple(WitType.TupleType type) {
            if (!(found instanceof WitType.TupleType f)) {
                return mismatch(type);
            }
            if (f.types().size() != type.types().size()) {
                chain.add(
                        "expected a tuple of size "
                                + type.types().size()
                                + ", found a tuple of size "
                                + f.types().size());
                return false;
            }
            for (int i = 0; i < type.types().size(); i++) {
                if (!nested(
                        f.types().get(i),
                        type.types().get(i),
                        "mismatched type for tuple item " + i)) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public Boolean record(WitType.RecordType type) {
            if (!(found instanceof WitType.RecordType f)) {
                return mismatch(type);
            }
            if (f.fields().size() != type.fields().size()) {
                chain.add(
                        "expected a record field count of "
                                + type.fields().size()
                                + ", found a count of "
                                + f.fields().size());
                return false;
            }
            for (int i = 0; i < type.fields().size(); i++) {
                WitType.Field e = type.fields().get(i);
                WitType.Field a = f.fields().get(i);
                if (!e.name().equals(a.name())) {
                    chain.add(
                            "expected record field "
                                    + i
                                    + " to be named `"
                                    + e.name()
                                    + "`, found a field named `"
                                    + a.name()
                                    + "`");
                    return false;
                }
                if (!nested(
                        a.type(),
                        e.type(),
                        "mismatched type for record field `" + e.name() + "`")) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public Boolean variant(WitType.VariantType type) {
            if (!(found instanceof WitType.VariantType f)) {
                return mismatch(type);
            }
            if (f.cases().size() != type.cases().size()) {
                chain.add(
                        "expected a variant case count of "
                                + type.cases().size()
                                + ", found a count of "
                                + f.cases().size());
                return false;
            }
            for (int i = 0; i < type.cases().size(); i++) {
                WitType.Case e = type.cases().get(i);
                WitType.Case a = f.cases().get(i);
                if (!e.name().equals(a.name())) {
                    chain.add(
                            "expected variant case "
                                    + i
                                    + " to be named `"
                                    + e.name()
                                    + "`, found a case named `"
                                    + a.name()
                                    + "`");
                    return false;
                }
                if (e.type().isPresent() && a.type().isPresent()) {
                    if (!nested(
                            a.type().get(),
                            e.type().get(),
                            "mismatched type for variant case `" + e.name() + "`")) {
                        return false;
                    }
                } else if (e.type().isPresent() != a.type().isPresent()) {
                    chain.add(
                            "expected variant case `"
                                    + e.name()
                                    + (e.type().isPresent()
                                            ? "` to be typed, found an untyped case"
                                            : "` to be untyped, found a typed case"));
                    return false;
                }
            }
            return true;
        }

        @Override
        public Boolean enumType(WitType.EnumType type) {
            if (!(found instanceof WitType.EnumType f)) {
                return mismatch(type);
            }
            return sameNames(
                    "an enum type case", "enum case", "an enum case", type.cases(), f.cases());
        }

        @Override
        public Boolean flags(WitType.FlagsType type) {
            if (!(found instanceof WitType.FlagsType f)) {
                return mismatch(type);
            }
            return sameNames("a flags type flag", "flag", "a flag", type.flags(), f.flags());
        }

        private boolean sameNames(
                String countWhat,
                String item,
                String foundItem,
                List<String> expected,
                List<String> actual) {
            if (expected.size() != actual.size()) {
                chain.add(
                        "expected "
                                + countWhat
                                + " count of "
                                + expected.size()
                                + ", found a count of "
                                + actual.size());
                return false;
            }
            for (int i = 0; i < expected.size(); i++) {
                if (!expected.get(i).equals(actual.get(i))) {
                    chain.add(
                            "expected "
                                    + item
                                    + " "
                                    + i
                                    + " to be named `"
                                    + expected.get(i)
                                    + "`, found "
                                    + foundItem
                                    + " named `"
                                    + actual.get(i)
                                    + "`");
                    return false;
                }
            }
            return true;
        }
    }

    /** wac's description of a value type: a primitive's name, else the kind of defined type. */
    private static String describe(WitType type) {
        return type.accept(
                new WitType.Visitor<>() {
                    @Override
                    public String primitive(WitType.Primitive t) {
                        return t.witName();
                    }

                    @Override
                    public String list(WitType.ListType t) {
                        return "list";
                    }

                    @Override
                    public String option(WitType.OptionType t) {
                        return "option";
                    }

                    @Override
                    public String result(WitType.ResultType t) {
                        return "result";
                    }

                    @Override
                    public String tuple(WitType.TupleType t) {
                        return "tuple";
                    }

                    @Override
                    public String record(WitType.RecordType t) {
                        return "record";
                    }

                    @Override
                    public String variant(WitType.VariantType t) {
                        return "variant";
                    }

                    @Override
                    public String enumType(WitType.EnumType t) {
                        return "enum";
                    }

                    @Override
                    public String flags(WitType.FlagsType t) {
                        return "flags";
                    }
                });
    }
}
