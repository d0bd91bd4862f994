package dev.spinmixed.infra;

import java.util.List;
import java.util.Map;

/**
 * Every version the deployment pins, in one place, each with where it was read and when. The
 * README's "Pinned versions" table lists the same (tests/stack compares them). All were checked on
 * {@link #CHECKED} against the newest snapshots of their sources reachable then; a newer patch
 * published after a snapshot is not known here.
 */
public final class PinnedVersions {
    public static final String CHECKED = "2026-11-30";

    /**
     * A pinned version and its primary source.
     *
     * @param component what is pinned
     * @param version the pinned value
     * @param source where the value was read (repository, tag or path)
     */
    public record Pin(String component, String version, String source) {}

    /**
     * AKS Kubernetes minor of both stacks: GA on AKS since June 2026, supported by AKS until June
     * 2027 (MicrosoftDocs/azure-aks-docs, articles/aks/supported-kubernetes-versions.md, release
     * calendar, ms.date 08/05/2026); 1.34, the other choice, ends on AKS in November 2026.
     */
    public static final Pin KUBERNETES =
            new Pin(
                    "Kubernetes (AKS)",
                    "1.36",
                    "AKS release calendar, MicrosoftDocs/azure-aks-docs"
                            + " articles/aks/supported-kubernetes-versions.md (ms.date 08/05/2026):"
                            + " GA Jun 2026, end of life Jun 2027");

    /**
     * The newest cert-manager release; its 1.21 line supports Kubernetes 1.33 to 1.36
     * (cert-manager/website content/docs/releases/README.md).
     */
    public static final Pin CERT_MANAGER =
            new Pin(
                    "cert-manager chart",
                    "v1.21.1",
                    "cert-manager/cert-manager tag v1.21.1 (2026-07-29); supported releases"
                            + " 1.21 and 1.20, 1.21 for Kubernetes 1.33-1.36"
                            + " (cert-manager/website content/docs/releases/README.md)");

    public static final Pin RUNTIME_CLASS_MANAGER =
            new Pin(
                    "runtime-class-manager chart and images",
                    "0.2.0",
                    "spinframework/runtime-class-manager tag v0.2.0 (commit 7e6b1b8); SpinKube's"
                            + " AKS guide installs the same (spinframework/spinkube-docs"
                            + " content/en/docs/install/azure-kubernetes-service.md)");

    public static final Pin SPIN_OPERATOR =
            new Pin(
                    "spin-operator chart and CRDs",
                    "0.6.1",
                    "spinframework/spin-operator tag v0.6.1 (commit 96c9d1d); SpinKube's AKS"
                            + " guide installs the same");

    public static final Pin SHIM =
            new Pin(
                    "containerd-shim-spin (Spin v3.6.3)",
                    "v0.24.0",
                    "spinframework/containerd-shim-spin tag v0.24.0; release tarballs"
                            + " containerd-shim-spin-v2-linux-{x86_64,aarch64}.tar.gz");

    public static final Pin REDIS =
            new Pin(
                    "Redis image",
                    "7.4.11-alpine",
                    "docker-library/official-images library/redis (7.4 line, 2026-08-21)");

    /** The image of {@link #REDIS}, as the stack deploys it and the benchmark reports it. */
    public static final String REDIS_IMAGE = "docker.io/library/redis:" + REDIS.version();

    /**
     * The sha256 of each shim tarball of {@link #SHIM}, by the Shim CRD's {@code arch}. Empty: no
     * primary source reachable when checked publishes them (a release's assets are not in its git
     * repository; runtime-class-manager's sample pins only v0.23.0's). A platform without an entry
     * is fetched without a digest, which the CRD allows; add the digests here once they are read
     * from the release itself.
     */
    public static final Map<String, String> SHIM_SHA256 = Map.of();

    /** The Entra ID credential plugin the deploy workflow installs for the prod cluster. */
    public static final Pin KUBELOGIN =
            new Pin(
                    "kubelogin (CI, through azure/use-kubelogin v1.3)",
                    "v0.2.19",
                    "Azure/kubelogin tag v0.2.19 (2026-06-23)");

    public static final List<Pin> ALL =
            List.of(
                    KUBERNETES,
                    CERT_MANAGER,
                    RUNTIME_CLASS_MANAGER,
                    SPIN_OPERATOR,
                    SHIM,
                    REDIS,
                    KUBELOGIN);

    private PinnedVersions() {}
}
