using ScottPlot;

namespace ParallelExperiment;

/// <summary>
/// The post's figure of the ARI differences (seaborn <c>distplot</c> + <c>rugplot</c> with a dashed red line at 0),
/// drawn with ScottPlot as a PNG. ScottPlot renders with SkiaSharp's self-contained Linux native assets, so no X server
/// is needed; the text uses the DejaVu Sans file shipped beside the program (Fonts/), because a machine without system
/// fonts (a slim container) would otherwise get a PNG without a single label, and one with fonts gets whatever the
/// system substitutes for ScottPlot's default font.
/// </summary>
public static class HistogramPlot
{
    /// <summary>The family name the bundled font is registered under.</summary>
    private const string FontName = "DejaVu Sans";

    private static readonly Lazy<bool> BundledFont = new(() =>
    {
        string path = Path.Combine(AppContext.BaseDirectory, "Fonts", "DejaVuSans.ttf");
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"The plot font '{path}' is missing; it is copied to the output folder by the build.", path);
        }

        // One file serves the regular and the bold requests (ScottPlot's title and axis labels are bold), so no request
        // falls through to the system's fonts.
        Fonts.AddFontFile(FontName, path, bold: false, italic: false);
        Fonts.AddFontFile(FontName, path, bold: true, italic: false);
        return true;
    }, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>
    /// Writes a histogram of <paramref name="differences"/> to <paramref name="path"/> (PNG, 800 × 400 pixels): bars
    /// on <paramref name="bins"/> equal bins from <paramref name="low"/> to <paramref name="high"/>, one tick per value
    /// along the axis (the rug), and a dashed line at 0 separating "KMeans better" from "GMM better".
    /// </summary>
    /// <param name="path">File to write; its folder must exist. An existing file is replaced.</param>
    /// <param name="differences">ARI(GMM) − ARI(k-means), one per simulation; not empty, all finite.</param>
    /// <param name="bins">Number of bins; at least 1.</param>
    /// <param name="low">Lower edge of the first bin; at most the smallest difference.</param>
    /// <param name="high">Upper edge of the last bin; greater than <paramref name="low"/>, at least the largest difference.</param>
    /// <param name="title">Plot title.</param>
    public static void Save(string path, IReadOnlyList<double> differences, int bins, double low, double high, string title)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(differences);
        ArgumentNullException.ThrowIfNull(title);
        ArgumentOutOfRangeException.ThrowIfLessThan(bins, 1);
        if (differences.Count == 0)
        {
            throw new ArgumentException("At least one difference is needed to draw a histogram.", nameof(differences));
        }

        if (!double.IsFinite(low) || !double.IsFinite(high) || !(high > low))
        {
            throw new ArgumentException($"The bin range must be finite with low < high, not [{low}, {high}].", nameof(high));
        }

        if (differences.Any(d => !(d >= low && d <= high)))
        {
            throw new ArgumentException($"Every difference must be finite and within the bin range [{low}, {high}].", nameof(differences));
        }

        _ = BundledFont.Value;
        Plot plot = new();
        plot.Font.Set(FontName);

        // Same bins as the text histogram the program prints, so the two agree bar for bar.
        var histogram = ScottPlot.Statistics.Histogram.WithBinCount(bins, low, high);
        histogram.AddRange(differences);
        var bars = plot.Add.Histogram(histogram);
        bars.BarWidthFraction = 0.95;

        int tallest = histogram.Counts.Max() is var max and > 0 ? (int)max : 1;

        // The rug: one short vertical tick per simulation, just below the bars.
        double rugHeight = 0.06 * tallest;
        foreach (double d in differences)
        {
            var tick = plot.Add.Line(d, -rugHeight, d, 0);
            tick.LineWidth = 1.5f;
            tick.LineColor = Colors.Black.WithAlpha(0.6);
            tick.MarkerSize = 0;
        }

        var zero = plot.Add.VerticalLine(0);
        zero.LineWidth = 2;
        zero.LinePattern = LinePattern.Dashed;
        zero.Color = Colors.Red;

        double textY = 0.75 * (tallest + 1);
        var kMeansLabel = plot.Add.Text("KMeans\nbetter", low, textY);
        kMeansLabel.LabelFontSize = 14;
        kMeansLabel.LabelAlignment = Alignment.UpperLeft;
        var gmmLabel = plot.Add.Text("GMM\nbetter", high, textY);
        gmmLabel.LabelFontSize = 14;
        gmmLabel.LabelAlignment = Alignment.UpperRight;

        plot.Title(title);
        plot.XLabel("(GMM - KMeans) ARI");
        plot.YLabel("Number of simulations");
        plot.Axes.SetLimitsY(-rugHeight, tallest + 1);
        plot.Axes.SetLimitsX(low - (0.02 * (high - low)), high + (0.02 * (high - low)));
        plot.SavePng(path, 800, 400);
    }
}
