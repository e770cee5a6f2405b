using SkiaSharp;

namespace MovementSim.Tests.Reporting;

/// <summary>Pixel checks on rendered PNGs.</summary>
internal static class Pixels
{
    public static SKBitmap Decode(string pngPath) =>
        SKBitmap.Decode(pngPath) ?? throw new InvalidDataException($"{pngPath} is not a decodable PNG");

    public static SKBitmap Decode(byte[] png) =>
        SKBitmap.Decode(png) ?? throw new InvalidDataException("not a decodable PNG");

    /// <summary>Number of distinct colours in a region.</summary>
    public static int DistinctColours(SKBitmap b, SKRectI region)
    {
        var colours = new HashSet<uint>();
        for (var y = region.Top; y < region.Bottom; y++)
        {
            for (var x = region.Left; x < region.Right; x++)
            {
                colours.Add((uint)b.GetPixel(x, y));
            }
        }
        return colours.Count;
    }

    /// <summary>Share of pixels in a region that are not (near) white.</summary>
    public static double InkShare(SKBitmap b, SKRectI region)
    {
        long ink = 0;
        for (var y = region.Top; y < region.Bottom; y++)
        {
            for (var x = region.Left; x < region.Right; x++)
            {
                var c = b.GetPixel(x, y);
                if (c.Red < 235 || c.Green < 235 || c.Blue < 235)
                {
                    ink++;
                }
            }
        }
        return (double)ink / (region.Width * region.Height);
    }

    /// <summary>Number of dark pixels (text is drawn in near-black) in a region.</summary>
    public static int Dark(SKBitmap b, SKRectI region)
    {
        var dark = 0;
        for (var y = region.Top; y < region.Bottom; y++)
        {
            for (var x = region.Left; x < region.Right; x++)
            {
                var c = b.GetPixel(x, y);
                if (c.Red < 90 && c.Green < 90 && c.Blue < 90)
                {
                    dark++;
                }
            }
        }
        return dark;
    }

    public static SKRectI Whole(SKBitmap b) => new(0, 0, b.Width, b.Height);

    /// <summary>The band at the top of a chart where ScottPlot draws the title.</summary>
    public static SKRectI TitleBand(SKBitmap b) => new(b.Width / 5, 0, b.Width * 4 / 5, 48);
}
