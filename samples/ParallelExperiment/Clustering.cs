using Rng;

namespace ParallelExperiment;

/// <summary>A point in the plane.</summary>
/// <param name="X">First coordinate.</param>
/// <param name="Y">Second coordinate.</param>
public readonly record struct Point(double X, double Y);

/// <summary>scikit-learn's <c>make_blobs</c> followed by the post's anisotropic transformation.</summary>
internal static class Blobs
{
    private const double ClusterStd = 2.5;
    private const double CenterBoxLow = -10.0;
    private const double CenterBoxHigh = 10.0;

    public static (Point[] Points, int[] Labels) Anisotropic(Generator rng, int samples, int clusters)
    {
        var centers = new Point[clusters];
        for (int k = 0; k < clusters; k++)
        {
            centers[k] = new Point(rng.Uniform(CenterBoxLow, CenterBoxHigh), rng.Uniform(CenterBoxLow, CenterBoxHigh));
        }

        var points = new Point[samples];
        var labels = new int[samples];
        for (int i = 0; i < samples; i++)
        {
            // make_blobs splits the samples evenly, the remainder going to the first clusters.
            int k = i % clusters;
            double x = centers[k].X + rng.Normal(0.0, ClusterStd);
            double y = centers[k].Y + rng.Normal(0.0, ClusterStd);

            // X_aniso = X @ [[0.6, -0.6], [-0.4, 0.8]]
            points[i] = new Point((0.6 * x) - (0.4 * y), (-0.6 * x) + (0.8 * y));
            labels[i] = k;
        }

        return (points, labels);
    }
}

/// <summary>Lloyd's k-means with k-means++ seeding, best of several initialisations by inertia.</summary>
internal static class KMeans
{
    private const int MaxIterations = 300;

    public static int[] FitPredict(Point[] points, int clusters, int inits, Generator rng)
    {
        int[] best = new int[points.Length];
        double bestInertia = double.PositiveInfinity;
        for (int init = 0; init < inits; init++)
        {
            (int[] labels, double inertia) = FitOnce(points, clusters, rng);
            if (inertia < bestInertia)
            {
                bestInertia = inertia;
                best = labels;
            }
        }

        return best;
    }

    private static (int[] Labels, double Inertia) FitOnce(Point[] points, int clusters, Generator rng)
    {
        Point[] centers = PlusPlusCenters(points, clusters, rng);
        var labels = new int[points.Length];
        Array.Fill(labels, -1);
        for (int iteration = 0; iteration < MaxIterations; iteration++)
        {
            bool changed = false;
            for (int i = 0; i < points.Length; i++)
            {
                int nearest = Nearest(points[i], centers, out _);
                changed |= nearest != labels[i];
                labels[i] = nearest;
            }

            if (!changed)
            {
                break;
            }

            var sumX = new double[clusters];
            var sumY = new double[clusters];
            var counts = new int[clusters];
            for (int i = 0; i < points.Length; i++)
            {
                sumX[labels[i]] += points[i].X;
                sumY[labels[i]] += points[i].Y;
                counts[labels[i]]++;
            }

            for (int k = 0; k < clusters; k++)
            {
                // An emptied cluster keeps its centre rather than dividing by zero.
                if (counts[k] > 0)
                {
                    centers[k] = new Point(sumX[k] / counts[k], sumY[k] / counts[k]);
                }
            }
        }

        double inertia = 0;
        foreach (Point point in points)
        {
            Nearest(point, centers, out double squaredDistance);
            inertia += squaredDistance;
        }

        return (labels, inertia);
    }

    // k-means++: the first centre uniformly, each next one with probability proportional to the squared distance to
    // the nearest centre chosen so far.
    private static Point[] PlusPlusCenters(Point[] points, int clusters, Generator rng)
    {
        var centers = new Point[clusters];
        centers[0] = points[rng.Integers(0, points.Length)];
        var squaredDistances = new double[points.Length];
        for (int k = 1; k < clusters; k++)
        {
            double total = 0;
            for (int i = 0; i < points.Length; i++)
            {
                Nearest(points[i], centers.AsSpan(0, k), out squaredDistances[i]);
                total += squaredDistances[i];
            }

            double target = rng.Random() * total;
            int chosen = points.Length - 1;
            for (int i = 0; i < points.Length; i++)
            {
                target -= squaredDistances[i];
                if (target < 0)
                {
                    chosen = i;
                    break;
                }
            }

            centers[k] = points[chosen];
        }

        return centers;
    }

    private static int Nearest(Point point, ReadOnlySpan<Point> centers, out double squaredDistance)
    {
        int nearest = 0;
        squaredDistance = double.PositiveInfinity;
        for (int k = 0; k < centers.Length; k++)
        {
            double dx = point.X - centers[k].X;
            double dy = point.Y - centers[k].Y;
            double distance = (dx * dx) + (dy * dy);
            if (distance < squaredDistance)
            {
                squaredDistance = distance;
                nearest = k;
            }
        }

        return nearest;
    }
}

/// <summary>
/// A Gaussian mixture with full covariances fitted by EM, initialised from a k-means run (scikit-learn's default),
/// best of several initialisations by log-likelihood.
/// </summary>
internal static class GaussianMixture
{
    private const int MaxIterations = 100;
    private const double Tolerance = 1e-3;
    private const double CovarianceRegularisation = 1e-6;

    public static int[] FitPredict(Point[] points, int components, int inits, Generator rng)
    {
        int[] best = new int[points.Length];
        double bestLogLikelihood = double.NegativeInfinity;
        for (int init = 0; init < inits; init++)
        {
            (int[] labels, double logLikelihood) = FitOnce(points, components, rng);
            if (logLikelihood > bestLogLikelihood)
            {
                bestLogLikelihood = logLikelihood;
                best = labels;
            }
        }

        return best;
    }

    private static (int[] Labels, double LogLikelihood) FitOnce(Point[] points, int components, Generator rng)
    {
        int n = points.Length;
        var responsibilities = new double[n, components];
        int[] start = KMeans.FitPredict(points, components, 1, rng);
        for (int i = 0; i < n; i++)
        {
            responsibilities[i, start[i]] = 1.0;
        }

        Component[] model = Maximise(points, responsibilities, components);
        double previous = double.NegativeInfinity;
        double current = Expect(points, model, responsibilities);
        for (int iteration = 0; iteration < MaxIterations && Math.Abs(current - previous) >= Tolerance; iteration++)
        {
            model = Maximise(points, responsibilities, components);
            previous = current;
            current = Expect(points, model, responsibilities);
        }

        var labels = new int[n];
        for (int i = 0; i < n; i++)
        {
            for (int k = 1; k < components; k++)
            {
                if (responsibilities[i, k] > responsibilities[i, labels[i]])
                {
                    labels[i] = k;
                }
            }
        }

        return (labels, current);
    }

    // E step: responsibilities from the current model; returns the mean log-likelihood per point.
    private static double Expect(Point[] points, Component[] model, double[,] responsibilities)
    {
        double total = 0;
        Span<double> logDensities = stackalloc double[model.Length];
        for (int i = 0; i < points.Length; i++)
        {
            double max = double.NegativeInfinity;
            for (int k = 0; k < model.Length; k++)
            {
                logDensities[k] = model[k].LogWeightedDensity(points[i]);
                max = Math.Max(max, logDensities[k]);
            }

            double sum = 0;
            for (int k = 0; k < model.Length; k++)
            {
                sum += Math.Exp(logDensities[k] - max);
            }

            double logSum = max + Math.Log(sum);
            for (int k = 0; k < model.Length; k++)
            {
                responsibilities[i, k] = Math.Exp(logDensities[k] - logSum);
            }

            total += logSum;
        }

        return total / points.Length;
    }

    // M step: weights, means and full covariances from the responsibilities.
    private static Component[] Maximise(Point[] points, double[,] responsibilities, int components)
    {
        var model = new Component[components];
        for (int k = 0; k < components; k++)
        {
            double weight = 10 * double.Epsilon;
            double meanX = 0, meanY = 0;
            for (int i = 0; i < points.Length; i++)
            {
                weight += responsibilities[i, k];
                meanX += responsibilities[i, k] * points[i].X;
                meanY += responsibilities[i, k] * points[i].Y;
            }

            meanX /= weight;
            meanY /= weight;
            double xx = 0, xy = 0, yy = 0;
            for (int i = 0; i < points.Length; i++)
            {
                double dx = points[i].X - meanX;
                double dy = points[i].Y - meanY;
                xx += responsibilities[i, k] * dx * dx;
                xy += responsibilities[i, k] * dx * dy;
                yy += responsibilities[i, k] * dy * dy;
            }

            model[k] = new Component(
                weight / points.Length,
                new Point(meanX, meanY),
                (xx / weight) + CovarianceRegularisation,
                xy / weight,
                (yy / weight) + CovarianceRegularisation);
        }

        return model;
    }

    private readonly record struct Component(double Weight, Point Mean, double VarianceX, double Covariance, double VarianceY)
    {
        public double LogWeightedDensity(Point point)
        {
            double determinant = (VarianceX * VarianceY) - (Covariance * Covariance);
            double dx = point.X - Mean.X;
            double dy = point.Y - Mean.Y;
            double mahalanobis = ((VarianceY * dx * dx) - (2 * Covariance * dx * dy) + (VarianceX * dy * dy)) / determinant;
            return Math.Log(Weight) - Math.Log(2 * Math.PI) - (0.5 * Math.Log(determinant)) - (0.5 * mahalanobis);
        }
    }
}

/// <summary>Clustering agreement scores.</summary>
internal static class Metrics
{
    /// <summary>scikit-learn's <c>adjusted_rand_score</c>: 1 for identical partitions, about 0 for random labels.</summary>
    public static double AdjustedRandIndex(int[] truth, int[] predicted)
    {
        int classes = truth.Max() + 1;
        int clusters = predicted.Max() + 1;
        var table = new long[classes, clusters];
        for (int i = 0; i < truth.Length; i++)
        {
            table[truth[i], predicted[i]]++;
        }

        double pairs = 0, rowPairs = 0, columnPairs = 0;
        for (int a = 0; a < classes; a++)
        {
            long row = 0;
            for (int b = 0; b < clusters; b++)
            {
                pairs += PairsOf(table[a, b]);
                row += table[a, b];
            }

            rowPairs += PairsOf(row);
        }

        for (int b = 0; b < clusters; b++)
        {
            long column = 0;
            for (int a = 0; a < classes; a++)
            {
                column += table[a, b];
            }

            columnPairs += PairsOf(column);
        }

        double expected = rowPairs * columnPairs / PairsOf(truth.Length);
        double maximum = (rowPairs + columnPairs) / 2;

        // Both partitions trivial (one cluster each, or all singletons): scikit-learn defines the score as 1.
        return maximum == expected ? 1.0 : (pairs - expected) / (maximum - expected);
    }

    private static double PairsOf(long count) => count * (count - 1) / 2.0;
}
