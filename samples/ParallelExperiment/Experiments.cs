using Rng;

namespace ParallelExperiment;

/// <summary>
/// The experiment of the joblib post "Using Joblib and reproducible random numbers": simulate anisotropic Gaussian
/// blobs, cluster them with k-means and with a Gaussian mixture, and record how much better the mixture recovers the
/// true labels (difference of adjusted Rand indices).
/// </summary>
public static partial class Experiments
{
    /// <summary>Number of clusters simulated and fitted, as in the post.</summary>
    public const int Clusters = 3;

    /// <summary>
    /// One simulation: <paramref name="samples"/> points from anisotropic blobs, then GMM ARI minus k-means ARI, each
    /// model keeping the best of <paramref name="inits"/> random initialisations (the post's <c>n_init=20</c>).
    /// </summary>
    /// <remarks>
    /// Every random number comes from <paramref name="rng"/>, so the result depends only on that stream. The generated
    /// <c>AriDifferenceParallel</c> gives simulation <c>i</c> the stream of <c>SeedSequence(seed).spawn(count)[i]</c>,
    /// which replaces the post's hand-made list of seeds.
    /// </remarks>
    /// <param name="rng">This simulation's own random stream.</param>
    /// <param name="samples">Number of points, split evenly between the clusters; at least <see cref="Clusters"/>.</param>
    /// <param name="inits">Random initialisations per model; at least 1.</param>
    /// <returns>ARI(GMM) − ARI(k-means): positive when the Gaussian mixture did better.</returns>
    [ParallelStochastic]
    public static double AriDifference(Generator rng, int samples = 300, int inits = 20)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(samples, Clusters);
        ArgumentOutOfRangeException.ThrowIfLessThan(inits, 1);

        (Point[] points, int[] truth) = Blobs.Anisotropic(rng, samples, Clusters);
        int[] mixture = GaussianMixture.FitPredict(points, Clusters, inits, rng);
        int[] kMeans = KMeans.FitPredict(points, Clusters, inits, rng);
        return Metrics.AdjustedRandIndex(truth, mixture) - Metrics.AdjustedRandIndex(truth, kMeans);
    }
}
