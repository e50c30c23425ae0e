/**
 * Generates the shared3p_statistics_* modules (stdlib/shared3p_statistics_*.sc).
 * Each module is a hand-written core over private floating-point vectors
 * (`template <domain D : shared3p, type F>`, F = float32 or float64) plus public
 * wrappers stamped out per input type, because SecreC cannot compute a result
 * type from an argument type: 32-bit integers and float32 give float32 results,
 * 64-bit integers and float64 give float64. Run `npx tsx stdlib/gen/statistics.ts`
 * after editing; test/stdlib/generated.test.ts checks the committed files.
 */
import { writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { COMMON_CORE, DISTRIBUTION_CORE, OUTLIERS_CORE, REGRESSION_CORE, SUMMARY_CORE, TESTING_CORE } from "./statistics-core.js";
import { GLM_CORE, glmWrapper } from "./statistics-glm.js";
import { PCA_CORE, pcaWrapper } from "./statistics-pca.js";

/** Input types of the statistics procedures and the float type of their results. */
export const STAT_TYPES: ReadonlyArray<readonly [string, string]> = [
  ["int32", "float32"],
  ["uint32", "float32"],
  ["int64", "float64"],
  ["uint64", "float64"],
  ["float32", "float32"],
  ["float64", "float64"],
];

type Wrapper = (t: string, f: string) => string;

function stamp(wrappers: readonly Wrapper[]): string {
  const out: string[] = [];
  for (const [t, f] of STAT_TYPES) for (const w of wrappers) out.push(w(t, f));
  return out.join("\n");
}

/* A matrix converted element-wise to the float type of its statistics. */
const toFloatMatrix: Wrapper = (t, f) => `template <domain D : shared3p>
D ${f}[[2]] _toFloat2(D ${t}[[2]] m) {
    return reshape(_toFloat(flatten(m)), shape(m)[0], shape(m)[1]);
}
`;

const summaryWrappers: Wrapper[] = [
  (t, f) => `template <domain D : shared3p>
D ${f} mean(D ${t}[[1]] data) {
    return _mean(_toFloat(data));
}

template <domain D : shared3p>
D ${f} mean(D ${t}[[1]] data, D bool[[1]] isAvailable) {
    return _mean(_toFloat(cut(data, isAvailable)));
}

template <domain D : shared3p>
D ${f} variance(D ${t}[[1]] data) {
    return _variance(_toFloat(data));
}

template <domain D : shared3p>
D ${f} variance(D ${t}[[1]] data, D bool[[1]] isAvailable) {
    return _variance(_toFloat(cut(data, isAvailable)));
}

template <domain D : shared3p>
D ${f} standardDev(D ${t}[[1]] data) {
    return sqrt(_variance(_toFloat(data)));
}

template <domain D : shared3p>
D ${f} standardDev(D ${t}[[1]] data, D bool[[1]] isAvailable) {
    return sqrt(_variance(_toFloat(cut(data, isAvailable))));
}

template <domain D : shared3p>
D ${f} median(D ${t}[[1]] data) {
    return _median(_toFloat(data));
}

template <domain D : shared3p>
D ${f} median(D ${t}[[1]] data, D bool[[1]] isAvailable) {
    return _median(_toFloat(cut(data, isAvailable)));
}

template <domain D : shared3p>
D ${f} MAD(D ${t}[[1]] data) {
    return _mad(_toFloat(data));
}

template <domain D : shared3p>
D ${f} MAD(D ${t}[[1]] data, D bool[[1]] isAvailable) {
    return _mad(_toFloat(cut(data, isAvailable)));
}

/** MAD scaled by a constant (1.4826 makes it estimate the normal standard deviation). */
template <domain D : shared3p>
D ${f} MAD(D ${t}[[1]] data, D bool[[1]] isAvailable, ${f} constant) {
    return _mad(_toFloat(cut(data, isAvailable))) * constant;
}

template <domain D : shared3p>
D ${f}[[1]] fiveNumberSummary(D ${t}[[1]] data) {
    float64[[1]] p = {0.0, 0.25, 0.5, 0.75, 1.0};
    return _quantiles(sortingNetworkSort(_toFloat(data)), p);
}

template <domain D : shared3p>
D ${f}[[1]] fiveNumberSummary(D ${t}[[1]] data, D bool[[1]] isAvailable) {
    float64[[1]] p = {0.0, 0.25, 0.5, 0.75, 1.0};
    return _quantiles(sortingNetworkSort(_toFloat(cut(data, isAvailable))), p);
}

template <domain D : shared3p>
D ${f}[[1]] quantiles(D ${t}[[1]] data, float64[[1]] probabilities) {
    return _quantiles(sortingNetworkSort(_toFloat(data)), probabilities);
}

template <domain D : shared3p>
D ${f}[[1]] quantiles(D ${t}[[1]] data, D bool[[1]] isAvailable, float64[[1]] probabilities) {
    return _quantiles(sortingNetworkSort(_toFloat(cut(data, isAvailable))), probabilities);
}

template <domain D : shared3p>
D ${f} covariance(D ${t}[[1]] x, D ${t}[[1]] y) {
    return _covariance(_toFloat(x), _toFloat(y));
}

/** Covariance over the pairs where isAvailable is true. */
template <domain D : shared3p>
D ${f} covariance(D ${t}[[1]] x, D ${t}[[1]] y, D bool[[1]] isAvailable) {
    D ${t}[[2]] pairs = _cutRows(cat(reshape(x, size(x), 1), reshape(y, size(y), 1), 1), isAvailable);
    return _covariance(_toFloat(pairs[:, 0]), _toFloat(pairs[:, 1]));
}
`,
];

const testingWrappers: Wrapper[] = [
  (t, f) => `/** Welch's t statistic (variancesEqual: Student's pooled-variance t). */
template <domain D : shared3p>
D ${f} tTest(D ${t}[[1]] data1, D ${t}[[1]] data2, bool variancesEqual) {
    return _tStatistic(_toFloat(data1), _toFloat(data2), variancesEqual);
}

template <domain D : shared3p>
D ${f} tTest(D ${t}[[1]] data1, D bool[[1]] isAvailable1, D ${t}[[1]] data2, D bool[[1]] isAvailable2, bool variancesEqual) {
    return _tStatistic(_toFloat(cut(data1, isAvailable1)), _toFloat(cut(data2, isAvailable2)), variancesEqual);
}

/** The paired t statistic of data1 - data2. */
template <domain D : shared3p>
D ${f} pairedTTest(D ${t}[[1]] data1, D ${t}[[1]] data2) {
    return _pairedT(_toFloat(data1), _toFloat(data2));
}

/** The Wilcoxon rank-sum statistic W of data1 (average ranks for ties). */
template <domain D : shared3p>
D ${f} wilcoxonRankSum(D ${t}[[1]] data1, D ${t}[[1]] data2) {
    return _rankSum(_toFloat(data1), _toFloat(data2));
}

/** The Wilcoxon signed-rank statistic W+ of data1 - data2 (zero differences dropped). */
template <domain D : shared3p>
D ${f} wilcoxonSignedRank(D ${t}[[1]] data1, D ${t}[[1]] data2) {
    return _signedRank(_toFloat(data1), _toFloat(data2));
}

/** The Welch-Satterthwaite degrees of freedom for a t-test of data1 and data2. */
template <domain D : shared3p>
D ${f} combinedDegreesOfFreedom(D ${t}[[1]] data1, D ${t}[[1]] data2) {
    return _welchDegrees(_toFloat(data1), _toFloat(data2));
}

/** The Mann-Whitney U statistic of data1: W - n1 (n1 + 1) / 2. */
template <domain D : shared3p>
D ${f} mannWhitneyU(D ${t}[[1]] data1, D ${t}[[1]] data2) {
    ${f} n1 = (${f}) size(data1);
    return _rankSum(_toFloat(data1), _toFloat(data2)) - n1 * (n1 + 1) / 2;
}
`,
];

const regressionWrappers: Wrapper[] = [
  (t, f) => `/** {intercept, slope} of the least-squares line y = intercept + slope * x. */
template <domain D : shared3p>
D ${f}[[1]] simpleLinearRegression(D ${t}[[1]] x, D ${t}[[1]] y) {
    return _simpleRegression(_toFloat(x), _toFloat(y));
}

/**
 * Least-squares coefficients of y on the columns of variables plus a constant:
 * one coefficient per column, in column order, then the intercept last.
 */
template <domain D : shared3p>
D ${f}[[1]] linearRegression(D ${t}[[2]] variables, D ${t}[[1]] dependent) {
    return _linearRegression(_toFloat2(variables), _toFloat(dependent));
}

/** linearRegression's coefficients by (at most k) conjugate-gradient iterations. */
template <domain D : shared3p>
D ${f}[[1]] linearRegressionCG(D ${t}[[2]] variables, D ${t}[[1]] dependent, uint iterations) {
    return _linearRegressionCG(_toFloat2(variables), _toFloat(dependent), iterations);
}

/** Weighted least squares (minimises sum w_i r_i^2, weights >= 0); layout as linearRegression. */
template <domain D : shared3p>
D ${f}[[1]] weightedLinearRegression(D ${t}[[2]] variables, D ${t}[[1]] dependent, D ${t}[[1]] weights) {
    uint n = shape(variables)[0];
    uint k = shape(variables)[1];
    D ${f}[[1]] root = sqrt(_toFloat(weights));
    D ${f}[[2]] x = _toFloat2(variables);
    // scaling row i of [variables | 1] and y by sqrt(w_i) turns weighted into ordinary least squares
    D ${f}[[2]] design = _designWithIntercept(x);
    D ${f}[[2]] scaled = design * _spreadWeights(root, k + 1);
    D ${f}[[1]] target = _toFloat(dependent) * root;
    return _solveDesign(scaled, target);
}

/** LOESS smoothing: the local linear fit at every x (span: fraction of points in each neighbourhood). */
template <domain D : shared3p>
D ${f}[[1]] loess(D ${t}[[1]] x, D ${t}[[1]] y, ${f} span) {
    return _loess(_toFloat(x), _toFloat(y), span);
}
`,
];

const outlierWrappers: Wrapper[] = [
  (t, f) => `/** true for available elements within the [p, 1 - p] quantile range. */
template <domain D : shared3p>
D bool[[1]] outlierDetectionQuantiles(float64 p, D ${t}[[1]] data, D bool[[1]] isAvailable) {
    assert(p >= 0.0 && p < 0.5);
    float64[[1]] probs = {p, 1.0 - p};
    D ${f}[[1]] bounds = quantiles(data, isAvailable, probs);
    D ${f}[[1]] x = _toFloat(data);
    return isAvailable & (x >= bounds[0]) & (x <= bounds[1]);
}

/** true for available elements with |x - median| <= lambda * MAD. */
template <domain D : shared3p>
D bool[[1]] outlierDetectionMAD(D ${t}[[1]] data, D bool[[1]] isAvailable, ${f} lambda) {
    D ${t}[[1]] present = cut(data, isAvailable);
    D ${f}[[1]] cx = _toFloat(present);
    D ${f} med = _median(cx);
    D ${f} mad = _mad(cx);
    D ${f}[[1]] x = _toFloat(data);
    return isAvailable & (abs(x - med) <= mad * lambda);
}
`,
];

const distributionWrappers: Wrapper[] = [
  (t) => (t.startsWith("float") ? "" : `/**
 * The values min..max of the available data and their counts: row 0 holds the
 * values, row 1 the counts (the number of values, max - min + 1, is opened).
 */
template <domain D : shared3p>
D ${t}[[2]] discreteDistributionCount(D ${t}[[1]] data, D bool[[1]] isAvailable, D ${t} min, D ${t} max) {
    return _discreteDistribution(data, isAvailable, min, max, 1 :: ${t});
}

/** As above for the values min, min + stepSize, ... up to max. */
template <domain D : shared3p>
D ${t}[[2]] discreteDistributionCount(D ${t}[[1]] data, D bool[[1]] isAvailable, D ${t} min, D ${t} max, ${t} stepSize) {
    return _discreteDistribution(data, isAvailable, min, max, stepSize);
}
`),
  (t) => `/** Counts of data in the bins (breaks[i], breaks[i+1]] (the first bin also holds breaks[0]). */
template <domain D : shared3p>
D uint64[[1]] histogram(D ${t}[[1]] data, ${t}[[1]] breaks) {
    return _histogram(data, breaks);
}

/** Counts of the pairs (x[i], y[i]) in the grid of bins given by xBreaks and yBreaks. */
template <domain D : shared3p>
D uint64[[2]] heatmap(D ${t}[[1]] x, D ${t}[[1]] y, ${t}[[1]] xBreaks, ${t}[[1]] yBreaks) {
    assert(size(x) == size(y));
    D uint64[[2]] inX = _binIndicators(x, xBreaks);
    D uint64[[2]] inY = _binIndicators(y, yBreaks);
    return matrixMultiplication(transpose(inX), inY);
}
`,
];

function header(name: string, summary: string, imports: string[]): string {
  return `/*
 * ${name}: ${summary}
 *
 * GENERATED by stdlib/gen/statistics.ts (core in stdlib/gen/statistics-core.ts):
 * edit the generator, not this file.
 */
module ${name};

${imports.map((m) => `import ${m};`).join("\n")}
`;
}

export const statisticsModules: Record<string, string> = {
  shared3p_statistics_common: `${header("shared3p_statistics_common", "helpers shared by the statistics modules: cut (keep the available elements), conversion to floating point, nthElement, contingencyTable.", ["stdlib", "shared3p", "shared3p_random", "shared3p_sort"])}
${COMMON_CORE}
${stamp([toFloatMatrix])}`,
  shared3p_statistics_summary: `${header("shared3p_statistics_summary", "descriptive statistics of private samples (minimum, maximum, mean, variance, standard deviation, median, MAD, five-number summary, quantiles, covariance), with or without an isAvailable mask.", ["stdlib", "shared3p", "shared3p_sort", "shared3p_statistics_common"])}
${SUMMARY_CORE}
${stamp(summaryWrappers)}`,
  shared3p_statistics_distribution: `${header("shared3p_statistics_distribution", "histograms and two-dimensional heatmaps of private data over public bin boundaries, and counts of discrete values.", ["stdlib", "shared3p", "matrix", "shared3p_matrix", "shared3p_statistics_common"])}
${DISTRIBUTION_CORE}
${stamp(distributionWrappers)}`,
  shared3p_statistics_testing: `${header("shared3p_statistics_testing", "test statistics on private samples: t-tests and their degrees of freedom, paired t-test, chi-squared on a contingency table, Wilcoxon rank-sum and signed-rank, Mann-Whitney U; Benjamini-Hochberg multiple testing.", ["stdlib", "shared3p", "shared3p_sort", "shared3p_statistics_common", "shared3p_statistics_summary"])}
${TESTING_CORE}
${stamp(testingWrappers)}`,
  shared3p_statistics_regression: `${header("shared3p_statistics_regression", "least-squares linear regression on private data (simple, multiple, weighted) and LOESS smoothing.", ["stdlib", "shared3p", "matrix", "shared3p_sort", "shared3p_statistics_common", "shared3p_statistics_summary"])}
${REGRESSION_CORE}
${stamp(regressionWrappers)}`,
  shared3p_statistics_glm: `${header("shared3p_statistics_glm", "generalised linear models (Gaussian, logistic, Poisson) fitted by iteratively reweighted least squares; standard errors and AIC of the fit.", ["stdlib", "shared3p", "matrix", "shared3p_matrix", "shared3p_statistics_common", "shared3p_statistics_regression"])}
${GLM_CORE}
${stamp([glmWrapper])}`,
  shared3p_statistics_pca: `${header("shared3p_statistics_pca", "principal component analysis of private data by the Gram-Schmidt power method.", ["stdlib", "shared3p", "matrix", "shared3p_statistics_common"])}
${PCA_CORE}
${stamp([pcaWrapper])}`,
  shared3p_statistics_outliers: `${header("shared3p_statistics_outliers", "outlier detection by quantile range and by median absolute deviation; results are masks of the elements kept.", ["stdlib", "shared3p", "shared3p_statistics_common", "shared3p_statistics_summary"])}
${OUTLIERS_CORE}
${stamp(outlierWrappers)}`,
};

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const dir = join(dirname(fileURLToPath(import.meta.url)), "..");
  for (const [name, text] of Object.entries(statisticsModules)) writeFileSync(join(dir, `${name}.sc`), text);
}
