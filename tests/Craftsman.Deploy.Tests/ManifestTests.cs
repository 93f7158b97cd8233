using k8s;
using k8s.Models;

namespace Craftsman.Deploy.Tests;

/// <summary>
/// The Kubernetes manifests, checked offline: every document deserializes strictly into the
/// Kubernetes API's own typed models (an unknown or misspelt field, or a value of the wrong type,
/// fails), and the pieces fit together (selectors, probes, the Secret, affinity, disruption budgets).
/// </summary>
public sealed class ManifestTests
{
    private static readonly string Folder = Path.Combine(Repository.Root, "deploy", "k8s");

    private static readonly string[] Files = [.. Directory.GetFiles(Folder, "*.yaml").Select(f => Path.GetFileName(f)).Where(f => f != "kustomization.yaml").Order(StringComparer.Ordinal)];

    public static TheoryData<string> Manifests() => [.. Files];

    [Theory]
    [MemberData(nameof(Manifests))]
    public void ManifestDeserializesStrictlyIntoKubernetesModels(string file)
    {
        var objects = Load(file);

        Assert.NotEmpty(objects);
        Assert.All(objects, o => Assert.False(string.IsNullOrEmpty(((IMetadata<V1ObjectMeta>)o).Metadata?.Name)));
    }

    [Fact]
    public void MisspeltFieldIsCaught()
    {
        var text = File.ReadAllText(Path.Combine(Folder, "silo.yaml")).Replace("readinessProbe:", "readinesProbe:");

        Assert.ThrowsAny<Exception>(() => KubernetesYaml.LoadAllFromString(text, strict: true));
    }

    [Fact]
    public void KustomizationAppliesEveryManifestButTheSecretExample()
    {
        var listed = File.ReadAllLines(Path.Combine(Folder, "kustomization.yaml"))
            .Select(l => l.Trim()).Where(l => l.StartsWith("- ", StringComparison.Ordinal)).Select(l => l[2..]).ToHashSet();

        Assert.Equal(Files.Where(f => f != "secret.example.yaml").ToHashSet(), listed);
    }

    [Fact]
    public void EveryContainerIsProbedOnTheHealthEndpointsAndReadsItsSecretsFromTheSecret()
    {
        foreach (var deployment in All<V1Deployment>())
        {
            Assert.True(Matches(deployment.Spec.Selector, deployment.Spec.Template.Metadata.Labels), deployment.Name());
            foreach (var container in deployment.Spec.Template.Spec.Containers)
            {
                Assert.Equal("/health/live", container.LivenessProbe.HttpGet.Path);
                Assert.Equal("/health/ready", container.ReadinessProbe.HttpGet.Path);
                Assert.Contains(container.EnvFrom, e => e.SecretRef?.Name == "craftsman");
                Assert.DoesNotContain(container.Env ?? [], e => e.Name.StartsWith("ConnectionStrings", StringComparison.Ordinal));
            }
        }
    }

    [Fact]
    public void SilosUseOrleansKubernetesHostingWithThePodIdentity()
    {
        var silo = All<V1Deployment>().Single(d => d.Name() == "craftsman-silo");
        var labels = silo.Spec.Template.Metadata.Labels;
        Assert.True(labels.ContainsKey("orleans/serviceId") && labels.ContainsKey("orleans/clusterId"));
        var env = silo.Spec.Template.Spec.Containers.Single().Env.ToDictionary(e => e.Name);
        Assert.Equal("true", env["Craftsman__Silo__KubernetesHosting"].Value);
        foreach (var name in new[] { "POD_NAME", "POD_NAMESPACE", "POD_IP", "ORLEANS_SERVICE_ID", "ORLEANS_CLUSTER_ID" })
            Assert.NotNull(env[name].ValueFrom?.FieldRef);
        Assert.Equal("craftsman-silo", silo.Spec.Template.Spec.ServiceAccountName);
        Assert.Contains(All<V1Role>(), r => r.Rules.Any(rule => rule.Resources.Contains("pods") && rule.Verbs.Contains("delete")));
    }

    [Fact]
    public void GatewaysSitBehindOneServiceWithSessionAffinityAndEveryDeploymentHasADisruptionBudget()
    {
        var deployments = All<V1Deployment>();
        var service = All<V1Service>().Single();
        Assert.Equal("ClientIP", service.Spec.SessionAffinity);
        Assert.Equal("craftsman-gateway", deployments.Single(d => Selects(service.Spec.Selector, d)).Name());
        foreach (var deployment in deployments)
            Assert.Contains(All<V1PodDisruptionBudget>(), b => Matches(b.Spec.Selector, deployment.Spec.Template.Metadata.Labels));
    }

    private static List<object> Load(string file) =>
        KubernetesYaml.LoadAllFromString(File.ReadAllText(Path.Combine(Folder, file)), strict: true);

    private static List<T> All<T>() => [.. Files.SelectMany(Load).OfType<T>()];

    private static bool Selects(IDictionary<string, string> selector, V1Deployment deployment) =>
        selector.All(s => deployment.Spec.Template.Metadata.Labels.TryGetValue(s.Key, out var v) && v == s.Value);

    private static bool Matches(V1LabelSelector selector, IDictionary<string, string> labels) =>
        selector.MatchExpressions is null or { Count: 0 }
        && selector.MatchLabels.All(s => labels.TryGetValue(s.Key, out var v) && v == s.Value);
}
