using SkiaSharp;

namespace MovementSim.Tests.Reporting;

/// <summary>Pixel checks on rendered PNGs, reading the decoded bytes directly (GetPixel per pixel is far too slow).</summary>
internal static class Pixels
{
    public static SKBitmap Decode(string pngPath) => Check(SKBitmap.Decode(pngPath), pngPath);

    public static SKBitmap Decode(byte[] png) => Check(SKBitmap.Decode(png), "PNG bytes");

    private static SKBitmap Check(SKBitmap? b, string what)
    {
        if (b is null)
        {
            throw new InvalidDataException($"{what}: not a decodable PNG");
        }
        if (b.ColorType is not (SKColorType.Rgba8888 or SKColorType.Bgra8888))
        {
            throw new InvalidDataException($"{what}: decoded as {b.ColorType}, expected 8-bit RGBA or BGRA");
        }
        return b;
    }

    /// <summary>Calls <paramref name="visit"/> with (red, green, blue) of every pixel in a region.</summary>
    private static void Visit(SKBitmap b, SKRectI region, Action<byte, byte, byte> visit)
    {
        var bytes = b.GetPixelSpan();
        var (r, g, bl) = b.ColorType == SKColorType.Rgba8888 ? (0, 1, 2) : (2, 1, 0);
        for (var y = region.Top; y < region.Bottom; y++)
        {
            var row = y * b.RowBytes;
            for (var x = region.Left; x < region.Right; x++)
            {
                var i = row + 4 * x;
                visit(bytes[i + r], bytes[i + g], bytes[i + bl]);
            }
        }
    }

    /// <summary>Number of distinct colours in a region.</summary>
    public static int DistinctColours(SKBitmap b, SKRectI region)
    {
        var colours = new HashSet<int>();
        Visit(b, region, (r, g, bl) => colours.Add((r << 16) | (g << 8) | bl));
        return colours.Count;
    }

    /// <summary>Share of pixels in a region that are not (near) white.</summary>
    public static double InkShare(SKBitmap b, SKRectI region)
    {
        long ink = 0;
        Visit(b, region, (r, g, bl) => ink += r < 235 || g < 235 || bl < 235 ? 1 : 0);
        return (double)ink / (region.Width * region.Height);
    }

    /// <summary>Number of dark pixels (text is drawn in near-black) in a region.</summary>
    public static int Dark(SKBitmap b, SKRectI region)
    {
        var dark = 0;
        Visit(b, region, (r, g, bl) => dark += r < 90 && g < 90 && bl < 90 ? 1 : 0);
        return dark;
    }

    /// <summary>Number of pixels in a region within <paramref name="tolerance"/> of a colour in each channel.</summary>
    public static int Near(SKBitmap b, SKRectI region, (int R, int G, int B) colour, int tolerance = 24)
    {
        var n = 0;
        Visit(b, region, (r, g, bl) => n += Math.Abs(r - colour.R) <= tolerance && Math.Abs(g - colour.G) <= tolerance && Math.Abs(bl - colour.B) <= tolerance ? 1 : 0);
        return n;
    }

    public static SKRectI Whole(SKBitmap b) => new(0, 0, b.Width, b.Height);

    /// <summary>The band at the top of a chart where ScottPlot draws the title.</summary>
    public static SKRectI TitleBand(SKBitmap b) => new(b.Width / 5, 0, b.Width * 4 / 5, 48);
}
