package dev.spinmixed.tests.stack;

import com.google.common.collect.ImmutableMap;
import com.google.protobuf.Empty;
import com.google.protobuf.ListValue;
import com.google.protobuf.NullValue;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import com.pulumi.test.Mocks;
import dev.spinmixed.infra.plan.ProviderMocks;
import io.grpc.Server;
import io.grpc.ServerBuilder;
import io.grpc.stub.StreamObserver;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import pulumirpc.EngineGrpc;
import pulumirpc.EngineOuterClass.GetRootResourceRequest;
import pulumirpc.EngineOuterClass.GetRootResourceResponse;
import pulumirpc.EngineOuterClass.LogRequest;
import pulumirpc.EngineOuterClass.LogSeverity;
import pulumirpc.EngineOuterClass.SetRootResourceRequest;
import pulumirpc.EngineOuterClass.SetRootResourceResponse;
import pulumirpc.Resource.RegisterResourceOutputsRequest;
import pulumirpc.Resource.RegisterResourceRequest;
import pulumirpc.Resource.RegisterResourceResponse;
import pulumirpc.Resource.ResourceInvokeRequest;
import pulumirpc.Resource.ResourceInvokeResponse;
import pulumirpc.Resource.SupportsFeatureRequest;
import pulumirpc.Resource.SupportsFeatureResponse;

/**
 * Plays the Pulumi engine for a program started the way the Java language host starts it: a gRPC
 * server with the engine's two services (pulumi/pulumi {@code proto/pulumi/resource.proto} and
 * {@code engine.proto}), whose address goes to the program in {@code PULUMI_MONITOR} and {@code
 * PULUMI_ENGINE}. Resources and invokes are answered by {@link ProviderMocks}, the same stand-in
 * for Azure, Docker and Kubernetes as the other stack tests; the engine records what the program
 * registered, the stack outputs and every log line.
 */
final class FakeEngine implements AutoCloseable {
    static final String STACK_TYPE = "pulumi:pulumi:Stack";

    /**
     * One registered resource: type, name, the URN the engine gave it, its parent's and the inputs
     * whose changes the engine is to ignore.
     */
    record Registered(
            String type, String name, String urn, String parentUrn, List<String> ignoreChanges) {}

    private final String project;
    private final String stack;
    private final ProviderMocks mocks;
    private final Server server;
    private final List<Registered> registered = new ArrayList<>();
    private final Map<String, String> qualifiedTypes = new HashMap<>();
    private final Map<String, Map<String, Object>> outputs = new LinkedHashMap<>();
    private final List<String> logs = new ArrayList<>();
    private final List<String> errors = new ArrayList<>();
    private String rootUrn = "";

    FakeEngine(String project, String stack, ProviderMocks mocks) {
        this.project = project;
        this.stack = stack;
        this.mocks = mocks;
        this.server =
                ServerBuilder.forPort(0).addService(new Monitor()).addService(new Engine()).build();
        try {
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the fake engine", e);
        }
    }

    /** {@code host:port} for {@code PULUMI_MONITOR} and {@code PULUMI_ENGINE}. */
    String address() {
        return "127.0.0.1:" + server.getPort();
    }

    synchronized List<Registered> registered() {
        return List.copyOf(registered);
    }

    /** The outputs the program registered for the resource with this URN. */
    synchronized Map<String, Object> outputsOf(String urn) {
        return outputs.getOrDefault(urn, Map.of());
    }

    synchronized List<String> logs() {
        return List.copyOf(logs);
    }

    synchronized List<String> errors() {
        return List.copyOf(errors);
    }

    synchronized String rootUrn() {
        return rootUrn;
    }

    @Override
    public void close() throws InterruptedException {
        server.shutdownNow().awaitTermination(10, TimeUnit.SECONDS);
    }

    private synchronized String register(RegisterResourceRequest request) {
        String parentType = qualifiedTypes.get(request.getParent());
        // The root stack is left out of its children's URNs, as the engine does.
        String qualified =
                parentType == null || parentType.equals(STACK_TYPE)
                        ? request.getType()
                        : parentType + "$" + request.getType();
        String urn =
                "urn:pulumi:"
                        + stack
                        + "::"
                        + project
                        + "::"
                        + qualified
                        + "::"
                        + request.getName();
        qualifiedTypes.put(urn, qualified);
        registered.add(
                new Registered(
                        request.getType(),
                        request.getName(),
                        urn,
                        request.getParent(),
                        List.copyOf(request.getIgnoreChangesList())));
        if (request.getType().equals(STACK_TYPE) && rootUrn.isEmpty()) {
            rootUrn = urn;
        }
        return urn;
    }

    private final class Monitor extends pulumirpc.ResourceMonitorGrpc.ResourceMonitorImplBase {
        @Override
        public void supportsFeature(
                SupportsFeatureRequest request, StreamObserver<SupportsFeatureResponse> response) {
            // Secrets only: inputs and outputs then travel as plain values and secret wrappers.
            reply(
                    response,
                    SupportsFeatureResponse.newBuilder()
                            .setHasSupport(request.getId().equals("secrets"))
                            .build());
        }

        @Override
        public void registerResource(
                RegisterResourceRequest request,
                StreamObserver<RegisterResourceResponse> response) {
            String urn = register(request);
            if (!request.getCustom()) {
                reply(response, RegisterResourceResponse.newBuilder().setUrn(urn).build());
                return;
            }
            Mocks.ResourceResult result =
                    mocks.newResourceAsync(
                                    new Mocks.ResourceArgs(
                                            request.getType(),
                                            request.getName(),
                                            map(request.getObject()),
                                            request.getProvider(),
                                            request.getImportId()))
                            .join();
            reply(
                    response,
                    RegisterResourceResponse.newBuilder()
                            .setUrn(urn)
                            .setId(result.id.orElse(""))
                            .setObject(struct((Map<?, ?>) result.state))
                            .build());
        }

        @Override
        public void registerResourceOutputs(
                RegisterResourceOutputsRequest request, StreamObserver<Empty> response) {
            synchronized (FakeEngine.this) {
                outputs.put(request.getUrn(), map(request.getOutputs()));
            }
            reply(response, Empty.getDefaultInstance());
        }

        @Override
        public void invoke(
                ResourceInvokeRequest request, StreamObserver<ResourceInvokeResponse> response) {
            Map<String, Object> result =
                    mocks.callAsync(
                                    new Mocks.CallArgs(
                                            request.getTok(),
                                            ImmutableMap.copyOf(map(request.getArgs())),
                                            request.getProvider()))
                            .join();
            reply(response, ResourceInvokeResponse.newBuilder().setReturn(struct(result)).build());
        }
    }

    private final class Engine extends EngineGrpc.EngineImplBase {
        @Override
        public void log(LogRequest request, StreamObserver<Empty> response) {
            synchronized (FakeEngine.this) {
                String line = request.getSeverity() + " " + request.getMessage();
                logs.add(line);
                if (request.getSeverity() == LogSeverity.ERROR) {
                    errors.add(line);
                }
            }
            reply(response, Empty.getDefaultInstance());
        }

        @Override
        public void getRootResource(
                GetRootResourceRequest request, StreamObserver<GetRootResourceResponse> response) {
            reply(response, GetRootResourceResponse.newBuilder().setUrn(rootUrn()).build());
        }

        @Override
        public void setRootResource(
                SetRootResourceRequest request, StreamObserver<SetRootResourceResponse> response) {
            synchronized (FakeEngine.this) {
                rootUrn = request.getUrn();
            }
            reply(response, SetRootResourceResponse.getDefaultInstance());
        }
    }

    private static <T> void reply(StreamObserver<T> response, T message) {
        response.onNext(message);
        response.onCompleted();
    }

    /** A protobuf Struct as plain Java values (numbers as doubles, as the engine hands them). */
    static Map<String, Object> map(Struct struct) {
        Map<String, Object> map = new LinkedHashMap<>();
        struct.getFieldsMap().forEach((key, value) -> map.put(key, java(value)));
        return map;
    }

    private static Object java(Value value) {
        return switch (value.getKindCase()) {
            case NULL_VALUE, KIND_NOT_SET -> null;
            case NUMBER_VALUE -> value.getNumberValue();
            case STRING_VALUE -> value.getStringValue();
            case BOOL_VALUE -> value.getBoolValue();
            case STRUCT_VALUE -> map(value.getStructValue());
            case LIST_VALUE ->
                    value.getListValue().getValuesList().stream().map(FakeEngine::java).toList();
        };
    }

    static Struct struct(Map<?, ?> map) {
        Struct.Builder struct = Struct.newBuilder();
        map.forEach((key, value) -> struct.putFields((String) key, value(value)));
        return struct.build();
    }

    private static Value value(Object value) {
        if (value == null) {
            return Value.newBuilder().setNullValue(NullValue.NULL_VALUE).build();
        }
        if (value instanceof Number number) {
            return Value.newBuilder().setNumberValue(number.doubleValue()).build();
        }
        if (value instanceof Boolean bool) {
            return Value.newBuilder().setBoolValue(bool).build();
        }
        if (value instanceof String text) {
            return Value.newBuilder().setStringValue(text).build();
        }
        if (value instanceof Map<?, ?> map) {
            return Value.newBuilder().setStructValue(struct(map)).build();
        }
        if (value instanceof List<?> list) {
            ListValue.Builder values = ListValue.newBuilder();
            list.forEach(element -> values.addValues(value(element)));
            return Value.newBuilder().setListValue(values).build();
        }
        throw new IllegalArgumentException(
                "the fake engine cannot send a " + value.getClass().getName() + ": " + value);
    }
}
