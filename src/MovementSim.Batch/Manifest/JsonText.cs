using System.Text.Json;

namespace MovementSim.Batch;

/// <summary>How plan and manifest files are written: indented, LF, no needless \uXXXX escapes.</summary>
internal static class JsonText
{
    public static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        NewLine = "\n",
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}
