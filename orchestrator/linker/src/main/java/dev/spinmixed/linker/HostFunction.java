package dev.spinmixed.linker;

import java.util.List;

/**
 * A contract import implemented in Java. It receives the lifted arguments (see {@link
 * dev.spinmixed.abi.ValueModel}) and returns the result value, or null for a function without a
 * result. Throwing fails the guest's call with a {@link GuestFault}.
 */
@FunctionalInterface
public interface HostFunction {

    Object call(List<Object> args);
}
