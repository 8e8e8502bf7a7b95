using System.Security.Cryptography;
using System.Text;

namespace SweepCluster.Cluster.Hosting;

/// <summary>Identifies a sweep definition: the SHA-256 of its YAML as run (with --set overrides applied), in hex.</summary>
public static class SweepDefinitionHash
{
    public static string Of(string sourceText) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(sourceText.ReplaceLineEndings("\n"))));
}
